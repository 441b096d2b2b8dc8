import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { metaRoot, putCard, putLink } from '../../shared/schema/index.ts'
import { newParticipant } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, seededProblemBoard, type Client } from '../helpers/clients.ts'
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

/**
 * Counts the cards React draws, by kind (window.__cardRenders['problem-card'], …): a card is a
 * function component whose first element is the card's div, and it was drawn in a commit when
 * React ran it (PerformedWork). Read through React's developer-tools hook, which React looks for
 * as it loads; by the element, not by name, as the built client's names are minified.
 */
const COUNT_CARD_RENDERS = `(() => {
  window.__cardRenders = {}
  const FUNCTION_TAGS = new Set([0, 11, 14, 15])
  const kindOf = (f) => {
    const el = f.child
    const name = el && el.tag === 5 ? el.memoizedProps?.className : null
    return typeof name === 'string' ? /^(problem-card|objective-card)(?= |$)/.exec(name)?.[1] : null
  }
  const walk = (root) => {
    const stack = [root]
    while (stack.length)
      for (let f = stack.pop(); f; f = f.sibling) {
        const kind = FUNCTION_TAGS.has(f.tag) && (f.flags & 1) ? kindOf(f) : null
        if (kind) window.__cardRenders[kind] = (window.__cardRenders[kind] ?? 0) + 1
        if (f.child && (!f.alternate || f.child !== f.alternate.child)) stack.push(f.child)
      }
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(), inject: () => 1,
    checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot: (_id, root) => walk(root.current),
  }
})()`
const cardRenders = (page: Page, kind: 'problem-card' | 'objective-card') =>
  page.evaluate(
    (k) => (window as unknown as { __cardRenders: Record<string, number> }).__cardRenders[k] ?? 0,
    kind,
  )

describe('a crowded workshop', () => {
  it('a card or a link added by someone else draws again only what it changes, not every card', async () => {
    const labels = Array.from({ length: 40 }, (_, i) => `Problema ${i}`)
    const board = await seededProblemBoard(suite.server.url, labels, clients)
    const seeder = clients[clients.length - 1]!
    const { page } = await newParticipant(suite.browser, 'Anna')
    await page.addInitScript({ content: COUNT_CARD_RENDERS })
    const anna = boardPage(page)
    await anna.open(board.links.participant)
    await expect.poll(() => anna.cards().count()).toBe(40)
    const renders = () => cardRenders(page, 'problem-card')
    expect(await renders(), 'the hook counts the cards drawn').toBeGreaterThanOrEqual(40)

    // a new card: itself, and no other
    let before = await renders()
    putCard(seeder.doc, 'problems', 'nuova', {
      kind: 'problem',
      label: 'Carta nuova',
      x: 0,
      y: 400,
      role: 'cause',
    })
    await anna.card('Carta nuova').waitFor()
    await expect.poll(() => anna.cards().count()).toBe(41)
    expect((await renders()) - before, 'cards drawn for a new card').toBeLessThanOrEqual(2)

    // a link (the tree's shape changes, its checks run again): no card changes
    before = await renders()
    putLink(seeder.doc, 'problems', 'l-nuova', { kind: 'causes', source: 'nuova', target: 'p0' })
    await page.locator('[data-testid="rf__edge-l-nuova"]').waitFor()
    // one more change after it, seen by the page: the link's commit is behind us
    putCard(seeder.doc, 'problems', 'ultima', {
      kind: 'problem',
      label: 'Ultima carta',
      x: 300,
      y: 400,
      role: 'cause',
    })
    await anna.card('Ultima carta').waitFor()
    expect((await renders()) - before, 'cards drawn for a link and a card').toBeLessThanOrEqual(2)

    // a cycle: its two cards show it (and are drawn again for it), the others are not
    before = await renders()
    putLink(seeder.doc, 'problems', 'l-giro', { kind: 'causes', source: 'p0', target: 'nuova' })
    await anna.card('Carta nuova').locator('.problem-card.in-cycle').waitFor()
    await anna.card('Problema 0').locator('.problem-card.in-cycle').waitFor()
    expect(await page.locator('.problem-card.in-cycle').count()).toBe(2)
    expect((await renders()) - before, 'cards drawn for a cycle of two').toBeLessThanOrEqual(3)
  })

  it('an objective tree opens with each card drawn once, not again when React Flow has measured it', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle Seriana')
    const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(seeder)
    const count = 30
    seeder.doc.transact(() => {
      for (let i = 0; i < count; i++)
        putCard(seeder.doc, 'objectives', `o${i}`, {
          kind: 'objective',
          label: `Obiettivo ${i}`,
          x: (i % 6) * 260,
          y: Math.floor(i / 6) * 200,
          derivedFrom: null,
          status: 'reworded',
        })
      metaRoot(seeder.doc).set('phase', 'objectives')
    })
    const { page } = await newParticipant(suite.browser, 'Anna')
    await page.addInitScript({ content: COUNT_CARD_RENDERS })
    await boardPage(page).open(board.links.participant)
    const cards = page.locator('.react-flow__node-objective')
    await expect.poll(() => cards.count()).toBe(count)
    // React Flow shows a card once it has measured it: all of them measured and shown
    await expect
      .poll(() =>
        cards.evaluateAll((els) =>
          els.every((el) => getComputedStyle(el).visibility === 'visible'),
        ),
      )
      .toBe(true)
    // one more change the page shows: every commit of the opening is behind us
    putCard(seeder.doc, 'objectives', 'ultimo', {
      kind: 'objective',
      label: 'Ultimo obiettivo',
      x: 0,
      y: 1400,
      derivedFrom: null,
      status: 'reworded',
    })
    await page.locator('.react-flow__node-objective', { hasText: 'Ultimo obiettivo' }).waitFor()
    const drawn = await cardRenders(page, 'objective-card')
    expect(drawn, 'the hook counts the cards drawn').toBeGreaterThanOrEqual(count + 1)
    expect(drawn, 'objective cards drawn as the tree opened').toBeLessThanOrEqual(count + 3)
  })

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
