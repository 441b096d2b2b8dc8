import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()

/**
 * What has the keyboard's focus, in words a test can compare: its test id, else its name or
 * text; `body` when the focus was lost to the page.
 */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    return (
      el.dataset.testid ??
      el.getAttribute('aria-label') ??
      el.textContent?.trim() ??
      el.tagName.toLowerCase()
    )
  })

describe('a participant who works with the keyboard alone', () => {
  it('opens «Esporta», walks its items with the arrows, picks one and keeps the focus on «Esporta»', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { page } = await suite.open(board.links.participant, 'Anna')
    const menu = page.getByTestId('export-menu')
    await menu.focus()

    // the menu takes the keyboard as it opens, and the arrows move along its items
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('export-problems-png')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => focused(page)).toBe('export-problems-svg')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    // from the first item, ↑ goes round to the last: the whole board as JSON
    await expect.poll(() => focused(page)).toBe('export-json')

    // Escape closes it and gives the focus back to the button that opened it
    await page.keyboard.press('Escape')
    await page.getByRole('menu').waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('export-menu')

    // an export picked with Enter downloads, and the focus stays on «Esporta», not the page
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('export-problems-png')
    const downloading = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('export-menu')
    expect((await downloading).suggestedFilename()).toMatch(/\.png$/)
    await expect.poll(() => menu.getAttribute('aria-busy')).toBe('false')
    expect(await focused(page)).toBe('export-menu')
  }, 60_000)
})

describe('a facilitator who works with the keyboard alone', () => {
  it('starts the timer from «Conduzione» and, closing it with Escape or «Chiudi», is back on «Conduzione»', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { page } = await suite.open(board.links.facilitator, 'Fede')
    await page.getByTestId('facilitation-open').focus()
    await page.keyboard.press('Enter')
    const panel = page.locator('#facilitation-panel')
    await panel.waitFor()

    // into the panel: «Chiudi», the minutes, «Avvia»
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect.poll(() => focused(page)).toBe('timer-minutes')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=room-timer]').waitFor()

    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('facilitation-open')

    await page.keyboard.press('Enter')
    await panel.waitFor()
    await page.keyboard.press('Tab')
    await expect.poll(() => focused(page)).toBe('Chiudi')
    await page.keyboard.press('Enter')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('facilitation-open')
  }, 60_000)
})
