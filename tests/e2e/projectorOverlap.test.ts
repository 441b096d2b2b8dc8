import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateBoard } from '../../bench/client-board.ts'
import { putCard, putLink } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importBoard } from '../helpers/server.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/**
 * Counts, at every frame from the page’s start, the pairs of visible cards whose boxes
 * intersect, and keeps the largest count (window.__mostOverlaps). A string, not a function:
 * the test's compiler would add helpers the page does not have.
 */
const WATCH_OVERLAPS = `(() => {
  window.__mostOverlaps = 0
  const frame = () => {
    const boxes = [...document.querySelectorAll('.react-flow__node')]
      .filter((n) => n.offsetParent !== null && getComputedStyle(n).visibility !== 'hidden')
      .map((n) => n.getBoundingClientRect())
    let pairs = 0
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j]
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) pairs++
      }
    window.__mostOverlaps = Math.max(window.__mostOverlaps, pairs)
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()`

interface Card {
  id: string
  left: number
  top: number
  right: number
  bottom: number
}

/** The drawn cards' boxes on the screen. */
function cardBoxes(page: Page): Promise<Card[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => n.offsetParent !== null && getComputedStyle(n).visibility !== 'hidden')
      .map((n) => {
        const b = n.getBoundingClientRect()
        return { id: n.dataset.id!, left: b.left, top: b.top, right: b.right, bottom: b.bottom }
      }),
  )
}

/** The boxes once `count` cards are drawn and have not moved for 400 ms. */
async function settledBoxes(page: Page, count: number): Promise<Card[]> {
  let settled: Card[] | null = null
  await expect
    .poll(
      async () => {
        const a = await cardBoxes(page)
        await new Promise((r) => setTimeout(r, 400))
        const b = await cardBoxes(page)
        settled = a.length === count && JSON.stringify(a) === JSON.stringify(b) ? b : null
        return settled
      },
      { timeout: 15_000 },
    )
    .not.toBeNull()
  return settled!
}

function intersecting(cards: Card[]): string[] {
  return cards.flatMap((a, i) =>
    cards
      .slice(i + 1)
      .filter(
        (b) =>
          a.left < b.right - 0.5 &&
          b.left < a.right - 0.5 &&
          a.top < b.bottom - 0.5 &&
          b.top < a.bottom - 0.5,
      )
      .map((b) => `${a.id}/${b.id}`),
  )
}

describe('the projector never shows cards on top of each other', () => {
  it('a generated 40-card problem tree at 1920×1080, from the first frame, and after a card is added', async () => {
    const board = await importBoard(suite.server.url, generateBoard(40).board)
    const { page } = await newParticipant(suite.browser, 'Proiettore')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.addInitScript({ content: WATCH_OVERLAPS })
    await page.goto(board.links.viewer)

    const opened = await settledBoxes(page, 40)
    await screenshot(page, 'projector-40-cards')
    expect(intersecting(opened)).toEqual([])
    // all of it on the screen
    for (const c of opened) {
      expect(c.left).toBeGreaterThanOrEqual(0)
      expect(c.right).toBeLessThanOrEqual(1920)
      expect(c.bottom).toBeLessThanOrEqual(1080)
    }
    // and no frame before: the tree appears in its arrangement, not first at the board's
    // places with the projector's wider cards
    expect(
      await page.evaluate(() => (window as unknown as { __mostOverlaps: number }).__mostOverlaps),
    ).toBe(0)

    // the group adds a cause to the core problem
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    putCard(stock.doc, 'problems', 'new-cause', {
      kind: 'problem',
      role: 'cause',
      label: 'Orari dei servizi pensati per chi non lavora',
      x: 0,
      y: 400,
    })
    putLink(stock.doc, 'problems', 'new-link', {
      kind: 'cause-effect',
      source: 'new-cause',
      target: 'core',
    })
    const grown = await settledBoxes(page, 41)
    expect(intersecting(grown)).toEqual([])
  })

  it('keeps the tree clear of the vote ranking while a revealed vote shows it, and takes the room back when it is folded', async () => {
    const { board: generated } = generateBoard(40)
    generated.votes = {
      votes: [
        {
          id: 'v1',
          canvas: 'problems',
          label: 'Priorità',
          dots: 3,
          state: 'revealed',
          createdAt: '2026-12-04T09:00:00.000Z',
        },
      ],
      dots: ['core', 'cause-1', 'cause-2', 'cause-2', 'effect-1'].map((card, i) => ({
        id: `d${i}`,
        vote: 'v1',
        card,
        voter: `voter-${i % 2}`,
      })),
    }
    const board = await importBoard(suite.server.url, generated)
    const { page } = await newParticipant(suite.browser, 'Proiettore')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(board.links.viewer)
    const ranking = page.getByTestId('vote-ranking')
    await expect.poll(() => page.getByTestId('vote-ranking-item').count()).toBe(4)
    const rankingLeft = () => ranking.evaluate((el) => el.getBoundingClientRect().left)

    const shown = await settledBoxes(page, 40)
    await screenshot(page, 'projector-vote-ranking')
    const left = await rankingLeft()
    expect(left).toBeLessThan(1920 - 200)
    // every card left of the ranking, none on top of another, all on the screen
    expect(shown.filter((c) => c.right > left).map((c) => c.id)).toEqual([])
    expect(intersecting(shown)).toEqual([])
    for (const c of shown) expect(c.left).toBeGreaterThanOrEqual(0)

    // folded, the ranking is a title bar: the tree spreads over the whole screen again
    await ranking.getByRole('button', { name: 'Riduci la classifica' }).click()
    await expect
      .poll(async () => Math.max(...(await cardBoxes(page)).map((c) => c.right)), {
        timeout: 15_000,
      })
      .toBeGreaterThan(left + 50)
    expect(intersecting(await settledBoxes(page, 40))).toEqual([])
  })
})
