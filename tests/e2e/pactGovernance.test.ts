import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { pactPage, participants, type Json } from '../helpers/pactPage.ts'

const suite = browserSuite()

describe('the pact’s governance in the browser', () => {
  it('a new body’s decision rule and meetings read «da decidere» until someone chooses them, for everyone and in the export', async () => {
    const { board, alice, bruno } = await participants(suite, 'Patto da decidere')
    const projector = pactPage((await suite.open(board.links.viewer, 'Proiettore')).page)
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await alice.openView('governance')
    await bruno.openView('governance')
    await projector.openView('governance')
    await alice.page.locator('button[data-suggested=technical]').click()
    const on = (p: typeof alice) => p.page.locator('.gov-body[data-label="Tavolo tecnico"]')
    const choice = (p: typeof alice, field: string) => on(p).locator(`select[data-field=${field}]`)
    const shown = (p: typeof alice, field: string) =>
      choice(p, field).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.text)
    // nothing decided yet: both writers see it said, and so does the room
    for (const p of [alice, bruno]) {
      await on(p).waitFor()
      expect(await shown(p, 'decision')).toBe('— da decidere —')
      expect(await shown(p, 'frequency')).toBe('— da decidere —')
      // the level is the suggested body's, chosen with it
      expect(await shown(p, 'level')).toBe('Tecnico')
    }
    await on(projector).waitFor()
    expect(await on(projector).locator('[data-field=decision]').innerText()).toBe('Da decidere')
    expect(await on(projector).locator('[data-field=frequency]').innerText()).toBe('Da decidere')
    const bodies = async () =>
      ((await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json).bodies
    expect(await bodies()).toMatchObject([
      { label: 'Tavolo tecnico', decision: null, frequency: null },
    ])
    await screenshot(projector.page, 'pact-governance-undecided-projector')

    // Alice chooses the rule, Bruno the rhythm: each sees the other's choice
    await choice(alice, 'decision').selectOption({ label: 'Maggioranza' })
    await choice(bruno, 'frequency').selectOption({ label: 'Ogni tre mesi' })
    await expect.poll(() => shown(bruno, 'decision')).toBe('Maggioranza')
    await expect.poll(() => shown(alice, 'frequency')).toBe('Ogni tre mesi')
    await expect
      .poll(() => on(projector).locator('[data-field=decision]').innerText())
      .toBe('Maggioranza')
    await expect.poll(bodies).toMatchObject([{ decision: 'majority', frequency: 'quarterly' }])
    await screenshot(alice.page, 'pact-governance-chosen')

    // and back: the rule was not agreed after all
    await choice(bruno, 'decision').selectOption({ label: '— da decidere —' })
    await expect.poll(() => shown(alice, 'decision')).toBe('— da decidere —')
    await expect
      .poll(() => on(projector).locator('[data-field=decision]').innerText())
      .toBe('Da decidere')
    await expect.poll(bodies).toMatchObject([{ decision: null, frequency: 'quarterly' }])
  })

  it('a rule, a commitment or an indicator made and given up with Escape goes, the keyboard back on its «+»; «Ripristina» brings it back with its words', async () => {
    const { board, alice, bruno } = await participants(suite, 'Patto con ripensamenti')
    await alice.openView('governance')
    await bruno.openView('governance')
    const rules = (p: typeof alice) => p.page.locator('.gov-rule-list li')
    const exported = async () =>
      (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
    const add = alice.page.getByRole('button', { name: '+ Regola' })
    await add.click()
    await expect.poll(() => rules(bruno).count()).toBe(1)
    const text = rules(alice).locator('[data-field=text]')
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true)
    await alice.page.keyboard.type('Regola da ripensare')
    await expect
      .poll(async () => (await exported()).rules)
      .toMatchObject([{ text: 'Regola da ripensare' }])
    await alice.page.keyboard.press('Escape')
    // gone for everyone and from the export, and the keyboard is where the rule came from
    for (const p of [alice, bruno]) await expect.poll(() => rules(p).count()).toBe(0)
    await expect.poll(async () => (await exported()).rules).toEqual([])
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true)
    await alice.page.getByTestId('given-up').getByRole('button', { name: 'Ripristina' }).click()
    await expect
      .poll(() => rules(bruno).locator('[data-field=text]').inputValue())
      .toBe('Regola da ripensare')

    // a commitment, made from the ledger's menu by keyboard and given up the same way
    await alice.openView('commitments')
    const menu = alice.page.locator('button.ledger-add')
    await menu.focus()
    await alice.page.keyboard.press('Enter')
    await alice.page
      .getByRole('menuitem', { name: 'Comune di Clusone', exact: true })
      .press('Enter')
    await expect.poll(() => alice.rows().count()).toBe(1)
    await alice.page.keyboard.type('Ore di sportello')
    await alice.page.keyboard.press('Escape')
    await expect.poll(() => alice.rows().count()).toBe(0)
    await expect.poll(async () => (await exported()).commitments).toEqual([])
    await expect.poll(() => menu.evaluate((el) => el === document.activeElement)).toBe(true)
    await screenshot(alice.page, 'pact-commitment-given-up')

    // an indicator, the same
    await alice.page.locator('#pact-tab-indicators').click()
    const addIndicator = alice.page.getByTestId('add-indicator')
    await addIndicator.click()
    const indicators = alice.page.locator('[data-indicator-id]')
    await expect.poll(() => indicators.count()).toBe(1)
    await expect
      .poll(() =>
        indicators.locator('[data-field=label]').evaluate((el) => el === document.activeElement),
      )
      .toBe(true)
    await alice.page.keyboard.type('Tirocini avviati')
    await alice.page.keyboard.press('Escape')
    await expect.poll(() => indicators.count()).toBe(0)
    await expect.poll(async () => (await exported()).indicators).toEqual([])
    await expect.poll(() => addIndicator.evaluate((el) => el === document.activeElement)).toBe(true)
  })
})
