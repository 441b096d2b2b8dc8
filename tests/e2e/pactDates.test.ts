import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { participants, type Json } from '../helpers/pactPage.ts'

const suite = browserSuite()

describe('the pact’s dates', () => {
  it('a commitment’s day outside 1900–2200 (0001, 9999, a year half typed) is not written and is marked; a whole day is', async () => {
    const { board, alice, bruno } = await participants(suite, 'Patto con le date')
    await alice.openView('commitments')
    await bruno.openView('commitments')
    await alice.page.locator('button.ledger-add').click()
    await alice.page.getByRole('menuitem', { name: 'Comune di Clusone', exact: true }).click()
    await expect.poll(() => bruno.rows().count()).toBe(1)
    const from = (p: typeof alice) => p.rows().nth(0).locator('input[data-field=from]')
    const stored = async () =>
      (
        ((await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json)
          .commitments[0] as Json
      ).from
    // the year as a browser reports it while its digits are typed, then a slip of the keys
    for (const day of ['0002-03-01', '0020-03-01', '9999-12-31']) await from(alice).fill(day)
    // left (Tab walks the date's own parts)
    await from(alice).evaluate((el) => (el as HTMLInputElement).blur())
    await expect.poll(() => from(alice).getAttribute('aria-invalid')).toBe('true')
    expect(await from(alice).inputValue()).toBe('9999-12-31')
    expect(await from(alice).getAttribute('title')).toContain('tra il 1900 e il 2200')
    expect(await stored()).toBeNull()
    expect(await from(bruno).inputValue()).toBe('')
    await screenshot(alice.page, 'pact-ledger-day-out-of-range')
    // a whole day of the range: written, for everyone, and the mark goes
    await from(alice).fill('2027-03-01')
    await expect.poll(() => from(bruno).inputValue()).toBe('2027-03-01')
    expect(await stored()).toBe('2027-03-01')
    expect(await from(alice).getAttribute('aria-invalid')).toBeNull()
  })
})
