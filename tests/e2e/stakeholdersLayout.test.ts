import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { putCard } from '../../shared/schema/index.ts'
import { ACTOR_CATEGORIES } from '../../shared/schema/vocabulary.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { screenshot } from '../helpers/browser.ts'
import { LONG_ACTOR_NAMES } from '../helpers/stakeholderActors.ts'
import {
  canvasView,
  framedAfterResize,
  gridViewSoon,
  hintSight,
  sameView,
  tabTo,
} from '../helpers/gridSight.ts'
import {
  disjoint,
  putRelation,
  seedObjectives,
  stakeholdersWorkshop,
} from '../helpers/stakeholdersPage.ts'

const workshop = stakeholdersWorkshop()

describe('the Stakeholder phase laid out for the room', () => {
  it('keeps long actor names in the first column of the coverage matrix on a laptop', async () => {
    const board = await workshop.createBoard('Patto Lecco')
    const room = await workshop.stock(board)
    seedObjectives(room.doc)
    // every other actor contributes to an objective; the rest are marked «Nessun obiettivo»
    room.doc.transact(() =>
      LONG_ACTOR_NAMES.forEach((label, i) =>
        putCard(room.doc, 'stakeholders', `actor-${i}`, {
          ...newActorFields(ACTOR_CATEGORIES[i % 4]!, {
            label,
            objectives: i % 2 ? ['obj-1'] : [],
          }),
          x: i * 280,
          y: 0,
        }),
      ),
    )
    const p = await workshop.participant('Bruno')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.open(board.links.participant)
    await p.view('coverage')
    await expect
      .poll(() => p.page.locator('.coverage-table tbody th').count())
      .toBe(LONG_ACTOR_NAMES.length)
    await screenshot(p.page, 'stakeholders-coverage-laptop')

    const rows = await p.page.locator('.coverage-table').evaluate((table, names) => {
      // the lines a text is drawn on: the distinct tops of its words' boxes
      const linesOf = (el: Element) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      }
      const corner = table.querySelector('.coverage-corner')!.getBoundingClientRect()
      return [...table.querySelectorAll('tbody tr')].map((tr) => {
        const th = tr.querySelector('th')!
        const box = th.getBoundingClientRect()
        const name = [...th.querySelectorAll('span')].find(
          (s) => !s.children.length && names.includes(s.textContent!),
        )!
        const parts = [...th.querySelectorAll('*')].map((el) => el.getBoundingClientRect())
        return {
          name: name.textContent,
          // nothing of the row's header reaches past its column, into the objectives' cells
          spills: parts.filter((r) => r.right > box.right + 0.5 || r.left < box.left - 0.5).length,
          clear: box.right <= tr.querySelector('td')!.getBoundingClientRect().left + 0.5,
          // the column lines up with the header's corner
          aligned: Math.abs(box.left - corner.left) < 1 && Math.abs(box.width - corner.width) < 1,
          lines: linesOf(name),
        }
      })
    }, LONG_ACTOR_NAMES)
    // a long name reads in a few lines, not a word a line
    const unreadable = rows.filter((r) => r.spills > 0 || !r.clear || !r.aligned || r.lines > 4)
    expect(unreadable).toEqual([])
  })
  it('keeps a relation’s name off two cards placed close: its glyph alone, the name its tooltip', async () => {
    const board = await workshop.createBoard('Patto Val Seriana')
    const room = await workshop.stock(board)
    const place = (id: string, label: string, category: 'public' | 'third-sector', x: number) =>
      putCard(room.doc, 'stakeholders', id, { ...newActorFields(category, { label }), x, y: 0 })
    // side by side, 40 px apart: less than «€ Finanziamento» is wide
    room.doc.transact(() => {
      place('coop', 'Cooperativa sociale Fraternità', 'third-sector', 0)
      place('comune', 'Comune di Albino', 'public', 250)
    })
    putRelation(room.doc, 'rel-1', { source: 'coop', target: 'comune', kind: 'funding' })
    const p = await workshop.participant('Bruno')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.open(board.links.participant)
    await p.view('map')
    const label = p.page.locator('.relation-label[data-kind=funding]')
    await label.waitFor()
    /** The label's box against both cards', its tooltip, what it says and what it shows. */
    const seen = () =>
      label.evaluate((el) => {
        const box = el.getBoundingClientRect().toJSON() as DOMRect
        const cards = [...document.querySelectorAll('.actor-card')].map(
          (c) => c.getBoundingClientRect().toJSON() as DOMRect,
        )
        return { box, cards, title: el.getAttribute('title'), text: el.textContent }
      })
    const clear = async () => {
      const { box, cards } = await seen()
      return cards.length === 2 && cards.every((c) => disjoint(box, c))
    }
    await expect.poll(clear).toBe(true)
    const close = await seen()
    expect(close.title).toContain('Finanziamento')
    expect(close.text).toContain('Finanziamento')
    await screenshot(p.page, 'stakeholders-map-close-cards')

    // cards touching: the glyph moves off the line, still on neither card
    room.doc.transact(() => place('comune', 'Comune di Albino', 'public', 214))
    await expect
      .poll(() =>
        p
          .card('Comune di Albino')
          .boundingBox()
          .then((b) => b?.x),
      )
      .toBeLessThan(close.cards[1]!.x - 10)
    await expect.poll(clear).toBe(true)

    // far apart, the name shows whole on the line
    room.doc.transact(() => place('comune', 'Comune di Albino', 'public', 640))
    await expect
      .poll(() => label.evaluate((el) => el.getBoundingClientRect().width))
      .toBeGreaterThan(90)
    expect(await clear()).toBe(true)
    const name = label.getByText('Finanziamento', { exact: true })
    expect((await name.boundingBox())!.width).toBeGreaterThan(40)
  })

  it('keeps the empty grid’s hint on its quadrants, clear of the axes, at every laptop width', async () => {
    const board = await workshop.createBoard('Patto Val Brembana')
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    for (const [width, height] of [
      [1024, 768],
      [1152, 864],
      [1280, 800],
      [1366, 768],
      [1440, 900],
    ] as const) {
      await alice.page.setViewportSize({ width, height })
      // on «POTERE →» at 1024×768: in the middle of the canvas, not of the grid
      await expect
        .poll(() => hintSight(alice.page), { message: `at ${width}` })
        .toEqual({ shown: true, clashes: [], fontPx: 16.8, whole: true })
      await screenshot(alice.page, `stakeholders-grid-hint-${width}`)
    }
    // the facilitator pans the grid to the right: the hint goes with it
    const grid = await alice.centerOf(alice.page.locator('.grid-backdrop'))
    await alice.page.mouse.move(grid.x, grid.y)
    await alice.page.mouse.down()
    for (let i = 1; i <= 10; i++) await alice.page.mouse.move(grid.x + i * 30, grid.y + i * 5)
    await alice.page.mouse.up()
    await expect
      .poll(() => hintSight(alice.page))
      .toEqual({ shown: true, clashes: [], fontPx: 16.8, whole: true })
    await screenshot(alice.page, 'stakeholders-grid-hint-panned')
  })

  it('frames the grid for a resized window in the first frame drawn at its size, not under a pan', async () => {
    const board = await workshop.createBoard('Patto Valle Imagna')
    await workshop.stockWithActors(board)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    await alice.card('Comune di Bergamo').waitFor()
    // shrinking and growing: it stayed framed for the previous size a moment, cut off or small
    for (const [width, height] of [
      [1024, 768],
      [1152, 864],
      [1440, 900],
      [1366, 768],
    ] as const) {
      await alice.page.setViewportSize({ width, height })
      expect(await framedAfterResize(alice.page, width, height), `at ${width}`).toEqual({
        whole: true,
        filled: true,
      })
      await screenshot(alice.page, `stakeholders-grid-resized-${width}`)
    }

    // an actor's card open beside the grid: framed again, the card in sight, its sheet open
    await alice.card('Comune di Bergamo').click()
    const editor = alice.page.getByTestId('actor-editor')
    await editor.waitFor()
    await alice.page.setViewportSize({ width: 1280, height: 800 })
    expect(await framedAfterResize(alice.page, 1280, 800)).toEqual({ whole: true, filled: true })
    const canvas = (await alice.page.getByTestId('stakeholder-grid').boundingBox())!
    const card = (await alice.card('Comune di Bergamo').boundingBox())!
    const inside = (a: number, size: number, from: number, room: number) =>
      a >= from && a + size <= from + room
    expect(inside(card.x, card.width, canvas.x, canvas.width)).toBe(true)
    expect(inside(card.y, card.height, canvas.y, canvas.height)).toBe(true)
    expect(await editor.isVisible()).toBe(true)
    await screenshot(alice.page, 'stakeholders-grid-resized-card-open')

    // the facilitator panning the grid: the window resized under their hand leaves the view
    // where they are taking it, and where they leave it
    await alice.page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    const at = await alice.centerOf(alice.page.locator('.grid-backdrop'))
    await alice.page.mouse.move(at.x, at.y)
    await alice.page.mouse.down()
    for (let i = 1; i <= 6; i++) await alice.page.mouse.move(at.x + i * 20, at.y)
    const panned = await gridViewSoon(alice.page)
    await alice.page.setViewportSize({ width: 1366, height: 768 })
    await alice.page.waitForFunction(() => innerWidth === 1366)
    expect(await gridViewSoon(alice.page)).toBe(panned)
    await alice.page.mouse.up()
    expect(await gridViewSoon(alice.page)).toBe(panned)
  })

  it('frames the map again for a resized window while nobody has moved it, and keeps a view someone chose', async () => {
    const board = await workshop.createBoard('Patto Alto Sebino')
    await workshop.stockWithActors(board)
    const alice = await workshop.participant('Alice')
    const page = alice.page
    await page.setViewportSize({ width: 1440, height: 900 })
    await alice.open(board.links.facilitator)
    await alice.view('map')
    await alice.card('Comune di Bergamo').waitFor()
    const canvas = page.getByTestId('stakeholder-map')
    const cards = page.locator('.map-canvas .actor-card')
    /** Whether every actor's card is on the map's canvas, whole. */
    const allInSight = async () => {
      await canvasView(page, 'stakeholder-map')
      const c = (await canvas.boundingBox())!
      for (const box of await Promise.all((await cards.all()).map((card) => card.boundingBox())))
        if (
          !box ||
          box.x < c.x ||
          box.y < c.y ||
          box.x + box.width > c.x + c.width ||
          box.y + box.height > c.y + c.height
        )
          return false
      return true
    }
    expect(await allInSight()).toBe(true)
    // a smaller window: framed for it, every actor in sight
    await page.setViewportSize({ width: 1024, height: 768 })
    await expect.poll(allInSight).toBe(true)
    await screenshot(page, 'stakeholders-map-resized-1024')

    // an actor's sheet opening beside the map does not move it (nor does it reframe)
    const before = await canvasView(page, 'stakeholder-map')
    await alice.card('Comune di Bergamo').click()
    await page.getByTestId('actor-editor').waitFor()
    expect(sameView(await canvasView(page, 'stakeholder-map'), before)).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByTestId('actor-editor').waitFor({ state: 'detached' })

    // zoomed in on by its person: the window resized keeps their view
    const at = await alice.centerOf(canvas)
    await page.mouse.move(at.x, at.y)
    await page.mouse.wheel(0, -400)
    const chosen = await canvasView(page, 'stakeholder-map')
    expect(sameView(chosen, before)).toBe(false)
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.waitForFunction(() => innerWidth === 1366)
    await expect
      .poll(() => canvas.evaluate((el) => el.getBoundingClientRect().width > 1100))
      .toBe(true)
    expect(sameView(await canvasView(page, 'stakeholder-map'), chosen)).toBe(true)
  })

  it('brings the whole grid and the whole map back with «Mostra tutto», from the keyboard, on a laptop', async () => {
    const board = await workshop.createBoard('Patto Valle di Scalve')
    await workshop.stockWithActors(board)
    const alice = await workshop.participant('Alice')
    await alice.page.setViewportSize({ width: 1440, height: 900 })
    await alice.open(board.links.facilitator)
    await alice.card('Comune di Bergamo').waitFor()
    const page = alice.page
    for (const [view, tab, canvas] of [
      ['grid', 'Griglia potere/interesse', 'stakeholder-grid'],
      ['map', 'Mappa delle relazioni', 'stakeholder-map'],
    ] as const) {
      await alice.view(view)
      await alice.card('Comune di Bergamo').waitFor()
      const opened = await canvasView(page, canvas)
      // the facilitator zooms in on a card and pans: the grid, the map, no longer whole
      const at = await alice.centerOf(page.getByTestId(canvas))
      await page.mouse.move(at.x, at.y)
      await page.mouse.wheel(0, -400)
      await page.mouse.down()
      for (let i = 1; i <= 6; i++) await page.mouse.move(at.x + i * 30, at.y + i * 10)
      await page.mouse.up()
      expect(sameView(await canvasView(page, canvas), opened), view).toBe(false)
      // back to all of it, from the keyboard: framed as it opened (on the grid, its axes and
      // the tray; on the map, every actor at the zoom it opens at)
      await page.getByRole('tab', { name: tab, exact: true }).focus()
      expect(await tabTo(page, 'Mostra tutto'), view).toBe(true)
      const showAll = page.getByTestId(canvas).getByRole('button', { name: 'Mostra tutto' })
      expect(await showAll.getAttribute('title')).toBe('Mostra tutto')
      await page.keyboard.press('Enter')
      await expect.poll(async () => sameView(await canvasView(page, canvas), opened)).toBe(true)
      await screenshot(page, `stakeholders-${view}-show-all`)
      // the controls over nothing of the grid's: clear of the tray and the quadrants
      if (view === 'grid') {
        const controls = (await page.locator('.react-flow__controls').boundingBox())!
        for (const part of [page.getByTestId('grid-tray'), page.locator('.grid-backdrop')]) {
          const b = (await part.boundingBox())!
          const box = (r: typeof b) => ({
            left: r.x,
            right: r.x + r.width,
            top: r.y,
            bottom: r.y + r.height,
          })
          expect(disjoint(box(controls), box(b))).toBe(true)
        }
      }
    }
  })
})
