import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ROOM_ROOT, putCard, putLink } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'

/** A deep, narrow tree (a core problem and a chain of causes, two a row): it fits by its height. */
function deepTree(doc: Y.Doc) {
  doc.transact(() => {
    putCard(doc, 'problems', 'core', {
      kind: 'problem',
      label: 'Giovani senza lavoro',
      role: 'core',
      x: 0,
      y: 0,
    })
    let above = ['core']
    for (let row = 1; row <= 6; row++) {
      const ids = [`c${row}a`, `c${row}b`]
      ids.forEach((id, i) => {
        putCard(doc, 'problems', id, {
          ...{ kind: 'problem', label: `Causa ${row}${'ab'[i]}`, role: 'cause' },
          ...{ x: i * 260 - 130, y: row * 160 },
        })
        putLink(doc, 'problems', `l-${id}`, {
          kind: 'cause-effect',
          source: id,
          target: above[i] ?? above[0]!,
        })
      })
      above = ids
    }
  })
}

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

describe('the bars at the window’s foot', () => {
  it('«Mostra tutto» frames the tree above a locked phase’s banner, clear of the canvas’s top, on a 1366×768 laptop', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    deepTree(stock.doc)
    const { page } = await newParticipant(suite.browser, 'Pia')
    await page.setViewportSize({ width: 1366, height: 768 })
    const pia = boardPage(page)
    await pia.open(board.links.participant)
    await expect.poll(() => pia.cards().count()).toBe(13)
    // the facilitator locks the problem tree: its banner comes at the foot
    stock.doc.getMap(ROOM_ROOT).set('locks', ['problems'])
    const banner = page.getByTestId('room-locked')
    await banner.waitFor()
    await page.getByRole('button', { name: 'Mostra tutto' }).click()
    /** The cards' lowest edge and the banner's top, once the view has stopped moving. */
    const lowest = () =>
      page.evaluate(() => {
        const cards = [...document.querySelectorAll('.react-flow__node')]
        return Math.max(...cards.map((c) => c.getBoundingClientRect().bottom))
      })
    let last = NaN
    await expect
      .poll(async () => {
        const now = await lowest()
        const still = Math.abs(now - last) < 0.5
        last = now
        return still
      })
      .toBe(true)
    const top = (await banner.boundingBox())!.y
    await screenshot(page, 'foot-bars-locked-fit')
    expect(last).toBeLessThanOrEqual(top)
    // and the view keeps its margin at the top too: the tree touched the canvas's top edge
    const air = await page.evaluate(() => {
      const view = document.querySelector('.react-flow')!.getBoundingClientRect()
      const cards = [...document.querySelectorAll('.react-flow__node')]
      return Math.min(...cards.map((c) => c.getBoundingClientRect().top)) - view.top
    })
    expect(air).toBeGreaterThanOrEqual(16)
  })
})
