import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks } from '../helpers/pactPage.ts'
import { criteria, strategyPage } from '../helpers/strategyPage.ts'
import * as phone from '../helpers/phonePages.ts'

const suite = browserSuite()
const { WIDTH, workshopAtThePact, onTop } = phone
const onPhone = (link: string, name?: string) => phone.onPhone(suite.browser, link, name)

describe('on a phone, what a thumb and an eye need', () => {
  it('keeps each strategy’s name above its column while the last criteria are scored', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.participant)
    const strategy = strategyPage(page)
    await strategy.open(board.links.participant)
    await expect.poll(() => page.locator('thead th.candidate-col').count()).toBe(3)
    // the last criterion of the second strategy, brought under the thumb
    const last = strategy.cell('cand-2', criteria.at(-1)!).locator('[data-score="3"]')
    await last.scrollIntoViewIfNeeded()
    expect(await onTop(last)).toBe(true)
    // the second strategy's name, still on the screen above that score
    const column = await strategy
      .cell('cand-2', criteria[0]!)
      .evaluate((td) => (td as HTMLTableCellElement).cellIndex)
    const name = page.locator('thead th').nth(column)
    expect(await name.innerText()).toContain('Percorsi di professionalizzazione')
    const [head, score] = [(await name.boundingBox())!, (await last.boundingBox())!]
    expect(head.y).toBeGreaterThanOrEqual(0)
    expect(head.y + head.height).toBeLessThanOrEqual(score.y)
    expect(head.x).toBeLessThan(score.x + score.width)
    expect(head.x + head.width).toBeGreaterThan(score.x)
    expect(head.x + head.width / 2).toBeLessThanOrEqual(WIDTH)
    expect(await onTop(name.locator('.candidate-col-label'))).toBe(true)
    await screenshot(page, 'phone-strategy-names-held')
  })
})
