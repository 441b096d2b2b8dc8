import { afterAll, describe, expect, it } from 'vitest'
import { putCard } from '../../shared/schema/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/**
 * Counts, once a second, the animation frames in which the page moved someone's cursor
 * (window.__cursorFrames). A string, not a function: the test's compiler would add helpers the
 * page does not have.
 */
const COUNT_CURSOR_FRAMES = `(() => {
  window.__cursorFrames = { frames: 0, moved: 0 }
  let last = ''
  const frame = () => {
    const key = [...document.querySelectorAll('.remote-cursor')].map((c) => c.style.transform).join(';')
    if (key && key !== last) window.__cursorFrames.moved++
    window.__cursorFrames.frames++
    last = key
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()`

describe('a crowded workshop', () => {
  it('twenty people moving their cursors update a page no more often than one person’s cursor moves', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle Brembana')
    const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(seeder)
    putCard(seeder.doc, 'problems', 'core', {
      kind: 'problem',
      role: 'core',
      label: 'Spopolamento della valle',
      x: 0,
      y: 0,
    })
    const anna = await suite.open(board.links.participant, 'Anna')
    await anna.card('Spopolamento della valle').waitFor()

    // twenty people, each moving their cursor as fast as a page sends it (15 times a second)
    const crowd = await Promise.all(
      Array.from({ length: 20 }, () =>
        connectSynced(suite.server.url, board.id, board.keys.participant),
      ),
    )
    clients.push(...crowd)
    crowd.forEach((c, i) =>
      c.provider.awareness.setLocalState({
        user: { name: `Persona ${i + 1}`, color: '#0f766e' },
        cursor: null,
        tab: 'problems',
      }),
    )
    let step = 0
    const moving = setInterval(() => {
      step++
      crowd.forEach((c, i) =>
        c.provider.awareness.setLocalStateField('cursor', {
          canvas: 'problems',
          x: -300 + i * 30 + (step % 20) * 4,
          y: 150 + (step % 10) * 3,
        }),
      )
    }, 1000 / 15)
    try {
      await expect.poll(() => anna.page.locator('.remote-cursor').count()).toBe(20)
      await anna.page.evaluate(COUNT_CURSOR_FRAMES)
      const started = Date.now()
      await waitFor(
        () => anna.page.evaluate(() => (window as any).__cursorFrames.moved >= 30),
        'the cursors moving',
      )
      const { moved } = (await anna.page.evaluate(() => (window as any).__cursorFrames)) as {
        moved: number
      }
      const seconds = (Date.now() - started) / 1000
      // Each person's cursor moves 15 times a second: the page follows them at that rate (a
      // little more for the timers' jitter), not at every frame the screen draws.
      expect(moved / seconds).toBeLessThan(20)
    } finally {
      clearInterval(moving)
    }
  })
})
