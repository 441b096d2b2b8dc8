import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { participants, type Json } from '../helpers/pactPage.ts'

const suite = browserSuite()

describe('text pasted into a field', () => {
  it('longer than the field holds: its beginning is kept, and the page says so', async () => {
    const { board, alice } = await participants(suite, 'Patto incollato')
    await alice.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await alice.openView('vision')
    const territory = alice.page.locator('[data-field=territory]')
    await territory.click()
    const long = 'Val Seriana e Val di Scalve, '.repeat(200)
    await alice.page.evaluate((text) => navigator.clipboard.writeText(text), long)
    await alice.page.keyboard.press('Control+V')
    const notice = alice.page.getByTestId('text-cut')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('ne sono stati tenuti i primi 200 caratteri')
    await expect.poll(() => territory.inputValue()).toBe(long.slice(0, 200))
    await territory.press('Enter')
    await expect
      .poll(async () => {
        const pact = (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
        return (pact.info[0] as Json | undefined)?.territory
      })
      .toBe(long.slice(0, 200).trim())
    await screenshot(alice.page, 'pasted-text-cut')
    // a paste that fits says nothing
    await notice.getByRole('button', { name: 'Chiudi' }).click()
    await territory.click()
    await territory.press('Control+A')
    await alice.page.evaluate(() => navigator.clipboard.writeText('Val Cavallina'))
    await alice.page.keyboard.press('Control+V')
    await expect.poll(() => territory.inputValue()).toBe('Val Cavallina')
    expect(await notice.count()).toBe(0)
  })
})
