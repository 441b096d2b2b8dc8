import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { createBoard } from '../helpers/server.ts'
import { connectSynced } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { buildWorkshopTree, WORKSHOP_CORE, WORKSHOP_LABELS } from '../helpers/workshopTree.ts'
import { onPhone, onTop, reachable, THUMB } from '../helpers/phonePages.ts'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { seedActors } from '../helpers/stakeholdersPage.ts'

const suite = browserSuite()

/** A board holding a workshop's problem tree of 25 cards, and a phone on it at `role`'s link. */
async function treeOnPhone(role: 'participant' | 'facilitator') {
  const board = await createBoard(suite.server.url, 'Albero dal telefono')
  const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
  buildWorkshopTree(stock.doc)
  stock.destroy()
  const page = await onPhone(suite.browser, board.links[role])
  await expect.poll(() => boardPage(page).cards().count()).toBe(25)
  return page
}

/**
 * The cards wholly in the part of the tree nothing covers (below the toolbar, inside the
 * canvas), each as its role and its on-screen width.
 */
const inSight = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    const bar = document.querySelector('.react-flow .toolbar')!.getBoundingClientRect()
    return [...document.querySelectorAll('.react-flow__node')].flatMap((el) => {
      const r = el.getBoundingClientRect()
      const whole =
        r.top >= bar.bottom && r.bottom <= pane.bottom && r.left >= 0 && r.right <= pane.right
      const role = el.querySelector('.problem-card')?.className.match(/role-(\w+)/)?.[1]
      return whole ? [{ role, width: Math.round(r.width), text: el.textContent ?? '' }] : []
    })
  })

/**
 * The on-screen size of a card's text, in CSS px: its font's size at the canvas's zoom (what is
 * drawn as wide as the element is laid out, over its layout width).
 */
const textPx = (card: Locator) =>
  card
    .locator('.card-label')
    .evaluate(
      (el) =>
        (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().width) /
        (el as HTMLElement).offsetWidth,
    )

/** What a phone's reader reads without zooming: a card's text at 11 px at least. */
const READABLE_PX = 11

describe('the problem tree on a phone', () => {
  it('opens on the core problem at a size one reads, «Mostra tutto» still shows all', async () => {
    const page = await treeOnPhone('participant')
    // the whole tree fitted to 390 px was at a zoom of 0.11: cards 22 px wide, text a pixel
    // and a half tall. It opens on the core problem instead, a card's 200 px at least 150,
    // with a cause below it and an effect above it.
    await expect
      .poll(
        async () => {
          const shown = await inSight(page)
          const core = shown.find((c) => c.text.includes(WORKSHOP_CORE))
          return {
            core: !!core && core.width >= 150,
            cause: shown.some((c) => c.role === 'cause' && c.width >= 150),
            effect: shown.some((c) => c.role === 'effect' && c.width >= 150),
          }
        },
        { timeout: 10_000 },
      )
      .toEqual({ core: true, cause: true, effect: true })
    expect(await onTop(boardPage(page).card(WORKSHOP_CORE))).toBe(true)
    await screenshot(page, 'phone-tree-opens-on-core')
    // asked for, the whole tree: all 25 cards clear of the toolbar
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect
      .poll(async () => (await inSight(page)).length, { timeout: 10_000 })
      .toBe(Object.keys(WORKSHOP_LABELS).length)
  })

  it('after «Disponi albero» shows the core problem at a size one reads, as the tree opens', async () => {
    const page = await treeOnPhone('facilitator')
    const core = boardPage(page).card(WORKSHOP_CORE)
    // all of it first: its text a pixel and a half tall
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect
      .poll(async () => (await inSight(page)).length, { timeout: 10_000 })
      .toBe(Object.keys(WORKSHOP_LABELS).length)
    expect(await textPx(core)).toBeLessThan(READABLE_PX)
    // laid out, the tree was fitted to the screen's width again, at a zoom of 0.11
    await page.getByRole('button', { name: 'Altri strumenti' }).tap()
    await page.getByRole('button', { name: 'Disponi albero' }).tap()
    await expect
      .poll(
        async () => ({
          readable: (await textPx(core)) >= READABLE_PX,
          core: (await inSight(page)).some((c) => c.text.includes(WORKSHOP_CORE)),
        }),
        { timeout: 10_000 },
      )
      .toEqual({ readable: true, core: true })
    await screenshot(page, 'phone-tree-laid-out')
  })

  it('opened before the first card, shows the core problem the facilitator then writes', async () => {
    // the room opens the link first; the facilitator writes the core problem where her laptop's
    // screen is (its centre: 620 px right of the phone's), and its causes under it
    const board = await createBoard(suite.server.url, 'Albero scritto dopo')
    const page = await onPhone(suite.browser, board.links.participant)
    await page.getByTestId('canvas-empty').waitFor()
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    const core = 'Difficoltà di accesso al lavoro per le persone fragili nell’Ambito di Lecco'
    stock.doc.transact(() => {
      putCard(stock.doc, 'problems', 'core', {
        kind: 'problem',
        label: core,
        role: 'core',
        x: 620,
        y: 356,
      })
      for (const [i, label] of ['Trasporti scarsi', 'Poche imprese inclusive'].entries())
        putCard(stock.doc, 'problems', `c${i}`, {
          kind: 'problem',
          label,
          role: 'cause',
          x: 500 + i * 240,
          y: 560,
        })
    })
    stock.destroy()
    // the phone had framed nothing and stayed there: its screen showed an empty canvas
    await expect
      .poll(async () => (await inSight(page)).find((c) => c.text.includes(core))?.width ?? 0, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(150)
    await screenshot(page, 'phone-tree-first-card-later')
  })

  it('tells a phone on an empty tree what its thumb does: «+ Aggiungi problema», not a double click', async () => {
    const board = await createBoard(suite.server.url, 'Albero vuoto dal telefono')
    const page = await onPhone(suite.browser, board.links.participant)
    const hint = page.getByTestId('canvas-empty')
    await expect.poll(() => hint.textContent()).toContain('Tocca «+ Aggiungi problema»')
    expect(await hint.textContent()).not.toContain('clic')
  })

  it('keeps the tools in one row, the others behind «Altri strumenti», each a thumb’s size', async () => {
    const page = await treeOnPhone('facilitator')
    const p = boardPage(page)
    const bar = page.locator('.react-flow .toolbar')
    // in rows the tools took four, 128 px of the screen's 844
    await expect.poll(async () => (await bar.boundingBox())!.height).toBeLessThanOrEqual(70)
    const more = page.getByRole('button', { name: 'Altri strumenti' })
    const row = [
      page.getByRole('button', { name: '+ Aggiungi problema' }),
      more,
      page.getByRole('button', { name: 'Annulla' }),
      page.getByRole('button', { name: 'Ripeti' }),
    ]
    const folded = [
      page.getByRole('button', { name: 'Aggiungi causa' }),
      page.getByRole('button', { name: 'Aggiungi effetto' }),
      page.getByRole('combobox', { name: 'Ruolo della carta' }),
      page.getByRole('button', { name: 'Collega a…' }),
      page.getByRole('button', { name: 'Raggruppa in un ramo' }),
      page.getByRole('button', { name: 'Elimina' }),
      page.getByRole('button', { name: 'Disponi albero' }),
    ]
    for (const tool of row) expect(await reachable(tool)).toBe(true)
    for (const tool of folded) expect(await tool.isVisible()).toBe(false)

    // the core problem chosen (the panel's tools are for a chosen card); by keyboard: the panel
    // opens, Escape folds it and gives the focus back
    await p.card(WORKSHOP_CORE).tap()
    await page.locator('.react-flow__node.selected').waitFor()
    await more.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    for (const tool of folded) expect(await reachable(tool)).toBe(true)
    await page.keyboard.press('Tab')
    expect(await folded[0]!.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true)

    // by touch: the panel opened, a cause added to the chosen card
    await more.tap()
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    await screenshot(page, 'phone-tree-more-tools')
    await folded[0]!.tap()
    await expect.poll(() => p.cards().count()).toBe(26)
    // the panel folds, not to lie over the card being written
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')
    const editor = page.locator('textarea.card-editor')
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
    await expect.poll(() => onTop(editor)).toBe(true)
  })

  it('gives the objective tree the same row of tools and opens it, laid out, as the problems’', async () => {
    const page = await treeOnPhone('facilitator')
    await page.locator('#tab-objectives').tap()
    await page.getByRole('button', { name: 'Genera albero degli obiettivi' }).tap()
    await expect
      .poll(() => page.locator('.objective-canvas .react-flow__node').count())
      .toBe(Object.keys(WORKSHOP_LABELS).length)
    // what generating did: two short lines (it took 110 px), closed by a thumb
    const report = page.getByTestId('merge-report')
    expect((await report.boundingBox())!.height).toBeLessThanOrEqual(50)
    expect(await reachable(page.getByRole('button', { name: 'Chiudi il messaggio' }))).toBe(true)
    const bar = page.locator('.react-flow .toolbar').first()
    const undo = page.getByRole('button', { name: 'Annulla' })
    // in rows the tools took four, 127 px of the screen's 844: one row is less than two buttons
    await expect
      .poll(async () => (await bar.boundingBox())!.height < 2 * (await undo.boundingBox())!.height)
      .toBe(true)
    const more = page.getByRole('button', { name: 'Altri strumenti' })
    const row = [
      page.getByRole('button', { name: 'Genera albero degli obiettivi' }),
      more,
      undo,
      page.getByRole('button', { name: 'Ripeti' }),
    ]
    const folded = [
      page.getByRole('button', { name: 'Aggiungi obiettivo' }),
      page.getByRole('button', { name: 'Collega a…' }),
      page.getByRole('combobox', { name: 'Stato dell’obiettivo' }),
      page.getByRole('button', { name: 'Scarta' }),
      page.getByRole('button', { name: 'Elimina' }),
      page.getByRole('button', { name: 'Disponi albero' }),
    ]
    for (const tool of row) expect(await reachable(tool)).toBe(true)
    for (const tool of folded) expect(await tool.isVisible()).toBe(false)
    await more.tap()
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    for (const tool of folded) expect(await reachable(tool)).toBe(true)
    await screenshot(page, 'phone-objectives-more-tools')
    await page.keyboard.press('Escape')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')

    // generated, the tree opens as the problems' does: on the central objective, at a size one
    // reads (it was fitted whole, at 0.11); «Mostra tutto» shows all of it
    const central = page.locator('.react-flow__node:has(.objective-core)')
    const centralInSight = async () =>
      (await inSight(page)).some((c) => c.text.includes(WORKSHOP_CORE))
    const framed = async () => ({
      readable: (await textPx(central)) >= READABLE_PX,
      central: await centralInSight(),
    })
    await expect.poll(framed, { timeout: 10_000 }).toEqual({ readable: true, central: true })
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect
      .poll(async () => (await inSight(page)).length, { timeout: 10_000 })
      .toBe(Object.keys(WORKSHOP_LABELS).length)
    expect(await textPx(central)).toBeLessThan(READABLE_PX)
    // and so after «Disponi albero»
    await more.tap()
    await page.getByRole('button', { name: 'Disponi albero' }).tap()
    await expect.poll(framed, { timeout: 10_000 }).toEqual({ readable: true, central: true })
    // the phases and the «Verificato» of each link in sight, a thumb's size (they were 30 px
    // tall, and the box to tick 13 px)
    for (const tab of await page.locator('.phase-tabs button').all())
      expect((await tab.boundingBox())!.height).toBeGreaterThanOrEqual(THUMB)
    const ticks = () =>
      page.locator('.means-end-label label').evaluateAll((all) =>
        all.flatMap((el) => {
          const r = el.getBoundingClientRect()
          const seen = r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight
          return seen ? [Math.round(Math.min(r.width, r.height))] : []
        }),
      )
    await expect.poll(async () => (await ticks()).length).toBeGreaterThan(0)
    await expect.poll(async () => Math.min(...(await ticks()))).toBeGreaterThanOrEqual(THUMB)
    await screenshot(page, 'phone-objectives-laid-out')
  })
})

/** Where the grid's actor cards are: how many, how many wholly in sight, their names' size. */
const gridSight = (page: Page) =>
  page.evaluate(() => {
    const area = document.querySelector('[data-testid=stakeholder-grid]')!.getBoundingClientRect()
    const view = document.querySelector('.grid-canvas .react-flow__viewport')!
    const zoom = new DOMMatrixReadOnly(getComputedStyle(view).transform).a
    const cards = [...document.querySelectorAll('.actor-card')].map((c) =>
      c.getBoundingClientRect(),
    )
    const whole = cards.filter(
      (b) =>
        b.left >= Math.max(area.left, 0) - 1 &&
        b.right <= Math.min(area.right, innerWidth) + 1 &&
        b.top >= Math.max(area.top, 0) - 1 &&
        b.bottom <= Math.min(area.bottom, innerHeight) + 1,
    )
    const name = document.querySelector('.actor-card .actor-name')!
    return {
      cards: cards.length,
      whole: whole.length,
      zoom: Math.round(zoom * 100) / 100,
      namePx: Math.round(parseFloat(getComputedStyle(name).fontSize) * zoom * 10) / 10,
    }
  })

describe('the power/interest grid on a phone', () => {
  it('goes with its actors from the tray to the quadrants while its person has not moved it', async () => {
    const board = await createBoard(suite.server.url, 'Griglia che si riempie')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    const names = ['Comune di Albino', 'Cooperativa Il Ponte', 'Caritas di Albino']
    stock.doc.transact(() =>
      names.forEach((label, i) =>
        putCard(stock.doc, 'stakeholders', `a${i}`, {
          ...newActorFields('public', { label, placed: false }),
          x: 0,
          y: 0,
        }),
      ),
    )
    const page = await onPhone(suite.browser, board.links.participant)
    await page.locator('#tab-stakeholders').tap()
    await page.locator('.sh-phase[data-view=grid]').waitFor()
    await expect.poll(async () => (await gridSight(page)).whole, { timeout: 10_000 }).toBe(3)
    // the laptops place all three, to manage closely: the phone goes with them, off the tray
    stock.doc.transact(() =>
      names.forEach((_, i) => {
        const actor = canvasRoots(stock.doc, 'stakeholders').nodes.get(`a${i}`)!
        actor.set('power', 0.7 + i * 0.1)
        actor.set('interest', 0.8)
        actor.set('placed', true)
      }),
    )
    await page.getByTestId('grid-tray').getByText('Da collocare (0)').waitFor()
    await expect
      .poll(
        async () => {
          const { zoom, whole } = await gridSight(page)
          return { readable: zoom >= 0.8, cardInSight: whole > 0 }
        },
        { timeout: 10_000 },
      )
      .toEqual({ readable: true, cardInSight: true })
    await screenshot(page, 'phone-grid-follows-placed')
    stock.destroy()
  })

  it('opens on its actors at a size one reads, «Mostra tutto» still shows all', async () => {
    const board = await createBoard(suite.server.url, 'Griglia dal telefono')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    // one actor in each quadrant, three more to manage closely, one waiting to be placed
    seedActors(stock.doc)
    stock.doc.transact(() => {
      const more = [
        ['Ufficio di Piano di Seriate', 0.75, 0.7],
        ['Centro per l’impiego di Albino', 0.6, 0.9],
        ['Istituto superiore Valle Seriana', 0.95, 0.6],
      ] as const
      more.forEach(([label, power, interest], i) =>
        putCard(stock.doc, 'stakeholders', `more-${i}`, {
          ...newActorFields('public', { label, power, interest }),
          x: 0,
          y: 0,
        }),
      )
      putCard(stock.doc, 'stakeholders', 'waiting', {
        ...newActorFields('community', { label: 'Caritas di Albino', placed: false }),
        x: 0,
        y: 0,
      })
    })
    stock.destroy()
    const page = await onPhone(suite.browser, board.links.participant)
    await page.locator('#tab-stakeholders').tap()
    await page.locator('.sh-phase[data-view=grid]').waitFor()
    await expect.poll(() => page.locator('.actor-card').count()).toBe(8)
    // fitted whole to the phone's width the grid was at 0.26, its names 3.6 px tall: it opens
    // at a zoom one reads at instead, on actors
    await expect
      .poll(
        async () => {
          const { zoom, namePx, whole } = await gridSight(page)
          return { readable: zoom >= 0.8 && namePx >= 10, cardInSight: whole > 0 }
        },
        { timeout: 10_000 },
      )
      .toEqual({ readable: true, cardInSight: true })
    await screenshot(page, 'phone-grid-opens')
    // asked for, the whole grid: every actor card in sight
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect.poll(async () => (await gridSight(page)).whole, { timeout: 10_000 }).toBe(8)
    await screenshot(page, 'phone-grid-all')
  })
})
