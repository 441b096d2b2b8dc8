import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { putCard, putLink } from '../../shared/schema/index.ts'
import { newParticipant } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { buildWorkshopTree } from '../helpers/workshopTree.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

const BURST = 20

describe('the projector while a room adds cards', () => {
  it('shows a burst of new cards in a few steps, not one re-arrangement per card', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Brembana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    buildWorkshopTree(stock.doc)
    const { page } = await newParticipant(suite.browser, 'Proiettore')
    await page.setViewportSize({ width: 1920, height: 1080 })
    const projector = boardPage(page)
    await projector.open(board.links.viewer)
    await expect.poll(() => projector.cards().count()).toBe(25)

    // Every commit that adds cards to the projector's canvas, with the cards it added: each is a
    // new arrangement of the whole tree (a layering, a card width, a glide of camera and cards).
    await page.evaluate(() => {
      const steps: string[][] = []
      ;(window as unknown as { steps: string[][] }).steps = steps
      new MutationObserver((records) => {
        const added = records.flatMap((r) =>
          [...r.addedNodes].map((n) => (n as HTMLElement).dataset?.id ?? ''),
        )
        if (added.some((id) => id.startsWith('burst'))) steps.push(added)
      }).observe(document.querySelector('.react-flow__nodes')!, { childList: true })
    })

    // twenty participants add a cause each within a second and a bit, one after the other
    const started = performance.now()
    for (let i = 0; i < BURST; i++) {
      stock.doc.transact(() => {
        putCard(stock.doc, 'problems', `burst${i}`, {
          kind: 'problem',
          role: 'cause',
          label: `Causa aggiunta dal partecipante ${i + 1}`,
          x: i * 220,
          y: 700,
        })
        putLink(stock.doc, 'problems', `lb${i}`, {
          kind: 'cause-effect',
          source: `burst${i}`,
          target: `c${(i % 6) + 1}`,
        })
      })
      await new Promise((r) => setTimeout(r, 60))
    }
    const burstMs = performance.now() - started

    await expect.poll(() => projector.cards().count(), { timeout: 10_000 }).toBe(25 + BURST)
    const steps = await page.evaluate(() => (window as unknown as { steps: string[][] }).steps)
    console.log(
      'cards added per step:',
      steps.map((s) => s.length),
    )
    // every card of the burst shown, once
    expect(
      steps
        .flat()
        .filter((id) => id.startsWith('burst'))
        .sort(),
    ).toEqual(Array.from({ length: BURST }, (_, i) => `burst${i}`).sort())
    // the cards arrive over 1.2 s or more (longer on a busy machine) and are laid out at most
    // every 0.25 s: a step per quarter of a second and one more at either end, far fewer than
    // the cards (one step per card before, 15 to 17 of them)
    expect(steps.length).toBeLessThanOrEqual(Math.ceil(burstMs / 250) + 2)
    expect(steps.length).toBeLessThan(BURST / 2)
  })
})
