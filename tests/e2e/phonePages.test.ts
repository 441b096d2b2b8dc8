import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { DEFAULT_CRITERIA } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks, pactPage, type Json } from '../helpers/pactPage.ts'
import { criteria, strategyPage } from '../helpers/strategyPage.ts'

const suite = browserSuite()

/** A phone as participants hold one: 390 × 844 CSS px, touch, a 3× screen. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
}
const WIDTH = PHONE.viewport.width
/** What touch guidelines ask of a target a finger presses, in CSS px. */
const THUMB = 44

/** Strategies as a workshop names them: long, several lines each at a column's width. */
const CANDIDATES = [
  'Rafforzamento della rete territoriale per l’orientamento e l’accompagnamento',
  'Percorsi di professionalizzazione co-progettati con le imprese del territorio',
  'Sportelli di prossimità nei comuni montani',
]

/**
 * The stored board of a workshop at the pact (tests/fixtures/board-v5.json: a vision, a body,
 * a commitment, an indicator, a monitoring round with its value and an adaptation), with what a
 * real one has more of: four actors, three candidate strategies with long names scored on the
 * six criteria, and a logframe at every level.
 */
function workshopAtThePact(title: string): Json {
  const board = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'board-v5.json'), 'utf8'),
  ) as Json
  board.title = title
  board.canvases.stakeholders.nodes = [
    ['a1', 'Comune di Clusone', 'public'],
    ['a2', 'Cooperativa sociale Il Ponte', 'third-sector'],
    ['a3', 'Confartigianato Bergamo', 'economic'],
    ['a4', 'Centro per l’impiego di Seriate', 'public'],
  ].map(([id, label, category], i) => ({
    id,
    kind: 'actor',
    label,
    category,
    power: 0.5,
    interest: 0.5,
    stance: 'neutral',
    desiredStance: 'supports',
    x: i * 200,
    y: 0,
  }))
  board.strategy.criteria = DEFAULT_CRITERIA.map((c, i) => ({ ...c, order: i }))
  board.strategy.candidates = CANDIDATES.map((label, i) => ({
    id: `cand-${i + 1}`,
    label,
    objectives: i === 1 ? ['obj-core'] : ['obj-1', 'obj-core'],
  }))
  board.strategy.scores = []
  const row = (id: string, level: string, text: string, more: Partial<Record<string, string>>) => ({
    id,
    level,
    objective: null,
    text,
    indicators: '',
    sources: '',
    assumptions: '',
    order: 0,
    ...more,
  })
  board.logframe.push(
    row(
      'lf-overall',
      'overall',
      'Maggiore inclusione sociale e lavorativa dei giovani della valle',
      {
        indicators: 'Tasso di NEET tra i 15 e i 29 anni (ISTAT)',
        sources: 'ISTAT, rilevazione sulle forze di lavoro',
        assumptions: 'La congiuntura economica resta stabile',
      },
    ),
    row('lf-result', 'result', 'Sportelli di orientamento attivi in ogni ambito', {
      indicators: 'Sportelli aperti; ore di apertura a settimana',
      sources: 'Registri dei comuni',
    }),
    row('lf-activity', 'activity', 'Sportello di orientamento settimanale a Clusone', {}),
  )
  return board
}

/** A participant on a phone, on the board at `link`. */
async function onPhone(link: string, name = 'Lucia') {
  const { page } = await newParticipant(suite.browser, name, 'it', PHONE)
  await boardPage(page).open(link)
  return page
}

/** A participant on a phone, in one of the Patto phase's views. */
async function onPactView(link: string, view: string) {
  const page = await onPhone(link)
  await page.locator('#tab-pact').tap()
  await page.locator(`#pact-tab-${view}`).tap()
  await page.locator(`#pact-tab-${view}[aria-selected=true]`).waitFor()
  return page
}

/** Whether what a finger pressing the middle of `target` reaches is `target` (or inside it). */
const onTop = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return hit !== null && el.contains(hit)
  })

/**
 * What inside `root` runs past the screen's left or right edge, other than what lies in a box
 * that scrolls sideways and is itself on the screen (a table one swipes along): each as its tag
 * and classes.
 */
const offScreen = (page: Page, root: string) =>
  page.locator(root).evaluate((top) => {
    const width = document.documentElement.clientWidth
    const outside = (r: DOMRect) => r.left < -1 || r.right > width + 1
    const swiped = (el: Element) => {
      for (let box = el.parentElement; box && box !== top; box = box.parentElement)
        if (/auto|scroll/.test(getComputedStyle(box).overflowX))
          return !outside(box.getBoundingClientRect())
      return false
    }
    const found: Element[] = []
    for (const el of top.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || !outside(r) || swiped(el)) continue
      if (!found.some((f) => f.contains(el))) found.push(el)
    }
    return found.map((el) => [el.tagName.toLowerCase(), ...el.classList].join('.'))
  })

/**
 * Which of `fields` (dates, selects) have no room for what they show: a day's ten digits and the
 * calendar's button, the chosen option and the arrow, measured in the field's own font. Each as
 * its label and text.
 */
const tooNarrow = (fields: Locator) =>
  fields.evaluateAll((all) => {
    const context = document.createElement('canvas').getContext('2d')!
    return all.flatMap((el) => {
      const field = el as HTMLInputElement | HTMLSelectElement
      const style = getComputedStyle(field)
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const shown =
        field instanceof HTMLSelectElement
          ? field.selectedOptions[0]!.text
          : (field.value && '00/00/0000') || ''
      const room =
        field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24
      return context.measureText(shown).width > room ? [`${field.ariaLabel}: ${shown}`] : []
    })
  })

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
