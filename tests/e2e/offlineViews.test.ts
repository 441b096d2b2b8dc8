/**
 * A view first opened while the Wi-Fi is down: its code comes from the cache the page filled
 * once the board was open, and when it cannot be had, its place says so and the board goes on
 * (opening the pact's «Indicatori» offline blanked the whole page, for good).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from '../helpers/suite.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()

/** Whether every file the page lists for later has been fetched (into the cache). */
const laterViewsFetched = (page: Page) =>
  page.evaluate(() => {
    const list =
      document.querySelector('meta[name="trama-later-views"]')?.getAttribute('content') ?? ''
    const files = list.split(' ').filter(Boolean)
    const fetched = new Set(
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    )
    return files.length > 0 && files.every((file) => fetched.has(file))
  })

/** Opens the pact's «Indicatori». */
async function openIndicators(page: Page) {
  await page.locator('#tab-pact').click()
  await page.locator('#pact-tab-indicators').click()
  await page.locator('#pact-tab-indicators[aria-selected=true]').waitFor()
}

describe('a view first opened offline', () => {
  it('loads, with its styles, from the cache the page filled once the board was open', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { context, page } = await newParticipant(suite.browser, 'Anna')
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const anna = boardPage(page)
    await anna.open(board.links.participant)
    await anna.waitSaved()
    await expect.poll(() => laterViewsFetched(page), { timeout: 15_000 }).toBe(true)
    await context.setOffline(true)
    await openIndicators(page)
    const view = page.getByTestId('indicators-view')
    await view.waitFor()
    // its own style sheet is applied (indicators.css)
    expect(await view.evaluate((el) => getComputedStyle(el).maxWidth)).toBe('1280px')
    await context.setOffline(false)
    expect(errors).toEqual([])
  })

  it('that cannot be fetched says so in its place; the rest of the board goes on', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { page } = await newParticipant(suite.browser, 'Bruno')
    // the indicators' code never arrives (as on a Wi-Fi down before the page could fetch it)
    await page.route('**/assets/IndicatorsView-*.js', (route) =>
      route.abort('internetdisconnected'),
    )
    const bruno = boardPage(page)
    await bruno.open(board.links.participant)
    await bruno.waitSaved()
    await openIndicators(page)
    const notice = page.getByTestId('view-not-loaded')
    await notice.getByText('Questa parte della lavagna non si è potuta caricare').waitFor()
    await screenshot(page, 'offline-view-not-loaded')
    // the header and the pact's other views still work
    expect(await page.getByTestId('connection').count()).toBe(1)
    await page.locator('#pact-tab-vision').click()
    await page.getByTestId('pact-vision').waitFor()
    expect(await notice.count()).toBe(0)
    // back on «Indicatori», it says so again, with the reload the network allows now
    await page.locator('#pact-tab-indicators').click()
    await notice.waitFor()
    expect(await notice.getByRole('button', { name: 'Ricarica la pagina' }).isEnabled()).toBe(true)
  })
})
