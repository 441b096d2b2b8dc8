import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks, pactPage } from '../helpers/pactPage.ts'
import * as phone from '../helpers/phonePages.ts'

const suite = browserSuite()
const { WIDTH, THUMB, workshopAtThePact, onTop, offScreen, tooNarrow } = phone
const onPactView = (link: string, view: string) => phone.onPactView(suite.browser, link, view)

describe('a participant on a phone, in the pact', () => {
  it('records a measured value: the round, its values and the chart on the screen', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPactView(board.links.participant, 'monitoring')
    await page.locator('.pm-round-head .pm-date').waitFor()
    await page.locator('.pm-chart').waitFor()
    // the round's date and its removal, and the value column of its table, ran off the right
    expect(await offScreen(page, '.pact-body')).toEqual([])
    for (const target of [
      page.locator('.pm-round-head .pm-date'),
      page.getByRole('button', { name: 'Elimina monitoraggio · Primo monitoraggio' }),
    ]) {
      await target.scrollIntoViewIfNeeded()
      expect(await onTop(target)).toBe(true)
    }
    const value = page.getByRole('textbox', {
      name: 'Valore misurato · Percorsi di inclusione avviati',
    })
    await value.scrollIntoViewIfNeeded()
    expect(await onTop(value)).toBe(true)
    await screenshot(page, 'phone-monitoring')
    await value.tap()
    await value.fill('60')
    await value.press('Enter')
    await expect
      .poll(
        async () =>
          (
            (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
              pact: { measurements: { id: string; value: number }[] }
            }
          ).pact.measurements.find((m) => m.id === 'm-1|i-1')?.value,
      )
      .toBe(60)
  })

  it('sees the totals, the gaps and the adhesions within the screen and records an adhesion', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPactView(board.links.participant, 'commitments')
    await page.locator('.adhesions-table').waitFor()
    // the panels under the ledger were as wide as the adhesions' four columns, past the screen
    expect(await offScreen(page, '.pact-body')).toEqual([])
    const amount = page.locator('[data-testid=totals-actor] .totals-amount').first()
    await amount.scrollIntoViewIfNeeded()
    expect(await amount.innerText()).toBe('120 ore')
    expect(await onTop(amount)).toBe(true)

    const row = page.locator('.adhesions-table tr[data-actor-id=a2]')
    const adheres = row.locator('select[data-field=adheres]')
    await adheres.scrollIntoViewIfNeeded()
    expect(await onTop(adheres)).toBe(true)
    await screenshot(page, 'phone-adhesions')
    await adheres.selectOption('yes')
    const date = row.locator('input[data-field=date]')
    await expect.poll(() => date.isEnabled()).toBe(true)
    expect(await onTop(date)).toBe(true)
    await expect
      .poll(
        async () =>
          (
            (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
              pact: { adhesions: { actor: string; adheres: boolean }[] }
            }
          ).pact.adhesions.find((a) => a.actor === 'a2')?.adheres,
      )
      .toBe(true)
  })

  it('reads an indicator’s dates and chosen actor and objective whole', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPactView(board.links.participant, 'indicators')
    const card = page.locator('.pm-indicator').first()
    await card.locator('input[type=date]').first().waitFor()
    expect(await offScreen(page, '.pact-body')).toEqual([])
    // each date and choice shows whole: two fields a row, the dates showed «12/31/»
    expect(await tooNarrow(card.locator('input[type=date], select'))).toEqual([])
    await screenshot(page, 'phone-indicator')
  })

  it('reads the governance diagram’s names and swipes to its actors', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPactView(board.links.participant, 'governance')
    const diagram = page.locator('[data-testid=gov-diagram]')
    await diagram.locator('[data-diagram-actor]').waitFor()
    expect(await offScreen(page, '.pact-body')).toEqual([])
    // the size its smallest text is drawn at: fitted to the phone's width it was half its own
    const smallest = await diagram.evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width
      const sizes = [...svg.querySelectorAll('text')].map((t) =>
        parseFloat(getComputedStyle(t).fontSize),
      )
      return Math.min(...sizes) * scale
    })
    expect(smallest).toBeGreaterThanOrEqual(10)
    // a body's level, decision rule and frequency show whole
    expect(await tooNarrow(page.locator('.gov-body-grid select'))).toEqual([])
    const actor = diagram.locator('[data-diagram-actor]').first()
    await actor.scrollIntoViewIfNeeded()
    const box = (await actor.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH)
    await screenshot(page, 'phone-governance-diagram')
    // «+ Aggiungi un membro» opens its actors within the screen, each a thumb's height, and a
    // tap on one makes it a member
    const body = page.locator('.gov-body').first()
    await body.locator('button.gov-add-member').tap()
    const items = body.getByRole('menuitem')
    expect(await items.allInnerTexts()).toEqual([
      'Cooperativa sociale Il Ponte',
      'Confartigianato Bergamo',
      'Centro per l’impiego di Seriate',
    ])
    expect(await offScreen(page, '.pact-body')).toEqual([])
    for (const item of await items.all()) {
      await item.scrollIntoViewIfNeeded()
      expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(THUMB)
      expect(await onTop(item)).toBe(true)
    }
    await screenshot(page, 'phone-add-member')
    await items.nth(1).tap()
    await body.locator('.gov-members li[data-actor-id=a3]').waitFor()
    expect(await body.locator('.gov-members li[data-actor-id]').count()).toBe(2)
  })

  it('writes a commitment: every field of its row on the screen, under its column’s name', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPactView(board.links.participant, 'commitments')
    const pact = pactPage(page)
    await pact.rows().first().waitFor()
    const row = await pact.commit('Cooperativa sociale Il Ponte', '2', 'tutor', 'staff-hours')
    await row.locator('textarea[data-field=what]').fill('Tutor per i giovani presi in carico')
    await row.locator('textarea[data-field=what]').press('Enter')
    // the 80rem table showed two of its nine columns at a time: swiped to the others, the row
    // no longer said whose commitment it was
    const fields = row.locator('select, input, textarea, button')
    const actor = row.locator('select[data-field=actor]')
    expect(await fields.count()).toBe(10)
    for (const field of await fields.all()) {
      await field.scrollIntoViewIfNeeded()
      const name = (await field.getAttribute('aria-label'))!
      for (const shown of [field, actor]) {
        const box = (await shown.boundingBox())!
        expect(box.x, name).toBeGreaterThanOrEqual(0)
        expect(box.x + box.width, name).toBeLessThanOrEqual(WIDTH)
      }
      expect(await onTop(field), name).toBe(true)
    }
    expect(
      await row
        .locator('td[data-column]')
        .evaluateAll((cells) => cells.map((td) => getComputedStyle(td, '::before').content)),
    ).toEqual(
      [
        'Attore',
        'Tipo',
        'Che cosa',
        'Quantità',
        'Unità',
        'Periodo',
        'Obiettivo o attività',
        'Stato',
      ].map((name) => `"${name}"`),
    )
    expect(await offScreen(page, '.pact-body')).toEqual([])
    await screenshot(page, 'phone-commitment')
    await expect
      .poll(async () =>
        (
          (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
            pact: { commitments: { actor: string; what: string; amount: number | null }[] }
          }
        ).pact.commitments
          .filter((c) => c.actor === 'a2')
          .map((c) => `${c.what} · ${c.amount}`),
      )
      .toEqual(['Tutor per i giovani presi in carico · 2'])
  })
})
