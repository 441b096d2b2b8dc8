import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { CLIENT_DIST, closeParticipants, launchBrowser, newParticipant } from './browser.ts'
import { boardPage } from './boardPage.ts'
import { startServer } from './server.ts'

/**
 * The set-up every browser test file shares: one real server on port 0 serving the built
 * client, one Chromium, and a fresh context per participant, closed after each test.
 */
export function browserSuite() {
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer({ staticDir: CLIENT_DIST })
    browser = await launchBrowser()
  })
  afterEach(closeParticipants)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('browserSuite: used before beforeAll')
      return server
    },
    get browser() {
      if (!browser) throw new Error('browserSuite: used before beforeAll')
      return browser
    },
    /** A new participant (own context and storage) with this name, on the board at `link`. */
    async open(link: string, name: string, lang: 'it' | 'en' = 'it') {
      const board = boardPage((await newParticipant(this.browser, name, lang)).page)
      await board.open(link)
      return board
    },
  }
}
