import type * as Y from 'yjs'
import { browserSuite } from '../helpers/suite.ts'
import { describe, expect, it } from 'vitest'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { connectSynced } from '../helpers/clients.ts'
import { putCard, putLink } from '../../shared/schema/index.ts'

const suite = browserSuite()

type Export = {
  canvases: { problems: { nodes: { label: string; x: number; y: number }[] } }
}

/** The core problem with a chain of five causes under it, one below the other. */
const chain = ['core', 'c1', 'c2', 'c3', 'c4', 'c5']
function putChain(doc: Y.Doc): void {
  chain.forEach((id, i) =>
    putCard(doc, 'problems', id, {
      kind: 'problem',
      label: `Carta ${id}`,
      role: id === 'core' ? 'core' : 'cause',
      x: 0,
      y: i * 160,
    }),
  )
  chain
    .slice(1)
    .forEach((id, i) =>
      putLink(doc, 'problems', `l-${id}`, { kind: 'cause-effect', source: id, target: chain[i]! }),
    )
}

describe('the problem tree in view: what a fit frames', () => {
  it('«Mostra tutto» frames the tree clear of the toolbar and of the warnings at its foot', async () => {
    const board = await createBoard(suite.server.url, 'Mostra tutto')
    // a tall chain of causes, and one card linked to nothing: a warning at the canvas's foot
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    stock.doc.transact(() => {
      putChain(stock.doc)
      putCard(stock.doc, 'problems', 'alone', {
        kind: 'problem',
        label: 'Carta sola',
        role: 'cause',
        x: 300,
        y: 5 * 160,
      })
    })
    stock.destroy()
    const { page } = await newParticipant(suite.browser, 'Nadia')
    await page.setViewportSize({ width: 1366, height: 768 })
    const p = boardPage(page)
    await p.open(board.links.participant)
    await expect.poll(() => p.cards().count()).toBe(chain.length + 1)
    await page.locator('[data-testid=tree-warnings]').waitFor()
    /** The cards under the toolbar or the warnings, or outside the canvas. */
    const covered = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
        const over = [
          document.querySelector('.react-flow .toolbar')!.getBoundingClientRect(),
          document.querySelector('[data-testid=tree-warnings]')!.getBoundingClientRect(),
        ]
        return [...document.querySelectorAll('.react-flow__node')]
          .map((el) => ({ text: el.textContent ?? '', box: el.getBoundingClientRect() }))
          .filter(
            ({ box }) =>
              over.some(
                (o) =>
                  box.top < o.bottom &&
                  box.bottom > o.top &&
                  box.left < o.right &&
                  box.right > o.left,
              ) ||
              box.top < pane.top ||
              box.bottom > pane.bottom,
          )
          .map(({ text }) => text)
      })
    // zoomed in, then everything again
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Ingrandisci' }).click()
    await page.getByRole('button', { name: 'Mostra tutto' }).click()
    await expect.poll(covered, { timeout: 5_000 }).toEqual([])
    // and the tree, taller than wide, takes the height below the toolbar: its top card just
    // under it, not a second toolbar's height lower
    const gap = () =>
      page.evaluate(() => {
        const toolbar = document.querySelector('.react-flow .toolbar')!.getBoundingClientRect()
        const tops = [...document.querySelectorAll('.react-flow__node')].map(
          (el) => el.getBoundingClientRect().top,
        )
        return Math.round(Math.min(...tops) - toolbar.bottom)
      })
    await expect.poll(gap, { timeout: 5_000 }).toBeLessThanOrEqual(30)
    expect(await gap()).toBeGreaterThanOrEqual(20)
  })

  it('after a layout, who pressed L sees the whole tree, none of it under the toolbar', async () => {
    const board = await createBoard(suite.server.url, 'Disposizione')
    // A messy tree in one row: the core problem, three effects and three causes side by side.
    // Laid out, the effects go above the core problem and the causes below it.
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    const ids = ['core', 'e1', 'e2', 'e3', 'c1', 'c2', 'c3']
    stock.doc.transact(() => {
      ids.forEach((id, i) =>
        putCard(stock.doc, 'problems', id, {
          kind: 'problem',
          label: `Carta ${id}`,
          role: id === 'core' ? 'core' : id.startsWith('e') ? 'effect' : 'cause',
          x: i * 260,
          y: 0,
        }),
      )
      for (const id of ['e1', 'e2', 'e3'])
        putLink(stock.doc, 'problems', `core-${id}`, {
          kind: 'cause-effect',
          source: 'core',
          target: id,
        })
      putLink(stock.doc, 'problems', 'e1-e2', { kind: 'cause-effect', source: 'e1', target: 'e2' })
      putLink(stock.doc, 'problems', 'e2-e3', { kind: 'cause-effect', source: 'e2', target: 'e3' })
      for (const id of ['c1', 'c2', 'c3'])
        putLink(stock.doc, 'problems', `${id}-core`, {
          kind: 'cause-effect',
          source: id,
          target: 'core',
        })
      putLink(stock.doc, 'problems', 'c2-c1', { kind: 'cause-effect', source: 'c2', target: 'c1' })
      putLink(stock.doc, 'problems', 'c3-c2', { kind: 'cause-effect', source: 'c3', target: 'c2' })
    })
    stock.destroy()

    const f = boardPage((await newParticipant(suite.browser, 'Facilitatrice')).page)
    await f.open(board.links.facilitator)
    await f.waitSaved()
    await expect.poll(() => f.cards().count()).toBe(ids.length)
    /** Cards partly hidden by the toolbar or outside the canvas, once the view stopped moving. */
    const hidden = () =>
      f.page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
        const bar = document.querySelector('.react-flow .toolbar')!.getBoundingClientRect()
        return [...document.querySelectorAll('.react-flow__node')]
          .map((el) => ({ text: el.textContent ?? '', box: el.getBoundingClientRect() }))
          .filter(
            ({ box }) =>
              (box.top < bar.bottom && box.left < bar.right && box.right > bar.left) ||
              box.top < pane.top ||
              box.left < pane.left ||
              box.right > pane.right ||
              box.bottom > pane.bottom,
          )
          .map(({ text }) => text)
      })
    await f.page.locator('.react-flow__pane').click({ position: { x: 700, y: 600 } })
    await f.page.keyboard.press('l')
    // laid out (the effects above the core problem, the causes below it), and the cards have
    // glided to the places the document holds
    await expect
      .poll(
        async () => {
          const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Export
          const stored = new Map(json.canvases.problems.nodes.map((n) => [n.label, n]))
          const core = stored.get('Carta core')!
          if (!(stored.get('Carta e3')!.y < core.y && stored.get('Carta c3')!.y > core.y))
            return false
          for (const [label, card] of stored) {
            const shown = await f.cardPosition(label)
            if (Math.abs(shown.x - card.x) > 0.5 || Math.abs(shown.y - card.y) > 0.5) return false
          }
          return true
        },
        { timeout: 10_000 },
      )
      .toBe(true)
    // then the view takes in the whole tree, below the toolbar
    await expect.poll(hidden, { timeout: 5_000 }).toEqual([])
    await screenshot(f.page, 'problem-tree-after-layout')
  })
  it('a card added with Shift+Tab above the top row is written clear of the toolbar', async () => {
    const board = await createBoard(suite.server.url, 'Effetti in alto')
    // a tall chain of causes under the core problem: fitted, the core is the top row
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    stock.doc.transact(() => putChain(stock.doc))
    stock.destroy()
    const { page } = await newParticipant(suite.browser, 'Teo')
    await page.setViewportSize({ width: 1366, height: 768 })
    const p = boardPage(page)
    await p.open(board.links.facilitator)
    await expect.poll(() => p.cards().count()).toBe(chain.length)
    await p.card('Carta core').click()
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => p.cards().count()).toBe(chain.length + 1)
    await page.keyboard.type('Emigrazione dei giovani')
    /** How the card being written sits: under the toolbar, outside the canvas, or clear. */
    const where = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
        const bar = document.querySelector('.react-flow .toolbar')!.getBoundingClientRect()
        // the card whose text has the focus
        const card = document.activeElement?.closest('.react-flow__node')
        if (!card) return 'missing'
        const box = card.getBoundingClientRect()
        if (box.top < bar.bottom && box.left < bar.right && box.right > bar.left)
          return 'under the toolbar'
        if (box.top < pane.top || box.bottom > pane.bottom) return 'outside the canvas'
        return 'clear'
      })
    await expect.poll(where, { timeout: 5_000 }).toBe('clear')
    await screenshot(page, 'tree-effect-above-clear-of-toolbar')
  })
  it('on a laptop a wide tree is framed clear of the minimap: no root cause under it', async () => {
    const board = await createBoard(suite.server.url, 'Albero largo')
    // the walkthrough's tree: two rows of effects, the core problem, six causes and twelve root
    // causes under them, each row centred, every card linked to the one above
    const rows = [
      { role: 'effect', count: 2 },
      { role: 'effect', count: 4 },
      { role: 'core', count: 1 },
      { role: 'cause', count: 6 },
      { role: 'cause', count: 12 },
    ] as const
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    stock.doc.transact(() => {
      rows.forEach(({ role, count }, r) => {
        for (let i = 0; i < count; i++)
          putCard(stock.doc, 'problems', `r${r}-${i}`, {
            kind: 'problem',
            // three lines, as a workshop writes them
            label: `Riga ${r} carta ${i}: poche opportunità di lavoro per i giovani della valle`,
            role,
            x: (i - (count - 1) / 2) * 220,
            y: r * 200,
          })
      })
      // effects point up, towards the row above; causes point up, towards the row above too
      rows.forEach(({ count }, r) => {
        if (r === 2) return
        const other = r < 2 ? r + 1 : r - 1
        for (let i = 0; i < count; i++) {
          const parent = `r${other}-${Math.floor((i * rows[other]!.count) / count)}`
          const [source, target] = r < 2 ? [parent, `r${r}-${i}`] : [`r${r}-${i}`, parent]
          putLink(stock.doc, 'problems', `l${r}-${i}`, { kind: 'cause-effect', source, target })
        }
      })
    })
    stock.destroy()
    const { page } = await newParticipant(suite.browser, 'Anna')
    await page.setViewportSize({ width: 1366, height: 768 })
    const p = boardPage(page)
    await p.open(board.links.participant)
    await expect.poll(() => p.cards().count()).toBe(25)
    /** The cards the minimap covers, or outside the canvas, once the view has stopped moving. */
    const covered = async () => {
      let last = ''
      await expect
        .poll(async () => {
          const now = await page
            .locator('.react-flow__viewport')
            .evaluate((el) => (el as HTMLElement).style.transform)
          const still = now === last
          last = now
          return still
        })
        .toBe(true)
      return page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
        const map = document.querySelector('.react-flow__minimap')!.getBoundingClientRect()
        return [...document.querySelectorAll('.react-flow__node')]
          .map((el) => ({ text: el.textContent ?? '', box: el.getBoundingClientRect() }))
          .filter(
            ({ box }) =>
              (box.top < map.bottom &&
                box.bottom > map.top &&
                box.left < map.right &&
                box.right > map.left) ||
              box.top < pane.top ||
              box.bottom > pane.bottom ||
              box.left < pane.left ||
              box.right > pane.right,
          )
          .map(({ text }) => text)
      })
    }
    await page.locator('.react-flow__minimap').waitFor()
    await expect.poll(covered, { timeout: 10_000 }).toEqual([])
    await screenshot(page, 'problem-tree-wide-clear-of-minimap')
    // zoomed in, then everything again
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Ingrandisci' }).click()
    await page.getByRole('button', { name: 'Mostra tutto' }).click()
    await expect.poll(covered, { timeout: 10_000 }).toEqual([])
  })
})
