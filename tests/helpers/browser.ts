import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The built client; TRAMA_CLIENT_DIST lets parallel work build and test its own copy. */
export const CLIENT_DIST = process.env.TRAMA_CLIENT_DIST
  ? resolve(ROOT, process.env.TRAMA_CLIENT_DIST)
  : join(ROOT, 'dist', 'client')
export const ARTIFACTS = join(ROOT, 'test-results')

/**
 * Debian's Chromium (never a downloaded one), with the flags this closed network needs.
 * `scrollbars`: pages keep the room scrollbars take beside what scrolls (Windows, most Linux
 * desktops), which headless Chromium otherwise hides.
 */
export async function launchBrowser({ scrollbars = false } = {}): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: run scripts/ensure-chromium.mjs`)
  if (!existsSync(join(CLIENT_DIST, 'index.html')))
    throw new Error('client not built: run `npx vite build` first')
  return chromium.launch({
    executablePath,
    headless: true,
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

const openContexts = new Set<BrowserContext>()

/** Closes the contexts opened by {@link newParticipant} (call after each test). */
export async function closeParticipants(): Promise<void> {
  await Promise.all([...openContexts].map((c) => c.close().catch(() => {})))
  openContexts.clear()
}

/** A participant: its own context (own storage, own IndexedDB), with a remembered name. */
export async function newParticipant(
  browser: Browser,
  name: string,
  lang: 'it' | 'en' = 'it',
  /** A phone, say: its viewport and touch. */
  device: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...device })
  openContexts.add(context)
  await context.addInitScript(
    ([n, l]) => {
      if (!localStorage.getItem('trama.name')) localStorage.setItem('trama.name', n!)
      if (!localStorage.getItem('trama.lang')) localStorage.setItem('trama.lang', l!)
    },
    [name, lang],
  )
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error(`[${name}] page error:`, err.message))
  return { context, page }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}
