import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'
import { screenshot } from '../helpers/browser.ts'
import type { Page } from 'playwright-core'
import { exportedTree, writeCard as write, type ExportedTree } from '../helpers/treeCards.ts'

const suite = browserSuite()

const tree = (boardId: string, key: string, until?: (t: ExportedTree) => boolean) =>
  exportedTree(suite.server.url, boardId, key, until)

describe('the room builds one tree', () => {
  it("a participant's first card does not become the core problem by itself", async () => {
    const board = await createBoard(suite.server.url)
    const p = await suite.open(board.links.participant, 'Pietro')
    await p.addCardAt(600, 350, 'Pochi trasporti')
    await p.page
      .locator('[data-testid=tree-warnings]', { hasText: 'Manca il problema centrale' })
      .waitFor()
    const { byLabel } = await tree(board.id, board.keys.viewer, (t) => t.byLabel.size === 1)
    expect(byLabel.get('Pochi trasporti')?.role).toBe('cause')
  })

  it('a cause added with Tab under a pasted page of text stands a layer below its five lines', async () => {
    const board = await createBoard(suite.server.url)
    const anna = await suite.open(board.links.participant, 'Anna')
    await anna.page.getByRole('button', { name: '+ Aggiungi problema' }).click()
    await anna.page.getByRole('menuitem', { name: 'Problema centrale' }).click()
    const editor = anna.page.locator('textarea.card-editor')
    await editor.waitFor()
    const pasted = 'Problema ' + 'lunghissimo '.repeat(450)
    await anna.page.keyboard.insertText(pasted)
    await anna.page.keyboard.press('Enter')
    await anna.page
      .locator('.react-flow__node.selected', { hasText: 'Problema lunghissimo' })
      .waitFor()
    // still selected, its text shows whole; Tab adds a cause at once
    await anna.page.keyboard.press('Tab')
    await write(anna.page, 'Trasporti scarsi')
    const { byLabel } = await tree(board.id, board.keys.viewer, (t) => t.byLabel.size === 2)
    // (as long as a card's text may be: the rest of the paste is left out)
    const core = [...byLabel.values()].find((n) => n.label.startsWith('Problema lunghissimo'))!
    const cause = byLabel.get('Trasporti scarsi')!
    // a layer below the card as it is drawn unselected (five lines and «…»), not 1,500 px below
    expect(cause.y - core.y).toBeGreaterThan(0)
    expect(cause.y - core.y).toBeLessThanOrEqual(400)
  })

  it('two causes added to one card at the same moment stand side by side, not one on the other', async () => {
    const board = await createBoard(suite.server.url)
    const anna = await suite.open(board.links.participant, 'Anna')
    await anna.page.getByRole('button', { name: '+ Aggiungi problema' }).click()
    await anna.page.getByRole('menuitem', { name: 'Problema centrale' }).click()
    await write(anna.page, 'Disoccupazione giovanile')
    const bruno = await suite.open(board.links.participant, 'Bruno')
    const core = (p: typeof anna) =>
      p.page.locator('.react-flow__node', { hasText: 'Disoccupazione giovanile' })
    await core(bruno).waitFor()
    // Bruno's Wi-Fi drops for a moment: meanwhile both add a cause to the core problem, each on
    // the first free spot below it as their own page sees the tree, which is the same spot
    const context = bruno.page.context()
    await context.setOffline(true)
    await bruno.page.evaluate(() => window.dispatchEvent(new Event('offline')))
    await bruno.page.locator('[data-testid=connection][data-state=offline]').waitFor()
    for (const [p, text] of [
      [anna, 'Orientamento debole'],
      [bruno, 'Trasporti scarsi'],
    ] as const) {
      await core(p).click()
      await p.page.keyboard.press('Tab')
      await write(p.page, text)
    }
    await context.setOffline(false)
    await bruno.page.evaluate(() => window.dispatchEvent(new Event('online')))
    const apart = (page: Page) =>
      page.evaluate(() => {
        const box = (text: string) =>
          [...document.querySelectorAll('.react-flow__node')]
            .find((n) => n.textContent?.includes(text))
            ?.getBoundingClientRect()
        const a = box('Orientamento debole')
        const b = box('Trasporti scarsi')
        if (!a || !b) return false
        return a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
      })
    for (const p of [anna, bruno])
      await expect.poll(() => apart(p.page), { timeout: 15_000 }).toBe(true)
    await screenshot(anna.page, 'tree-two-causes-at-once')
  })

  it('with a card selected, a focused button keeps its Tab and Enter: the keyboard reaches the menus', async () => {
    const board = await createBoard(suite.server.url)
    const p = await suite.open(board.links.participant, 'Marco')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.page.getByRole('button', { name: '+ Aggiungi problema' }).click()
    await p.page.getByRole('menuitem', { name: 'Problema centrale' }).click()
    await write(p.page, 'Disoccupazione giovanile')
    const cards = () => p.page.locator('.react-flow__node').count()
    const focused = () => p.page.evaluate(() => document.activeElement?.textContent?.trim() ?? null)
    // the card just written stays selected; the keyboard user is on «Esporta»
    const exportButton = p.page.locator('[data-testid=export-menu]')
    await exportButton.focus()
    // Tab moves the focus on, as on any page: no cause is added
    await p.page.keyboard.press('Tab')
    await expect.poll(focused).not.toBe('Esporta')
    expect(await cards()).toBe(1)
    // Enter on «Esporta» opens its menu, not the card's text
    await exportButton.focus()
    await p.page.keyboard.press('Enter')
    await p.page.getByRole('menu', { name: /esporta/i }).waitFor()
    expect(await p.page.locator('textarea.card-editor').count()).toBe(0)
    await p.page.keyboard.press('Escape')
    // from the page itself, Tab still adds a cause to the selected card
    await p.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await p.page.locator('.react-flow__node', { hasText: 'Disoccupazione giovanile' }).click()
    await p.page.keyboard.press('Tab')
    await write(p.page, 'Orientamento debole')
    expect(await cards()).toBe(2)
  })

  it('laid out on a laptop, the tree stays clear of the warning at the foot of the canvas', async () => {
    const board = await createBoard(suite.server.url)
    // laying the room's tree out is the facilitator's
    const p = await suite.open(board.links.facilitator, 'Fulvia')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.waitSaved()
    // a chain of causes, taller than wide: the fit is bound by the height
    await p.page.keyboard.press('n')
    await write(p.page, 'Centro')
    for (let i = 1; i <= 5; i++) {
      await p.page.keyboard.press('Tab')
      await write(p.page, `Causa ${i}`)
    }
    // and a card linked to nothing: the warning shows at the canvas's foot
    await p.page.getByRole('button', { name: '+ Aggiungi problema' }).click()
    await p.page.getByRole('menuitem', { name: /Carta da collegare dopo/ }).click()
    await write(p.page, 'Da collegare')
    const warning = p.page.locator('[data-testid=tree-warnings]', {
      hasText: '1 carta non è collegata',
    })
    await warning.waitFor()
    await p.page.keyboard.press('l')
    // once the cards have glided and the view is fitted, the lowest card ends above the warning
    const clear = () =>
      p.page.evaluate(() => {
        const note = document.querySelector('[data-testid=tree-warnings]')!.getBoundingClientRect()
        const cards = [...document.querySelectorAll('.react-flow__node')].map((n) =>
          n.getBoundingClientRect(),
        )
        return Math.max(...cards.map((c) => c.bottom)) < note.top
      })
    await expect.poll(clear, { timeout: 10_000 }).toBe(true)
  })

  it('link dots answer clicks 24 px wide on a laptop with the whole tree in view, sized for the zoom from their first frame', async () => {
    const board = await createBoard(suite.server.url)
    const f = await suite.open(board.links.facilitator, 'Fulvia')
    await f.page.setViewportSize({ width: 1366, height: 768 })
    await f.waitSaved()
    await f.page.keyboard.press('n')
    await write(f.page, 'Centro')
    for (let i = 1; i <= 8; i++) {
      await f.page.keyboard.press('Tab')
      await write(f.page, `Causa ${i}`)
      await f.page.keyboard.press('ArrowUp')
    }
    await f.page.keyboard.press('l')
    // a fresh page fits the whole tree in view
    await expect.poll(() => f.page.locator('.react-flow__edge').count()).toBe(8)
    // the handles' zoom as they are first drawn
    await f.page.addInitScript(() => {
      const page = window as unknown as { firstHandleZoom?: string }
      new MutationObserver((_, observer) => {
        const handle = document.querySelector('.react-flow__node .react-flow__handle')
        if (!handle) return
        page.firstHandleZoom = getComputedStyle(handle).getPropertyValue('--flow-zoom').trim()
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true })
    })
    await f.page.reload()
    await expect.poll(() => f.cards().count()).toBe(9)
    // sized for the zoom in the commit that draws them: a rule written after the first paint
    // had the browser style every handle a second time (~8,000 elements at 2,000 cards)
    const first = await f.page.evaluate(
      () => (window as unknown as { firstHandleZoom?: string }).firstHandleZoom,
    )
    expect(Number(first || NaN)).toBeGreaterThan(0)
    const handles = f.page.locator('.react-flow__node .react-flow__handle')
    expect(await handles.count()).toBeGreaterThan(10)
    // the zoom the handles are sized for (FlowZoomVar): the canvas's, within 0.01, once the
    // fit has settled (eight causes side by side do not fit a laptop at zoom 1: before the fit,
    // both still read 1)
    const zooms = () =>
      f.page.evaluate(() => {
        const viewport = document.querySelector('.react-flow__viewport')!
        const handle = document.querySelector('.react-flow__node .react-flow__handle')!
        return {
          canvas: new DOMMatrix(getComputedStyle(viewport).transform).a,
          handles: Number(getComputedStyle(handle).getPropertyValue('--flow-zoom')),
          // not inherited from the canvas element: changing it there restyles every card
          onCanvas: getComputedStyle(viewport).getPropertyValue('--flow-zoom'),
        }
      })
    await expect
      .poll(async () => {
        const z = await zooms()
        return z.canvas < 0.9 && Math.abs(z.handles - z.canvas) < 0.011
      })
      .toBe(true)
    const { handles: zoom, onCanvas } = await zooms()
    expect(onCanvas).toBe('')
    // the click area: at least 26 screen px across below zoom 1, lying outside the card but for
    // 4 px (above a top dot, below a bottom dot). Every point 11 px from the area's centre, each
    // way, hits the dot: measured and probed in one task of the page, once the dots stand still
    // (two frames apart), so a settling view cannot move a dot between the two
    const size = Math.max(24 * zoom, 26)
    const probe = () =>
      f.page.evaluate(
        async ([size]) => {
          const dots = [
            ...document.querySelectorAll('.react-flow__node .react-flow__handle'),
          ].slice(0, 6)
          const rects = () => dots.map((d) => d.getBoundingClientRect())
          const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))
          const before = JSON.stringify(rects())
          await frame()
          await frame()
          if (JSON.stringify(rects()) !== before) return null
          const misses: string[] = []
          dots.forEach((dot, i) => {
            const box = dot.getBoundingClientRect()
            const top = dot.classList.contains('react-flow__handle-top')
            const cx = box.x + box.width / 2
            const cy = box.y + box.height / 2 + (top ? -1 : 1) * (size! / 2 - 4)
            for (const [dx, dy] of [
              [11, 0],
              [-11, 0],
              [0, 11],
              [0, -11],
              [11, 11],
              [-11, -11],
            ] as const) {
              const el = document.elementFromPoint(cx + dx, cy + dy)
              if (!el?.closest('.react-flow__node .react-flow__handle'))
                misses.push(
                  `handle ${i} (${top ? 'top' : 'bottom'}) at ${dx},${dy}: ${el?.className ?? 'nothing'}`,
                )
            }
          })
          return misses
        },
        [size],
      )
    let misses: string[] | null = null
    await expect
      .poll(async () => {
        misses = await probe()
        return misses !== null
      })
      .toBe(true)
    expect(misses, `zoom ${zoom}`).toEqual([])
    // and a card grabbed 12 px under its top edge moves rather than starting a link
    const card = f.card('Causa 1')
    const before = await f.cardPosition('Causa 1')
    const box = (await card.boundingBox())!
    await f.page.mouse.move(box.x + box.width / 2, box.y + 12)
    await f.page.mouse.down()
    for (let i = 1; i <= 8; i++)
      await f.page.mouse.move(box.x + box.width / 2 + i * 10, box.y + 12 + i * 5)
    await f.page.mouse.up()
    await expect.poll(async () => (await f.cardPosition('Causa 1')).x).not.toBe(before.x)
    expect(await f.page.locator('.react-flow__edge').count()).toBe(8)
  })
})
