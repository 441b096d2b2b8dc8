import { afterAll } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { newParticipant } from './browser.ts'

export const titleInput = (page: Page) => page.getByLabel('Titolo della lavagna')
export const createButton = (page: Page) => page.getByRole('button', { name: 'Crea lavagna' })

/** Fills in the title, presses «Crea lavagna», and returns the new board's id. */
export async function createOnPage(page: Page, title: string) {
  await titleInput(page).fill(title)
  await createButton(page).click()
  const result = page.locator('section.result')
  await result.waitFor()
  return (await result.getAttribute('data-board-id'))!
}

/**
 * `openHome()`: a fresh browser profile on the home page; collects page errors and
 * board-creation requests. Its contexts close after the file's tests.
 */
export function homePages(suite: { browser: Browser; server: { url: string } }) {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const c of contexts) await c.close()
  })
  return async function openHome(lang: 'it' | 'en' = 'it') {
    const { context, page } = await newParticipant(suite.browser, 'Facilitatrice', lang)
    contexts.push(context)
    const errors: string[] = []
    const creations: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/boards')
        creations.push(req.postData() ?? '')
    })
    await page.goto(suite.server.url + '/')
    await page.getByRole('heading', { level: 1 }).waitFor()
    return { context, page, errors, creations }
  }
}
