import { browserSuite } from '../helpers/suite.ts'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { newParticipant } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()

/** Records, from the document's start, every report of the page breaking its security policy. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { policyViolations: string[] }).policyViolations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  return () =>
    page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations)
}

describe("the pages keep to the server's content security policy", () => {
  it('the home page and a board, its tree written in and its pact opened, report no violation (zod does not try eval)', async () => {
    const home = (await newParticipant(suite.browser, 'Irene')).page
    const homeViolations = await watchViolations(home)
    await home.goto(suite.server.url)
    await home.getByRole('button', { name: 'Crea lavagna' }).waitFor()
    expect(await homeViolations()).toEqual([])

    const board = await createBoard(suite.server.url, 'Patto Val Cavallina')
    const { page } = await newParticipant(suite.browser, 'Luca')
    const violations = await watchViolations(page)
    const tree = boardPage(page)
    await tree.open(board.links.facilitator)
    await tree.addCardAt(640, 300, 'Pochi tirocini per chi esce dal carcere')
    await tree.waitSaved()
    await page.locator('#tab-pact').click()
    await page.locator('#pact-tab-vision[aria-selected=true]').waitFor()
    await page.locator('[data-testid=pact-vision]').waitFor()
    expect(await violations()).toEqual([])
  })
})
