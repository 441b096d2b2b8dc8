/** The home page in English: the choice remembered, and texts that come late. */
import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { homePages } from '../helpers/homePage.ts'
import { browserSuite } from '../helpers/suite.ts'

const suite = browserSuite()
const openHome = homePages(suite)

describe('home page languages', () => {
  it('switches to English and remembers the choice', async () => {
    const { page } = await openHome()
    const heading = page.getByRole('heading', { level: 2 }).first()
    expect(await heading.textContent()).toBe('Crea una nuova lavagna')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Create a new board' }).waitFor()
    expect(await heading.textContent()).toBe('Create a new board')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    await page.getByRole('heading', { name: 'Your boards' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Create a new board' }).waitFor()
    await screenshot(page, 'home-en')
    await page.getByRole('button', { name: 'Italiano' }).click()
    await page.getByRole('heading', { name: 'Crea una nuova lavagna' }).waitFor()
  })

  it('English texts that come late: the last choice wins, and a page set to English does not wait for them forever', async () => {
    const { page } = await openHome()
    // the English texts are held back until the test lets them go
    let letGo = () => {}
    const held = new Promise<void>((resolve) => (letGo = resolve))
    await page.route(/\/assets\/en-[^/]*\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Italiano' }).click()
    const arrived = page.waitForResponse(/\/assets\/en-[^/]*\.js$/)
    letGo()
    const url = (await arrived).url()
    // the texts are in and the page has had its frames to switch to them: English was not the
    // last choice, so it stays in Italian
    // (a string: the test runner would rewrite an import() written in the test's own code)
    await page.evaluate(
      `(async () => {
        await import(${JSON.stringify(url)})
        for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r))
      })()`,
    )
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it')
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Crea una nuova lavagna',
    )
    expect(await page.getByRole('button', { name: 'Italiano' }).getAttribute('aria-pressed')).toBe(
      'true',
    )

    // a page set to English whose texts do not come draws in Italian, then switches
    const late = await openHome('en')
    let release = () => {}
    const stuck = new Promise<void>((resolve) => (release = resolve))
    await late.page.route(/\/assets\/en-[^/]*\.js$/, async (route) => {
      await stuck
      await route.continue()
    })
    await late.page.reload({ waitUntil: 'commit' })
    await late.page.getByRole('heading', { name: 'Crea una nuova lavagna' }).waitFor()
    release()
    await late.page.getByRole('heading', { name: 'Create a new board' }).waitFor()
    expect(await late.page.evaluate(() => document.documentElement.lang)).toBe('en')
  })
})
