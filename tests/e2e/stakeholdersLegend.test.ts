import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { stakeholdersWorkshop } from '../helpers/stakeholdersPage.ts'

const workshop = stakeholdersWorkshop()

const CATEGORIES = [
  'Sistema Pubblico',
  'Terzo Settore',
  'Sistema Economico-Produttivo',
  'Attori della comunità',
]
const RELATIONS = ['Cooperazione', 'Conflitto', 'Scambio di informazioni', 'Finanziamento']

describe('the Stakeholder phase’s bar and legend on a laptop', () => {
  it('keeps the bar and the legend in one row on a laptop from 1024 to 1366 px, the facilitator’s and a participant’s', async () => {
    // the browser's default window (1280×800) and the public bodies' older laptops: in two rows
    // the bar took 45 px of the grid
    const { alice, bruno } = await workshop.twoParticipants('Patto Val Cavallina')
    for (const [width, height] of [
      [1024, 768],
      [1152, 864],
      [1280, 800],
      [1366, 768],
    ] as const) {
      for (const [who, p] of [
        ['facilitator', alice],
        ['participant', bruno],
      ] as const) {
        await p.page.setViewportSize({ width, height })
        await p.page.getByTestId('grid-tray').waitFor()
        await expect.poll(p.barInOneRow, { message: `${who} at ${width}` }).toBe(true)
        // nothing cut short: each control shows the whole of its text or icon
        expect(await p.barClipped(), `${who} at ${width}`).toEqual([])
        // the legend under the grid too (the categories, the stances and the arrows' toggle):
        // in two rows at 1024 and 1152, 24 px less of the grid
        await expect.poll(p.legendRows, { message: `legend: ${who} at ${width}` }).toBe(1)
        await screenshot(p.page, `stakeholders-grid-${width}-${who}`)
        // each category of the legend named in full, to a screen reader and in its tooltip
        const legend = p.page.getByTestId('legend')
        const read = await legend.getByRole('list', { name: 'Categorie' }).ariaSnapshot()
        const categories = await legend
          .locator('li[data-category]')
          .evaluateAll((items) => items.map((li) => li.getAttribute('title')))
        expect(categories).toEqual(CATEGORIES)
        // (the whole name, not the shorter one shown, nor twice)
        expect(read).toBe(
          ['- list "Categorie":', ...CATEGORIES.map((c) => `  - listitem "${c}"`)].join('\n'),
        )
        const arrows = legend.getByRole('checkbox', { name: 'Frecce di allineamento', exact: true })
        expect(await arrows.count()).toBe(1)
        // each control still named in full, and in its tooltip where its text is shorter
        const views = p.page.getByRole('tablist', { name: 'Vista' })
        for (const view of [
          'Griglia potere/interesse',
          'Mappa delle relazioni',
          'Registro',
          'Attori × obiettivi',
        ]) {
          const tab = views.getByRole('tab', { name: view, exact: true })
          expect(await tab.getAttribute('title')).toBe(view)
        }
        const group = p.page.getByRole('group', { name: 'Aggiungi attore', exact: true })
        for (const category of CATEGORIES) {
          const name = `Aggiungi un attore: ${category}`
          const button = group.getByRole('button', { name, exact: true })
          expect(await button.getAttribute('title')).toBe(name)
        }
      }
    }
  })

  it('keeps the map’s legend in one row from 1024 to 1279 px, every name whole to a screen reader and in its tooltip', async () => {
    const board = await workshop.createBoard('Patto Val Seriana Alta')
    await workshop.stockWithActors(board)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    await alice.view('map')
    const legend = alice.page.getByTestId('legend')
    // the categories, the stances and the four relations: on two rows, 26 px less of the map
    for (const [width, height] of [
      [1024, 768],
      [1152, 864],
      [1279, 800],
    ] as const) {
      await alice.page.setViewportSize({ width, height })
      await expect.poll(alice.legendRows, { message: `map at ${width}` }).toBe(1)
      await screenshot(alice.page, `stakeholders-map-legend-${width}`)
      for (const [list, names] of [
        ['Categorie', CATEGORIES],
        ['Relazioni', RELATIONS],
      ] as const) {
        const items = legend.getByRole('list', { name: list })
        const titles = await items
          .locator('li')
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('title')))
        expect(titles, `${list} at ${width}`).toEqual(names)
        expect(await items.ariaSnapshot()).toBe(
          [`- list "${list}":`, ...names.map((n) => `  - listitem "${n}"`)].join('\n'),
        )
      }
    }
  })

  it('keeps the legend in one row beside an actor’s card, as its own width allows, the grid’s and the map’s', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana Bassa')
    await workshop.stockWithActors(board)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    await alice.card('Comune di Bergamo').click()
    const editor = alice.page.getByTestId('actor-editor')
    await editor.waitFor()
    const legend = alice.page.getByTestId('legend')
    // the card takes 350 px of the window, and of the legend under the canvas: at 1280 px it
    // wrapped onto two rows, its rules following the window
    const rows = async (view: string, width: number, height: number, shown: string[]) => {
      await alice.page.setViewportSize({ width, height })
      const where = `${view} at ${width}${(await editor.isVisible()) ? ', a card open' : ''}`
      await expect.poll(alice.legendRows, { message: where }).toBe(1)
      expect(await alice.legendShown(), where).toEqual(shown)
      await screenshot(alice.page, `stakeholders-legend-${view}-${width}-card`)
    }
    const STANCES = ['✓ Sostiene', '= Neutrale', '✕ Resiste']
    const SIGNS = ['✓', '=', '✕']
    const SHORT = ['Pubblico', 'Terzo Settore', 'Economico', 'Comunità']
    const ICONS = ['', '', '', '']
    const SHORT_RELATIONS = ['Cooperazione', 'Conflitto', 'Informazioni', 'Finanziamento']
    await rows('grid', 1280, 800, [...SHORT, ...STANCES, 'Frecce'])
    await rows('grid', 1024, 768, [...SHORT, ...SIGNS, 'Frecce'])
    await rows('grid', 1366, 768, [...SHORT, ...STANCES, 'Frecce di allineamento'])
    await alice.view('map')
    await rows('map', 1280, 800, [...ICONS, ...SIGNS, ...SHORT_RELATIONS])
    await rows('map', 1440, 900, [...ICONS, ...STANCES, ...SHORT_RELATIONS])
    // the card closed, the legend as wide as the window: the names as it allows
    await editor.getByRole('button', { name: 'Chiudi scheda' }).click()
    await editor.waitFor({ state: 'detached' })
    await rows('map', 1366, 768, [...SHORT, ...STANCES, ...SHORT_RELATIONS])
    await rows('map', 1440, 900, [...SHORT, ...STANCES, ...RELATIONS])
    // every name whole to a screen reader still, where only signs or icons show
    await rows('map', 1024, 768, [...ICONS, ...STANCES, ...SHORT_RELATIONS])
    const read = await legend.ariaSnapshot()
    for (const name of [...CATEGORIES, 'Sostiene', 'Neutrale', 'Resiste', ...RELATIONS])
      expect(read).toContain(name)
  })
})
