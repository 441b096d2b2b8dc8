import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from '../helpers/browser.ts'
import { exportJson, importBoard } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'

const suite = browserSuite()

type Json = Record<string, any>
interface Links {
  id: string
  keys: { facilitator: string; participant: string; viewer: string }
  links: { facilitator: string; participant: string; viewer: string }
}

const ACTORS = [
  ['a1', 'Comune di Clusone', 'public'],
  ['a2', 'Cooperativa Il Ponte', 'third-sector'],
  ['a3', 'Impresa Rossi', 'economic'],
] as const

/**
 * A board that reached the Patto phase: three actors in the register, a chosen strategy with
 * two objectives, a logframe with an activity; the pact itself still empty.
 */
function workshopBoard(title: string): Json {
  const board = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'board-v5.json'), 'utf8'),
  ) as Json
  board.title = title
  board.canvases.stakeholders.nodes = ACTORS.map(([id, label, category], i) => ({
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
  board.logframe.push({
    id: 'lf-2',
    level: 'activity',
    objective: 'obj-1',
    text: 'Sportello di orientamento settimanale',
    indicators: '',
    sources: '',
    assumptions: '',
    order: 0,
  })
  board.pact = {
    info: [{ id: 'pact', vision: '', territory: '' }],
    bodies: [],
    rules: [],
    commitments: [],
    adhesions: [],
    indicators: [],
    rounds: [],
    measurements: [],
    adaptations: [],
  }
  return board
}

async function importWithLinks(board: Json): Promise<Links> {
  const answer = await importBoard(suite.server.url, board)
  const abs = (l: string) => new URL(l, suite.server.url).href
  return {
    ...answer,
    links: {
      facilitator: abs(answer.links.facilitator),
      participant: abs(answer.links.participant),
      viewer: abs(answer.links.viewer),
    },
  }
}

/** What a participant does in the Patto phase. */
function pactPage(page: Page) {
  const ledger = page.locator('[data-testid=ledger]')
  return {
    page,
    ledger,
    async openView(view: 'vision' | 'governance' | 'commitments') {
      await page.locator('#tab-pact').click()
      await page.locator(`#pact-tab-${view}`).click()
      await page.locator(`#pact-tab-${view}[aria-selected=true]`).waitFor()
      await page.locator(`[data-testid=pact-${view}]`).waitFor()
    },
    rows: () => ledger.locator('tbody tr'),
    /** Adds a commitment for an actor, then fills amount, unit and type in its new row. */
    async commit(actor: string, amount: string, unit: string, type?: string) {
      const before = await ledger.locator('tbody tr').count()
      await page.locator('select.ledger-add').selectOption({ label: actor })
      await expect.poll(() => ledger.locator('tbody tr').count()).toBe(before + 1)
      const row = ledger.locator('tbody tr').nth(before)
      // the new row's «Che cosa» has the focus: what is typed next lands there
      await expect
        .poll(() =>
          row.evaluate(
            (tr) =>
              !!document.activeElement?.closest('.ledger-what') &&
              tr.contains(document.activeElement),
          ),
        )
        .toBe(true)
      if (type) await row.locator('select[data-field=type]').selectOption(type)
      await row.locator('input[data-field=amount]').fill(amount)
      await row.locator('input[data-field=amount]').press('Enter')
      await row.locator('input[data-field=unit]').fill(unit)
      await row.locator('input[data-field=unit]').press('Enter')
      return row
    },
    /** The sums shown for one actor in the totals per actor, one per unit. */
    actorTotal: async (actorId: string) =>
      (
        await page
          .locator(`[data-testid=totals-actor] tr[data-total-key=${actorId}] .totals-amount`)
          .allInnerTexts()
      ).join(' · '),
    gaps: (kind: 'objectives' | 'activities' | 'actors') =>
      page.locator(`[data-testid=gaps-${kind}]`).innerText(),
  }
}

async function participants(title: string) {
  const board = await importWithLinks(workshopBoard(title))
  const alice = pactPage((await suite.open(board.links.participant, 'Alice')).page)
  const bruno = pactPage((await suite.open(board.links.participant, 'Bruno')).page)
  await alice.page.setViewportSize({ width: 1366, height: 768 })
  await bruno.page.setViewportSize({ width: 1366, height: 768 })
  return { board, alice, bruno }
}

describe('the Patto phase in the browser', () => {
  it('two participants add commitments for two actors: each sees the other’s, the totals change live', async () => {
    const { alice, bruno } = await participants('Patto Val Seriana')
    await alice.openView('commitments')
    await bruno.openView('commitments')
    // before anyone commits: every actor and every objective of the strategy is a gap
    expect(await bruno.gaps('actors')).toBe('3')
    expect(await bruno.gaps('objectives')).toBe('2')
    expect(await bruno.gaps('activities')).toBe('1')

    await alice.commit('Comune di Clusone', '120', 'ore')
    await bruno.commit('Cooperativa Il Ponte', '1.500', '€', 'money')

    for (const p of [alice, bruno]) {
      await expect.poll(() => p.rows().count()).toBe(2)
      await expect.poll(() => p.actorTotal('a1')).toBe('120 ore')
      await expect.poll(() => p.actorTotal('a2')).toBe('1500 €')
      await expect.poll(() => p.gaps('actors')).toBe('1')
    }
    // each sees the other's row as written: actor, amount, unit
    const brunoRow = alice.ledger.locator('tbody tr[data-actor-id=a2]')
    await expect.poll(() => brunoRow.locator('input[data-field=amount]').inputValue()).toBe('1500')
    await expect.poll(() => brunoRow.locator('input[data-field=unit]').inputValue()).toBe('€')
    await expect.poll(() => brunoRow.locator('select[data-field=type]').inputValue()).toBe('money')

    // an amount below zero is refused, said so, and the stored one stays
    const brunoAmount = brunoRow.locator('input[data-field=amount]')
    await brunoAmount.fill('-3')
    await brunoAmount.press('Enter')
    await expect.poll(() => brunoAmount.getAttribute('aria-invalid')).toBe('true')
    expect(await brunoAmount.getAttribute('title')).toContain('numero positivo')
    await expect.poll(() => brunoAmount.inputValue()).toBe('1500')
    expect(await alice.actorTotal('a2')).toBe('1500 €')

    // a second commitment of the Comune in the same unit adds up; another unit stays apart
    await alice.commit('Comune di Clusone', '30', ' Ore')
    await expect.poll(() => bruno.actorTotal('a1')).toBe('150 ore')
    await bruno.commit('Comune di Clusone', '2,5', 'giornate', 'skills')
    await expect.poll(() => alice.actorTotal('a1')).toBe('150 ore · 2,5 giornate')

    // Bruno ties the Cooperativa's commitment to the logframe activity: the gaps close live
    await bruno.ledger
      .locator('tbody tr[data-actor-id=a2] select[data-field=for]')
      .selectOption({ label: 'Sportello di orientamento settimanale' })
    await expect.poll(() => alice.gaps('activities')).toBe('0')
    // the activity belongs to objective obj-1: that objective is covered too
    await expect.poll(() => alice.gaps('objectives')).toBe('1')

    // a commitment not kept leaves the totals
    await alice.ledger
      .locator('tbody tr[data-actor-id=a2] select[data-field=status]')
      .selectOption('broken')
    await expect.poll(() => bruno.actorTotal('a2')).toBe('')
    await expect.poll(() => bruno.gaps('actors')).toBe('2')

    // totals per type
    await bruno.page.locator('[data-totals=type]').click()
    await expect
      .poll(() =>
        bruno.page.locator('[data-testid=totals-type] tr[data-total-key=staff-hours]').innerText(),
      )
      .toContain('150 ore')

    // adhesion: the Comune adheres, signed by its mayor
    const adhesion = alice.page.locator('.adhesions-table tr[data-actor-id=a1]')
    await adhesion.locator('select[data-field=adheres]').selectOption('yes')
    await adhesion.locator('input[data-field=date]').fill('2027-02-15')
    await adhesion.locator('input[data-field=signedBy]').fill('Maria Rossi, sindaca')
    await adhesion.locator('input[data-field=signedBy]').press('Enter')
    await expect
      .poll(() => bruno.page.locator('[data-testid=adhesions-count]').innerText())
      .toBe('1 su 3 aderiscono')
    await screenshot(bruno.page, 'pact-commitments')

    // the ledger as a spreadsheet for Italian Excel: BOM, `;`, Italian headers and decimals
    const downloading = bruno.page.waitForEvent('download')
    await bruno.page.locator('[data-testid=ledger-csv]').click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('impegni-patto-patto-val-seriana.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('\uFEFFAttore;Tipo;Che cosa;Quantità;Unità;Dal;Al;Per;Stato')
    expect(lines).toContain('Comune di Clusone;Ore di personale;;120;ore;;;;Proposto')
    expect(lines).toContain('Comune di Clusone;Competenze;;2,5;giornate;;;;Proposto')
    expect(lines).toContain(
      'Cooperativa Il Ponte;Risorse economiche;;1500;€;;;Sportello di orientamento settimanale;Non rispettato',
    )
    expect(lines.length).toBe(6) // header, four commitments, the final line end
  })

  it('the vision written by two people at the same time keeps both texts', async () => {
    const { alice, bruno } = await participants('Patto Val Seriana')
    await alice.openView('vision')
    await bruno.openView('vision')
    const aliceField = alice.page.locator('textarea[data-field=vision]')
    const brunoField = bruno.page.locator('textarea[data-field=vision]')
    await aliceField.click()
    await alice.page.keyboard.type('Nella valle. ')
    await expect.poll(() => brunoField.inputValue()).toBe('Nella valle. ')

    // Alice writes at the end while Bruno writes at the start, at the same time
    await brunoField.click()
    await bruno.page.keyboard.press('Control+Home')
    const aliceWords = 'Ogni persona fragile trova un percorso di lavoro.'
    const brunoWords = 'Entro il 2030, insieme: '
    await Promise.all([
      alice.page.keyboard.type(aliceWords, { delay: 15 }),
      bruno.page.keyboard.type(brunoWords, { delay: 15 }),
    ])
    const expected = `${brunoWords}Nella valle. ${aliceWords}`
    await expect.poll(() => aliceField.inputValue()).toBe(expected)
    await expect.poll(() => brunoField.inputValue()).toBe(expected)

    // the frame of the pact: territory and horizon, validated
    await aliceField.press('Enter')
    const territory = alice.page.locator('input[data-field=territory]')
    await territory.fill('Val Seriana')
    await territory.press('Enter')
    await alice.page.locator('input[data-field=horizonFrom]').fill('2027')
    await alice.page.locator('input[data-field=horizonFrom]').press('Enter')
    await alice.page.locator('input[data-field=horizonTo]').fill('2030')
    await alice.page.locator('input[data-field=horizonTo]').press('Enter')
    await expect
      .poll(() => bruno.page.locator('input[data-field=territory]').inputValue())
      .toBe('Val Seriana')
    await expect
      .poll(() => bruno.page.locator('input[data-field=horizonTo]').inputValue())
      .toBe('2030')
    // a first year after the last is refused with a message, and the stored year stays
    await bruno.page.locator('input[data-field=horizonFrom]').fill('2031')
    await bruno.page.locator('input[data-field=horizonFrom]').press('Enter')
    await bruno.page.locator('.pact-error[role=alert]').waitFor()
    expect(await bruno.page.locator('input[data-field=horizonFrom]').inputValue()).toBe('2027')
    // the chosen strategy and its objectives stand beside the vision
    expect(await bruno.page.locator('[data-testid=pact-strategy]').innerText()).toBe(
      'Rete di orientamento',
    )
    await screenshot(bruno.page, 'pact-vision')
  })

  it('members two people add to one body at the same moment are all kept', async () => {
    const { board, alice, bruno } = await participants('Patto a più mani')
    await alice.openView('governance')
    await bruno.openView('governance')
    await alice.page.locator('button[data-suggested=steering]').click()
    const bodyOf = (p: typeof alice) => p.page.locator('.gov-body[data-label="Cabina di regia"]')
    await bodyOf(bruno).waitFor()
    // Bruno's Wi-Fi drops while he adds the Comune; meanwhile Alice adds the cooperative.
    // Chromium's network emulation leaves open sockets alone: the test fires the events the OS
    // would, and the page goes offline.
    const context = bruno.page.context()
    await context.setOffline(true)
    await bruno.page.evaluate(() => window.dispatchEvent(new Event('offline')))
    await bruno.page.locator('[data-testid=connection][data-state=offline]').waitFor()
    await bodyOf(bruno)
      .locator('select[data-field=addMember]')
      .selectOption({ label: 'Comune di Clusone' })
    await bodyOf(alice)
      .locator('select[data-field=addMember]')
      .selectOption({ label: 'Cooperativa Il Ponte' })
    await expect
      .poll(async () => {
        const pact = (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
        return pact.bodies[0]?.members
      })
      .toEqual(['a2'])
    // back online: both additions are there, for both of them and in the export
    await context.setOffline(false)
    await bruno.page.evaluate(() => window.dispatchEvent(new Event('online')))
    for (const p of [alice, bruno])
      await expect
        .poll(() =>
          bodyOf(p)
            .locator('.gov-members li[data-actor-id]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id')).sort()),
        )
        .toEqual(['a1', 'a2'])
    await expect
      .poll(async () => {
        const pact = (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
        return [...pact.bodies[0].members].sort()
      })
      .toEqual(['a1', 'a2'])
  })

  it('export and import carry the whole phase; the projector sees it without editing chrome', async () => {
    const { board, alice, bruno } = await participants('Patto da esportare')
    // governance: a suggested body, two members, the lead, one rule
    await alice.openView('governance')
    const focusedField = () =>
      alice.page.evaluate(() => document.activeElement?.getAttribute('data-field'))
    await alice.page.locator('button[data-suggested=steering]').click()
    const body = alice.page.locator('.gov-body[data-label="Cabina di regia"]')
    await body.waitFor()
    // a suggested body has its name: its mandate takes the focus, and what is typed lands there
    await expect.poll(focusedField).toBe('mandate')
    await alice.page.keyboard.type('Indirizzo e verifica del patto')
    await alice.page.keyboard.press('Enter')
    await body.locator('select[data-field=addMember]').selectOption({ label: 'Comune di Clusone' })
    await body
      .locator('select[data-field=addMember]')
      .selectOption({ label: 'Cooperativa Il Ponte' })
    await body.locator('select[data-field=lead]').selectOption({ label: 'Comune di Clusone' })
    // the new rule's text takes the focus: the spaces typed do not press «+ Regola» again
    await alice.page.getByRole('button', { name: '+ Regola' }).click()
    await expect.poll(focusedField).toBe('text')
    await alice.page.keyboard.type('Ogni aderente nomina un referente.')
    await alice.page.keyboard.press('Enter')
    await bruno.openView('governance')
    await expect
      .poll(() => bruno.page.locator('[data-testid=gov-diagram] [data-diagram-actor]').count())
      .toBe(2)
    await screenshot(bruno.page, 'pact-governance')

    await alice.openView('vision')
    await alice.page.locator('textarea[data-field=vision]').fill('Lavoro per chi è ai margini.')
    await alice.page.locator('textarea[data-field=vision]').press('Enter')
    await alice.openView('commitments')
    await alice.commit('Impresa Rossi', '4', 'tirocini', 'services')
    const adhesion = alice.page.locator('.adhesions-table tr[data-actor-id=a3]')
    await adhesion.locator('select[data-field=adheres]').selectOption('yes')

    // the export holds the phase as the room wrote it
    let exported: Json = {}
    await expect
      .poll(async () => {
        exported = await exportJson(suite.server.url, board.id, board.keys.participant)
        const pact = exported.pact as Json
        return [
          pact.info[0].vision,
          pact.bodies.length,
          pact.rules.length,
          pact.commitments.length,
          pact.adhesions.length,
          pact.bodies[0]?.lead,
        ]
      })
      .toEqual(['Lavoro per chi è ai margini.', 1, 1, 1, 1, 'a1'])
    const pact = exported.pact as Json
    expect(pact.bodies[0]).toMatchObject({
      label: 'Cabina di regia',
      mandate: 'Indirizzo e verifica del patto',
      level: 'political',
      members: ['a1', 'a2'],
    })
    expect(pact.rules[0].text).toBe('Ogni aderente nomina un referente.')
    expect(pact.commitments[0]).toMatchObject({
      actor: 'a3',
      type: 'services',
      amount: 4,
      unit: 'tirocini',
      status: 'proposed',
    })
    expect(pact.adhesions[0]).toMatchObject({ id: 'a3', actor: 'a3', adheres: true })

    // imported as a new board, it exports the same pact
    const copy = await importWithLinks(exported)
    const again = await exportJson(suite.server.url, copy.id, copy.keys.viewer)
    expect(again.pact).toEqual(exported.pact)

    // the projector of the copy shows the whole phase, with nothing to edit
    const projector = pactPage((await suite.open(copy.links.viewer, 'Proiettore')).page)
    await projector.page.setViewportSize({ width: 1366, height: 768 })
    await projector.openView('commitments')
    await expect.poll(() => projector.rows().count()).toBe(1)
    expect(await projector.ledger.locator('td[data-field=unit]').innerText()).toBe('tirocini')
    expect(await projector.page.locator('select, textarea, input').count()).toBe(0)
    expect(await projector.page.locator('.ledger-csv').count()).toBe(1)
    await screenshot(projector.page, 'pact-commitments-projector')
    await projector.openView('vision')
    await expect
      .poll(() => projector.page.locator('[data-field=vision]').innerText())
      .toBe('Lavoro per chi è ai margini.')
    expect(await projector.page.locator('textarea, input').count()).toBe(0)
    await projector.openView('governance')
    await projector.page.locator('.gov-body[data-label="Cabina di regia"]').waitFor()
    expect(await projector.page.locator('button[data-suggested], .gov-member-remove').count()).toBe(
      0,
    )
    await screenshot(projector.page, 'pact-governance-projector')
  })
})
