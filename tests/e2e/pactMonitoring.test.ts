import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectionRoot, putRecord, readFields, recordOf } from '../../shared/schema/index.ts'
import { measurementId } from '../../shared/pact/monitoring.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = browserSuite()

/** What a person does in the pact's indicators, monitoring and health views. */
function monitoringPage(page: Page) {
  const indicator = (label: string) => page.locator(`.pm-indicator[data-label="${label}"]`)
  const valueRow = (label: string) => page.locator(`.pm-measurements tr[data-label="${label}"]`)
  return {
    page,
    indicator,
    valueRow,
    async openView(view: 'indicators' | 'monitoring' | 'health') {
      if ((await page.locator('.pact-phase').count()) === 0) {
        await page.locator('#tab-pact').click()
        await page.locator('.pact-phase').waitFor()
      }
      await page.locator(`#pact-tab-${view}`).click()
      await page.locator(`[data-testid=${view}-view]`).waitFor()
    },
    /** Types into a field and leaves it (Enter), as a person does. */
    async type(field: ReturnType<Page['locator']>, text: string) {
      await field.click()
      await field.fill(text)
      await field.press('Enter')
    },
    async recordRound(date: string, name: string) {
      const form = page.locator('[data-testid=new-round]')
      await form.locator('[data-field=new-round-date]').fill(date)
      await form.locator('[data-field=new-round-name]').fill(name)
      await form.getByRole('button').click()
      await page.locator('.pm-rounds button.on', { hasText: name }).waitFor()
    },
    stateOf: (label: string) => valueRow(label).locator('.pm-state').getAttribute('data-state'),
    chartStates: (label: string) =>
      page
        .locator('.pm-chart', { has: page.locator('figcaption strong', { hasText: label }) })
        .locator('.pm-point')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state'))),
  }
}

const PATHWAYS = 'Percorsi di inserimento avviati'

describe('the pact’s learning cycle in the browser', () => {
  it('the facilitator sets an indicator’s baseline and target, records two rounds and sees state and chart; a participant sees them live', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    // the register and the ledger have one actor and one commitment (written by another device)
    const stock: Client = await connectSynced(suite.server.url, board.id, board.keys.participant)
    try {
      stock.doc.transact(() => {
        putRecord(stock.doc, 'stakeholders.nodes', 'cpi', {
          ...newActorFields('public', { label: 'Centro per l’impiego' }),
          x: 0,
          y: 0,
        })
        putRecord(stock.doc, 'objectives.nodes', 'obj-1', {
          kind: 'objective',
          label: 'Più tirocini per i NEET',
          status: 'reworded',
          derivedFrom: null,
          x: 0,
          y: 0,
        })
        putRecord(stock.doc, 'pact.commitments', 'c1', {
          actor: 'cpi',
          type: 'staff-hours',
          what: 'Orientamento individuale e navetta settimanale Bobbio–Piacenza per i tirocinanti',
          amount: 400,
          unit: 'ore',
          status: 'confirmed',
          order: 0,
        })
      })

      const alice = monitoringPage((await suite.open(board.links.facilitator, 'Alice')).page)
      await alice.page.setViewportSize({ width: 1366, height: 768 })
      const bruno = monitoringPage((await suite.open(board.links.participant, 'Bruno')).page)

      // Alice starts from the method's example and gives it a baseline and a target
      await alice.openView('indicators')
      await alice.page.locator('[data-preset=pathways-started]').click()
      const card = alice.indicator(PATHWAYS)
      await card.waitFor()
      // the new indicator's name takes the focus: Enter leaves it as the preset wrote it
      await expect
        .poll(() =>
          card.locator('[data-field=label]').evaluate((el) => el === document.activeElement),
        )
        .toBe(true)
      await card.locator('[data-field=label]').press('Enter')
      await expect
        .poll(() => card.locator('[data-testid=indicator-no-state]').textContent())
        .toContain('manca il valore di partenza')
      // the unit and the source are written as the numbers are, not like the labels above them
      const look = (field: string) =>
        card.locator(`[data-field=${field}]`).evaluate((el) => {
          const style = getComputedStyle(el)
          return `${style.fontSize} ${style.textTransform} ${style.color}`
        })
      expect(await look('unit')).toBe(await look('baseline'))
      expect(await look('source')).toBe(await look('baseline'))
      await alice.type(card.locator('[data-field=baseline]'), '40')
      // Enter goes on to the next field, the baseline's day (it left the keyboard on the page's
      // body, and what was typed next went nowhere)
      await expect
        .poll(() => alice.page.evaluate(() => document.activeElement?.getAttribute('data-field')))
        .toBe('baselineDate')
      await card.locator('[data-field=baselineDate]').fill('2027-01-01')
      await alice.type(card.locator('[data-field=target]'), '140')
      await card.locator('[data-field=targetDate]').fill('2028-12-31')
      await card.locator('[data-field=responsible]').selectOption({ label: 'Centro per l’impiego' })
      await card.locator('[data-field=linkedTo]').selectOption({ label: 'Più tirocini per i NEET' })
      await card.locator('[data-testid=indicator-no-state]').waitFor({ state: 'detached' })

      await screenshot(alice.page, 'pact-indicators-1366')
      const indicatorId = await card.getAttribute('data-indicator-id')
      await waitFor(() => {
        const r = recordOf(collectionRoot(stock.doc, 'pact.indicators'), indicatorId!)
        if (!r) return false
        const f = readFields(r)
        return (
          f.baseline === 40 &&
          f.target === 140 &&
          f.baselineDate === '2027-01-01' &&
          f.targetDate === '2028-12-31' &&
          f.responsible === 'cpi' &&
          f.objective === 'obj-1' &&
          f.activity === null &&
          f.preset === 'pathways-started'
        )
      }, 'the indicator reaches the other device')

      // Bruno follows the monitoring on his laptop
      await bruno.openView('monitoring')
      await alice.openView('monitoring')
      await alice.page.getByText('in linea se il valore ha fatto almeno il 90 %').waitFor()

      // first round, half a year in: 40 → 80 where the line expects about 65
      const form = alice.page.locator('[data-testid=new-round]')
      await form.locator('[data-field=new-round-date]').fill('2027-07-01')
      await form.locator('[data-field=new-round-name]').fill('Primo monitoraggio')
      await form.getByRole('button').click()
      // typed at once after «Registra»: the new round's first value takes it (a second round
      // came of a space pressed on the button)
      await alice.page.keyboard.type('80')
      await alice.page.keyboard.press('Enter')
      await alice.page.locator('.pm-rounds button.on', { hasText: 'Primo monitoraggio' }).waitFor()
      await expect.poll(() => alice.stateOf(PATHWAYS)).toBe('on-track')
      expect(await alice.page.locator('.pm-rounds li').count()).toBe(1)
      // the form is ready for another day's round: today's date, not the one just used; the
      // date of a round there already is said so
      const dateField = form.locator('[data-field=new-round-date]')
      const today = await alice.page.evaluate(() => {
        const d = new Date()
        const pad = (n: number) => String(n).padStart(2, '0')
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
      })
      expect(await dateField.inputValue()).toBe(today)
      expect(await form.locator('.pm-same-day').count()).toBe(0)
      await dateField.fill('2027-07-01')
      await expect
        .poll(() => form.locator('.pm-same-day').textContent())
        .toBe('C’è già un monitoraggio del 01/07/2027.')
      await expect
        .poll(() => alice.valueRow(PATHWAYS).locator('[data-testid=expected]').textContent())
        .toBe('65') // 64.79 on the line: people are counted whole, as the plan's 40 → 140
      // the commitment's status is updated from the round
      await alice.page
        .locator('[data-testid=round-commitments] [data-commitment-id=c1] select')
        .selectOption('ongoing')
      await waitFor(
        () =>
          recordOf(collectionRoot(stock.doc, 'pact.commitments'), 'c1')?.get('status') ===
          'ongoing',
        'commitment status written',
      )

      // second round, a year in: 80 where the line expects 90 — 80 % of the expected progress
      await alice.recordRound('2028-01-01', 'Secondo monitoraggio')
      await alice.type(alice.valueRow(PATHWAYS).locator('[data-field=value]'), '80')
      await expect.poll(() => alice.stateOf(PATHWAYS)).toBe('warning')
      await alice.valueRow(PATHWAYS).getByText('80\u00a0% del progresso atteso').waitFor()
      await expect.poll(() => alice.chartStates(PATHWAYS)).toEqual(['on-track', 'warning'])
      const title = await alice.page.locator('.pm-chart svg title').first().textContent()
      expect(title).toBe(`${PATHWAYS}: valori misurati rispetto alla traiettoria`)
      await alice.page.locator('.pm-chart [data-testid=trajectory]').waitFor()

      // Bruno sees the same, live: the latest round, its state and the chart
      await expect.poll(() => bruno.stateOf(PATHWAYS)).toBe('warning')
      await expect.poll(() => bruno.chartStates(PATHWAYS)).toEqual(['on-track', 'warning'])
      await expect.poll(() => bruno.page.locator('.pm-rounds ol li').count()).toBe(2)

      // what the group learned (Bruno writes), and an adaptation (Alice decides)
      const feedback = 'Le aziende chiedono tirocini più lunghi'
      await bruno.page.locator('[data-testid=round-panel] [data-field=feedback]').fill(feedback)
      await expect
        .poll(() =>
          alice.page.locator('[data-testid=round-panel] [data-field=feedback]').inputValue(),
        )
        .toBe(feedback)
      // the new adaptation's «Che cosa» takes the focus and what is typed at once
      await alice.page.locator('[data-testid=add-adaptation]').click()
      await alice.page.keyboard.type('Tirocini di sei mesi con tutor aziendale')
      const adaptation = alice.page.locator('.pm-adaptation').first()
      await expect
        .poll(() => adaptation.locator('[data-field=what]').inputValue())
        .toBe('Tirocini di sei mesi con tutor aziendale')
      await adaptation.locator('[data-field=what]').press('Enter')
      await adaptation.locator('[data-field=target]').selectOption({ label: PATHWAYS })
      await adaptation.locator('[data-field=due]').fill('2028-03-31')
      await expect
        .poll(() => bruno.page.locator('.pm-adaptation [data-field=what]').inputValue())
        .toBe('Tirocini di sei mesi con tutor aziendale')

      const round2 = await alice.page
        .locator('[data-testid=round-panel]')
        .getAttribute('data-round-id')
      const value = readFields(
        recordOf(
          collectionRoot(stock.doc, 'pact.measurements'),
          measurementId(round2!, indicatorId!),
        )!,
      )
      expect(value).toMatchObject({ round: round2, indicator: indicatorId, value: 80 })

      // the rounds as CSV for Italian Excel: one line per round and indicator
      const downloading = alice.page.waitForEvent('download')
      await alice.page.getByTestId('rounds-csv').click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('monitoraggi-patto-val-seriana.csv')
      const csv = await readFile((await download.path())!, 'utf8')
      expect(csv.split('\r\n')).toEqual([
        '\uFEFFMonitoraggio;Data;Indicatore;Unità;Valore misurato;Valore atteso;Stato;Progresso sull’atteso',
        `Primo monitoraggio;2027-07-01;${PATHWAYS};percorsi;80;64,7945;In linea;161%`,
        `Secondo monitoraggio;2028-01-01;${PATHWAYS};percorsi;80;90;Attenzione;80%`,
        '',
      ])

      await screenshot(alice.page, 'pact-monitoring-round-1366')
      await alice.page.locator('.pm-chart').scrollIntoViewIfNeeded()
      await screenshot(alice.page, 'pact-monitoring-chart-1366')

      // the pact's health on one screen
      await alice.openView('health')
      const counts = alice.page.locator('.pm-state-counts > li')
      await expect
        .poll(() =>
          counts.and(alice.page.locator('[data-state=warning]')).getAttribute('data-count'),
        )
        .toBe('1')
      await expect
        .poll(() =>
          alice.page.locator('.pm-bars li[data-status=ongoing]').getAttribute('data-count'),
        )
        .toBe('1')
      await alice.page
        .locator('[data-testid=open-adaptations]')
        .getByText('Tirocini di sei mesi')
        .waitFor()
      await screenshot(alice.page, 'pact-health-1366')

      // the projector reads indicators and rounds as text, whole: no field to cut them
      // (it follows Alice to the pact: no canvas to wait for)
      const { page: shownPage } = await newParticipant(suite.browser, 'Proiettore')
      await shownPage.setViewportSize({ width: 1920, height: 1080 })
      await shownPage.goto(board.links.viewer)
      await shownPage.locator('#tab-pact').waitFor()
      const projector = monitoringPage(shownPage)
      await projector.openView('indicators')
      const shown = projector.indicator(PATHWAYS)
      await shown.waitFor()
      const fields = (scope: ReturnType<Page['locator']>) =>
        scope.locator('input:not([type=checkbox]), select, textarea').count()
      expect(await fields(shown)).toBe(0)
      const read = (field: string) => shown.locator(`[data-field=${field}]`).innerText()
      expect(await read('label')).toBe(PATHWAYS)
      expect(await read('baseline')).toBe('40')
      expect(await read('baselineDate')).toBe('01/01/2027')
      expect(await read('targetDate')).toBe('31/12/2028')
      expect(await read('responsible')).toBe('Centro per l’impiego')
      expect(await read('linkedTo')).toBe('Più tirocini per i NEET')
      await screenshot(projector.page, 'pact-indicators-projector')
      await projector.openView('monitoring')
      const round = projector.page.locator('[data-testid=round-panel]')
      await round.waitFor()
      expect(await fields(round)).toBe(0)
      // the commitments' list is whole on its page: nobody scrolls a box on the projector
      expect(
        await round
          .locator('[data-testid=round-commitments]')
          .evaluate((el) => getComputedStyle(el).maxHeight),
      ).toBe('none')
      // no word is broken to make a column narrower («Conferm/ato»): every text read out shows
      // each of its words on one line
      const brokenWords = () =>
        round.evaluate((panel) => {
          const broken: string[] = []
          for (const el of panel.querySelectorAll('.pm-readonly, .text-readonly')) {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent ?? ''
              for (const m of text.matchAll(/\S+/g)) {
                const range = document.createRange()
                range.setStart(node, m.index)
                range.setEnd(node, m.index + m[0].length)
                if (range.getClientRects().length > 1) broken.push(m[0])
              }
            }
          }
          return broken
        })
      expect(await brokenWords()).toEqual([])
      await screenshot(projector.page, 'pact-monitoring-projector')
    } finally {
      stock.destroy()
    }
  })

  it('in English, a decreasing indicator past its target date is judged against the target', async () => {
    const board = await createBoard(suite.server.url, 'Pact Bergamo')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    try {
      stock.doc.transact(() => {
        putRecord(stock.doc, 'pact.indicators', 'neet', {
          label: 'NEET in the valley',
          unit: '%',
          direction: 'decrease',
          baseline: 22,
          baselineDate: '2025-01-01',
          target: 15,
          targetDate: '2026-01-01',
          source: 'ISTAT',
          frequency: 'yearly',
          order: 0,
        })
        putRecord(stock.doc, 'pact.rounds', 'r1', { label: 'Mid-term', date: '2025-07-02' })
        putRecord(stock.doc, 'pact.rounds', 'r2', { label: 'Late', date: '2026-06-30' })
        putRecord(stock.doc, 'pact.measurements', measurementId('r1', 'neet'), {
          round: 'r1',
          indicator: 'neet',
          value: 18.5,
        })
        // 17 after the target date: 5 of the 7 points the pact promised, 71 %
        putRecord(stock.doc, 'pact.measurements', measurementId('r2', 'neet'), {
          round: 'r2',
          indicator: 'neet',
          value: 17,
        })
      })
      const carla = monitoringPage((await suite.open(board.links.participant, 'Carla', 'en')).page)
      await carla.page.setViewportSize({ width: 1366, height: 768 })
      await carla.openView('monitoring')
      await carla.page.getByText('For indicators to decrease, progress is the fall').waitFor()
      await expect.poll(() => carla.stateOf('NEET in the valley')).toBe('warning')
      await carla.valueRow('NEET in the valley').getByText('target date passed').waitFor()
      await expect
        .poll(() => carla.chartStates('NEET in the valley'))
        .toEqual(['on-track', 'warning'])
      // a third round, measured by another device, turns it critical for her at once
      stock.doc.transact(() => {
        putRecord(stock.doc, 'pact.rounds', 'r3', { label: 'Final', date: '2026-12-31' })
        putRecord(stock.doc, 'pact.measurements', measurementId('r3', 'neet'), {
          round: 'r3',
          indicator: 'neet',
          value: 21,
        })
      })
      await expect
        .poll(() => carla.chartStates('NEET in the valley'))
        .toEqual(['on-track', 'warning', 'critical'])
      await carla.openView('health')
      await carla.page.getByRole('heading', { name: 'Indicators by state' }).waitFor()
      await expect
        .poll(() =>
          carla.page
            .locator('.pm-state-counts > li[data-state=critical]')
            .getAttribute('data-count'),
        )
        .toBe('1')
      await screenshot(carla.page, 'pact-health-en-1366')
    } finally {
      stock.destroy()
    }
  })
})
