import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks } from '../helpers/pactPage.ts'
import { criteria, strategyPage } from '../helpers/strategyPage.ts'
import * as phone from '../helpers/phonePages.ts'

const suite = browserSuite()
const { WIDTH, THUMB, workshopAtThePact, onTop, offScreen } = phone
const onPhone = (link: string, name?: string) => phone.onPhone(suite.browser, link, name)

describe('a participant on a phone', () => {
  it('sees the strategies above the scoring table and gives every score with a thumb', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.participant)
    const strategy = strategyPage(page)
    await strategy.open(board.links.participant)
    await expect.poll(() => page.locator('thead th.candidate-col').count()).toBe(3)

    // one column: the candidates, then the table across the screen (beside the candidates it
    // was a strip 55 px wide), nothing past the screen's edge but what the table scrolls
    const layout = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect()
      return {
        candidates: box('.candidates').bottom,
        table: box('.grid-scroll'),
        page: document.documentElement.scrollWidth,
      }
    })
    expect(layout.candidates).toBeLessThanOrEqual(layout.table.top + 1)
    expect(layout.table.left).toBeGreaterThanOrEqual(0)
    expect(layout.table.right).toBeLessThanOrEqual(WIDTH)
    expect(layout.table.width).toBeGreaterThanOrEqual(WIDTH * 0.9)
    expect(layout.page).toBeLessThanOrEqual(WIDTH)
    expect(await offScreen(page, '[data-testid=strategy-view]')).toEqual([])
    await page.locator('.scoring-grid').scrollIntoViewIfNeeded()
    await screenshot(page, 'phone-strategy-table')

    // the last strategy, scrolled in from the right: a finger scores each criterion there,
    // the criteria's names staying in view at the left
    const scores = [5, 4, 3, 2, 1, 5]
    for (const [i, criterion] of criteria.entries()) {
      const button = strategy.cell('cand-3', criterion).locator(`[data-score="${scores[i]}"]`)
      await button.scrollIntoViewIfNeeded()
      const box = (await button.boundingBox())!
      expect(box.width).toBeGreaterThanOrEqual(THUMB)
      expect(box.height).toBeGreaterThanOrEqual(THUMB)
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH)
      expect(await onTop(button)).toBe(true)
      await button.tap()
      await expect.poll(() => button.getAttribute('aria-checked')).toBe('true')
      const name = page.locator('[data-testid=criterion]').nth(i).locator('.criterion-name')
      const scroller = (await page.locator('.grid-scroll').boundingBox())!
      expect(Math.abs((await name.boundingBox())!.x - scroller.x)).toBeLessThanOrEqual(20)
      expect(await onTop(name)).toBe(true)
    }
    expect(await strategy.myScores('cand-3')).toEqual(scores)
    await screenshot(page, 'phone-strategy-scored')
  })

  it('opens «Segui…» whole on the screen and follows someone from it', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.participant)
    await suite.open(board.links.participant, 'Marco')
    await page.getByRole('button', { name: 'Segui…' }).tap()
    const item = page.getByRole('button', { name: 'Segui Marco' })
    await item.waitFor()
    // it hung from the button's right edge, about 80 px past the screen's left one
    const menu = (await page.locator('.follow-menu__list').boundingBox())!
    expect(menu.x).toBeGreaterThanOrEqual(0)
    expect(menu.x + menu.width).toBeLessThanOrEqual(WIDTH)
    const box = (await item.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(await onTop(item)).toBe(true)
    await screenshot(page, 'phone-follow-menu')
    await item.tap()
    await page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
  })

  it('reads and writes the logframe: a card a row, each field across the screen under its column’s name', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.participant)
    const strategy = strategyPage(page)
    await strategy.open(board.links.participant)
    await strategy.view('logframe')
    const rows = page.locator('[data-testid=logframe-row]')
    await expect.poll(() => rows.count()).toBe(4)
    expect(await offScreen(page, '[data-testid=logframe-view]')).toEqual([])

    // in five columns each field was a letter wide and the headers were written over each other
    const fields = await rows.locator('td:not(.col-actions)').evaluateAll((cells) =>
      cells.map((td) => ({
        name: getComputedStyle(td, '::before').content,
        width: td.querySelector('textarea')!.getBoundingClientRect().width,
      })),
    )
    expect(fields).toHaveLength(16)
    for (const field of fields) expect(field.width).toBeGreaterThanOrEqual(WIDTH * 0.75)
    expect(fields.slice(0, 4).map((f) => f.name)).toEqual([
      '"Logica d’intervento"',
      '"Indicatori oggettivamente verificabili"',
      '"Fonti di verifica"',
      '"Ipotesi"',
    ])
    // moving and removing a row are buttons for a finger
    for (const button of await rows.first().locator('td.col-actions button').all()) {
      const box = (await button.boundingBox())!
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(THUMB)
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH)
      expect(await onTop(button)).toBe(true)
    }
    await screenshot(page, 'phone-logframe')

    // the activity's indicator, written with the phone's keyboard
    const indicators = page.locator(
      '[data-testid=logframe-row][data-row-id=lf-activity] textarea[data-field=indicators]',
    )
    await indicators.scrollIntoViewIfNeeded()
    expect(await onTop(indicators)).toBe(true)
    await indicators.tap()
    await expect.poll(() => indicators.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('Giovani accolti allo sportello')
    await page.keyboard.press('Enter')
    await expect
      .poll(
        async () =>
          (
            (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
              logframe: { id: string; indicators: string }[]
            }
          ).logframe.find((r) => r.id === 'lf-activity')?.indicators,
      )
      .toBe('Giovani accolti allo sportello')
  })
})
