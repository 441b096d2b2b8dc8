import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { PNG } from 'pngjs'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()

describe('the Esporta menu', () => {
  it('downloads the problem tree in view as a PNG drawn by the server', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana 2027')
    const p = await suite.open(board.links.participant, 'Paola')
    await p.addCardAt(500, 300, 'Disoccupazione giovanile più alta')
    await p.waitSaved()

    const menu = p.page.getByTestId('export-menu')
    await menu.click()
    // the problem tab offers its own canvas only, in both formats
    await expect.poll(() => p.page.getByRole('menuitem').count()).toBe(2)
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
})
