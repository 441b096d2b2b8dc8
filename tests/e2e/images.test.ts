import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()
/** The menu's picture entries (the rest are the pact document and the tables). */
const images = (page: Page) =>
  page.getByRole('menuitem').and(page.locator('[data-testid$="-png"], [data-testid$="-svg"]'))

describe('the Esporta menu', () => {
  it('offers every canvas, the one in view first, and downloads the problem tree as a PNG drawn by the server', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana 2027')
    const p = await suite.open(board.links.participant, 'Paola')
    await p.addCardAt(500, 300, 'Disoccupazione giovanile più alta')
    await p.waitSaved()

    const menu = p.page.getByTestId('export-menu')
    await menu.click()
    // every canvas in both formats, the tab's own first (then the document and tables): no
    // need to take the room to another phase for its picture
    await expect.poll(() => images(p.page).count()).toBe(8)
    expect(
      await images(p.page).evaluateAll((els) => els.slice(0, 3).map((e) => e.dataset.testid)),
    ).toEqual(['export-problems-png', 'export-problems-svg', 'export-objectives-png'])
    const downloading = p.page.waitForEvent('download')
    await p.page.getByTestId('export-problems-png').click()
    const download = await downloading
    const day = new Date().toISOString().slice(0, 10)
    expect(download.suggestedFilename()).toBe(`patto-val-seriana-2027-albero-problemi-${day}.png`)
    const bytes = await readFile((await download.path())!)
    const png = PNG.sync.read(bytes)
    expect(png.width).toBeGreaterThan(1200) // 2× a page at least 640 px wide, with margins
    // the menu is ready again once the file is there
    await expect.poll(() => menu.getAttribute('aria-busy')).toBe('false')
    await expect.poll(() => menu.isEnabled()).toBe(true)
  })

  it('offers grid and map first on the stakeholder tab, shows progress while it runs and an error when it fails', async () => {
    const board = await createBoard(suite.server.url, 'Città più unita')
    const p = await suite.open(board.links.viewer, 'Vera')
    await p.page.locator('#tab-stakeholders').click()
    const menu = p.page.getByTestId('export-menu')
    await menu.click()
    await expect.poll(() => images(p.page).count()).toBe(8)
    expect(
      await images(p.page).evaluateAll((els) => els.slice(0, 4).map((e) => e.dataset.testid)),
    ).toEqual(['export-grid-png', 'export-grid-svg', 'export-map-png', 'export-map-svg'])

    // hold the answer until the busy state has been seen: no timing involved
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await p.page.route('**/export/grid.svg*', async (route) => {
      await held
      await route.continue()
    })
    const downloading = p.page.waitForEvent('download')
    await p.page.getByTestId('export-grid-svg').click()
    await expect.poll(() => menu.getAttribute('aria-busy')).toBe('true')
    // busy, it keeps its word and width; what is being done is said under it
    expect(await menu.innerText()).toBe('Esporta')
    await p.page.getByRole('status').filter({ hasText: 'Preparazione di' }).waitFor()
    release()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(
      /^citta-piu-unita-griglia-stakeholder-\d{4}-\d{2}-\d{2}\.svg$/,
    )
    const svg = await readFile((await download.path())!, 'utf8')
    expect(svg).toContain('Città più unita')
    expect(svg).toContain('Gestire da vicino')
    await expect.poll(() => menu.getAttribute('aria-busy')).toBe('false')

    await p.page.route('**/export/map.png*', (route) => route.fulfill({ status: 500, body: '{}' }))
    await menu.click()
    await p.page.getByTestId('export-map-png').click()
    await p.page.getByRole('alert').filter({ hasText: 'Esportazione non riuscita' }).waitFor()
  })
})
