import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks } from '../helpers/pactPage.ts'
import { criteria, strategyPage } from '../helpers/strategyPage.ts'
import * as phone from '../helpers/phonePages.ts'

const suite = browserSuite()
const { WIDTH, THUMB, workshopAtThePact, onTop, reachable } = phone
/** A public body's name, as long as a register holds: several lines in a narrow column. */
const LONG_NAME = 'Azienda Socio Sanitaria Territoriale Bergamo Est'
const onPhone = (link: string, name?: string) => phone.onPhone(suite.browser, link, name)

describe('on a phone, what a thumb and an eye need', () => {
  it('gives the facilitator a header of three short rows, the other tools behind «Altro»', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana per i giovani'))
    const page = await onPhone(board.links.facilitator, 'Anna')
    await page.getByRole('button', { name: 'Conduzione' }).waitFor()
    // title and role, the phases, the room's rhythm and «Altro»: it took seven rows, 205 px
    const header = await page.locator('.board-header').boundingBox()
    expect(header!.height).toBeLessThanOrEqual(130)
    const more = page.getByRole('button', { name: 'Altro' })
    const tools = ['Porta tutti qui', 'Riflettore', 'Codice per entrare', 'Esporta', 'Cronologia']
    for (const name of tools)
      expect(await page.getByRole('button', { name }).isVisible()).toBe(false)
    // from the keyboard: the panel opens with every tool in it, each a thumb's height
    await more.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    for (const name of [...tools, 'Italiano']) {
      const tool = page.getByRole('button', { name })
      const box = (await tool.boundingBox())!
      expect(box.height).toBeGreaterThanOrEqual(THUMB)
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH)
      expect(await onTop(tool)).toBe(true)
    }
    await screenshot(page, 'phone-facilitator-more')
    await page.keyboard.press('Escape')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => more.evaluate((el) => el === document.activeElement)).toBe(true)
    // by touch: «Cronologia» opens the history, which stays once the panel has folded
    await more.tap()
    await page.getByRole('button', { name: 'Cronologia' }).tap()
    await page.getByRole('heading', { name: 'Cronologia della lavagna' }).waitFor()
    await page.getByRole('tab', { name: 'Attività' }).tap()
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('heading', { name: 'Cronologia della lavagna' }).isVisible()).toBe(
      true,
    )
  })

  it('gives a participant among others the same three rows: «Altro» beside who is here and «Tutto salvato»', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Valle Brembana'))
    for (const name of ['Luca', 'Marta', 'Giulia']) await onPhone(board.links.participant, name)
    const page = await onPhone(board.links.participant, 'Anna')
    await expect.poll(() => page.locator('.header-right .avatar').count()).toBeGreaterThan(2)
    const badge = page.getByTestId('connection')
    await page.locator('[data-testid=connection][data-state=ok]').waitFor()
    expect(await badge.innerText()).toBe('Tutto salvato')
    const more = (await page.getByRole('button', { name: 'Altro' }).boundingBox())!
    const status = (await badge.boundingBox())!
    expect(Math.abs(more.y + more.height / 2 - (status.y + status.height / 2))).toBeLessThan(8)
    const header = await page.locator('.board-header').boundingBox()
    expect(header!.height).toBeLessThanOrEqual(130)
    await screenshot(page, 'phone-participant-header')
  })

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

  it('gives the canvases’ zoom buttons and «Mostra tutto» a thumb’s size', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.participant, 'Anna')
    // each canvas that has them: the two trees and the stakeholders' grid (26 px before)
    for (const phase of ['Problemi', 'Obiettivi', 'Stakeholder']) {
      await page.getByRole('tab', { name: new RegExp(phase) }).tap()
      const buttons = page.locator('.react-flow__controls-button')
      await buttons.first().waitFor()
      for (const button of await buttons.all())
        expect({ phase, reachable: await reachable(button) }).toEqual({ phase, reachable: true })
    }
    await screenshot(page, 'phone-canvas-controls')
  })

  it('gives every control of the pact’s views a thumb’s size', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await phone.onPactView(suite.browser, board.links.facilitator, 'vision')
    // the territory's field, a text area of one line, was 33 px tall
    const small = () =>
      phone.smallControls(
        page,
        '.pact-views, .pact-body',
        '.pact-icon-button, .pm-icon, .gov-member-remove',
      )
    const shown = {
      vision: '[data-testid=pact-vision]',
      governance: '[data-testid=pact-governance] .gov-member-remove',
      commitments: '.adhesions-table',
      indicators: '.pm-chip',
      monitoring: '.pm-round-head .pm-date',
    }
    for (const [view, sign] of Object.entries(shown)) {
      await page.locator(`#pact-tab-${view}`).tap()
      await page.locator(`#pact-tab-${view}[aria-selected=true]`).waitFor()
      await page.locator(sign).first().waitFor()
      expect({ view, small: await small() }).toEqual({ view, small: [] })
    }
    await screenshot(page, 'phone-pact-targets')
  })

  it('keeps the stakeholder tools in one row, the categories and the arrows behind a button', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.facilitator, 'Anna')
    await page.locator('#tab-stakeholders').tap()
    await page.locator('.sh-phase[data-view=grid]').waitFor()
    // the tools under the views' tabs: «Aggiungi attore», the four categories and the arrows
    // wrapped into four rows, 120 px; one row is less than two of its buttons tall
    const tools = () =>
      page.locator('.sh-bar').evaluate((bar) => {
        const boxes = [...bar.children]
          .filter((el) => !el.matches('.view-switch'))
          .map((el) => el.getBoundingClientRect())
        const button = bar.querySelector(':not(.view-switch) > button:not([hidden])')!
        return {
          height: Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)),
          button: button.getBoundingClientRect().height,
        }
      })
    const row = await tools()
    expect(row.height).toBeLessThan(2 * row.button)
    const add = page.getByRole('button', { name: 'Aggiungi attore' })
    const more = page.getByRole('button', { name: 'Altri strumenti' })
    const categories = page.locator('.add-actor')
    const arrows = page.getByRole('checkbox', { name: 'Frecce di allineamento' })
    for (const tool of [add, more]) expect(await reachable(tool)).toBe(true)
    expect(await categories.first().isVisible()).toBe(false)
    expect(await arrows.isVisible()).toBe(false)
    // by touch: the categories, each a thumb's size; one chosen, a new actor to name
    await add.tap()
    await expect.poll(() => add.getAttribute('aria-expanded')).toBe('true')
    expect(await categories.count()).toBe(4)
    for (const category of await categories.all()) expect(await reachable(category)).toBe(true)
    await screenshot(page, 'phone-stakeholders-add')
    await categories.first().tap()
    await expect.poll(() => add.getAttribute('aria-expanded')).toBe('false')
    const name = page.locator('[data-testid=actor-editor] input[data-field=label]')
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true)
    // the arrows behind «Altri strumenti»
    await more.tap()
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    expect(await reachable(page.locator('.sh-toggle'))).toBe(true)
    expect(await arrows.isChecked()).toBe(true)
    await arrows.tap()
    await expect.poll(() => arrows.isChecked()).toBe(false)
  })

  it('gives every control of the strategy, the logframe, the register and the coverage a thumb’s size', async () => {
    const board = await importWithLinks(suite, workshopAtThePact('Patto Val Seriana'))
    const page = await onPhone(board.links.facilitator, 'Anna')
    const strategy = strategyPage(page)
    await page.locator('#tab-objectives').tap()
    // removing a strategy, updating its branch and the criteria's arrows were 15 to 23 px tall,
    // the views' tabs 30, «+ Aggiungi risultato» 22, the register's filters 22 and its cells 26,
    // a criterion's name to write in 28
    const views: [string, () => Promise<unknown>][] = [
      ['[data-testid=strategy-view]', () => strategy.view('strategy')],
      ['[data-testid=logframe-view]', () => strategy.view('logframe')],
      ['[data-testid=register]', () => stakeholders('register')],
      ['[data-testid=coverage]', () => stakeholders('coverage')],
    ]
    async function stakeholders(view: string) {
      await page.locator('#tab-stakeholders').tap()
      await page.locator(`.view-switch [data-view=${view}]`).tap()
      await page.locator(`[data-testid=${view}]`).waitFor()
    }
    for (const [view, open] of views) {
      await open()
      const small = await phone.smallControls(
        page,
        `${view}, .view-tabs, .view-switch`,
        '.icon-button, .sh-icon-button',
      )
      expect({ view, small }).toEqual({ view, small: [] })
    }
    await screenshot(page, 'phone-coverage-targets')
  })
})

describe('on a phone, the stakeholders’ tables', () => {
  /** The workshop's board, its first actor a public body's long name, at one of the tables. */
  async function atTable(view: string) {
    const workshop = workshopAtThePact('Patto Val Seriana')
    workshop.canvases.stakeholders.nodes[0].label = LONG_NAME
    const board = await importWithLinks(suite, workshop)
    const page = await onPhone(board.links.facilitator, 'Anna')
    await page.locator('#tab-stakeholders').tap()
    await page.locator(`.view-switch [data-view=${view}]`).tap()
    await page.locator(`[data-testid=${view}] tbody tr`).first().waitFor()
    return page
  }

  it('keeps the register’s names whole in their column, which leaves room for the others', async () => {
    const page = await atTable('register')
    // the name was one line in a field 224 px wide, the column 255 of the 390 px:
    // «Azienda Socio Sanitaria Te»
    const name = page.getByLabel(`Nome · ${LONG_NAME}`)
    expect(await name.inputValue()).toBe(LONG_NAME)
    const shown = await name.evaluate((field) => ({
      hidden:
        field.scrollHeight > field.clientHeight + 1 || field.scrollWidth > field.clientWidth + 1,
      lines: Math.round(field.clientHeight / parseFloat(getComputedStyle(field).lineHeight)),
    }))
    expect(shown.hidden).toBe(false)
    expect(shown.lines).toBeGreaterThanOrEqual(2)
    const column = (await page.locator('.register-table tbody td.cell-name').first().boundingBox())!
    expect(column.width).toBeLessThanOrEqual(WIDTH / 2)
    expect((await name.boundingBox())!.height).toBeGreaterThanOrEqual(THUMB)
    // still the name's field: written, it is the actor's name
    await name.fill(`${LONG_NAME} (ASST)`)
    await name.press('Enter')
    await page.locator(`tr[data-label="${LONG_NAME} (ASST)"]`).waitFor()
    await screenshot(page, 'phone-register-names')
  })

  it('shows two objectives of the coverage beside the actors’ names, each name whole', async () => {
    const page = await atTable('coverage')
    // the actors' column took 256 of the 358 px: the first objective ran past the screen's edge
    const seen = await page.locator('.coverage-scroll').evaluate((scroller) => {
      const edge = scroller.getBoundingClientRect().right
      const heads = [...scroller.querySelectorAll('thead th:not(.coverage-corner)')]
      const names = [...scroller.querySelectorAll('tbody th')]
      return {
        objectives: heads.filter((th) => th.getBoundingClientRect().right <= edge + 1).length,
        cut: names.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent),
      }
    })
    expect(seen).toEqual({ objectives: 2, cut: [] })
    const name = page.locator('.coverage-actor-name', { hasText: LONG_NAME })
    const [cell, column] = [
      (await name.boundingBox())!,
      (await page.locator('.coverage-table tbody th').first().boundingBox())!,
    ]
    expect(cell.x + cell.width).toBeLessThanOrEqual(column.x + column.width)
    await screenshot(page, 'phone-coverage-columns')
  })
})
