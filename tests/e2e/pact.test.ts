import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { pactBoard } from '../helpers/pactBoard.ts'
import { browserSuite } from '../helpers/suite.ts'
import {
  addMember,
  importWithLinks,
  participants,
  pactPage,
  workshopBoard,
  type Json,
} from '../helpers/pactPage.ts'

const suite = browserSuite()

describe('the Patto phase in the browser', () => {
  it('two participants add commitments for two actors: each sees the other’s, the totals change live', async () => {
    const { alice, bruno } = await participants(suite, 'Patto Val Seriana')
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
      await expect.poll(() => p.actorTotal('a2')).toBe('1.500 €')
      await expect.poll(() => p.gaps('actors')).toBe('1')
    }
    // each sees the other's row as written: actor, amount, unit
    const brunoRow = alice.ledger.locator('tbody tr[data-actor-id=a2]')
    await expect.poll(() => brunoRow.locator('input[data-field=amount]').inputValue()).toBe('1.500')
    await expect.poll(() => brunoRow.locator('textarea[data-field=unit]').inputValue()).toBe('€')
    await expect.poll(() => brunoRow.locator('select[data-field=type]').inputValue()).toBe('money')
    // on a 1366 px laptop the type reads whole («Risorse economiche», not «Risorse econo»)
    await alice.page.setViewportSize({ width: 1366, height: 768 })
    const typeFits = () =>
      brunoRow.locator('select[data-field=type]').evaluate((el) => {
        const select = el as HTMLSelectElement
        const probe = document.createElement('span')
        probe.style.font = getComputedStyle(select).font
        probe.style.whiteSpace = 'nowrap'
        probe.textContent = select.selectedOptions[0]!.text
        document.body.append(probe)
        const text = probe.getBoundingClientRect().width
        probe.remove()
        // the arrow and the padding take about 2rem of the select
        return text + 28 <= select.getBoundingClientRect().width
      })
    await expect.poll(typeFits).toBe(true)
    // on a 1024 px screen the table scrolls sideways rather than squeeze «Che cosa» and the
    // actor to a few letters each
    await alice.page.setViewportSize({ width: 1024, height: 768 })
    const width = (selector: string) =>
      brunoRow.locator(selector).evaluate((el) => el.getBoundingClientRect().width)
    await expect.poll(() => width('td.ledger-what textarea')).toBeGreaterThanOrEqual(150)
    expect(await width('select[data-field=actor]')).toBeGreaterThanOrEqual(150)
    await alice.page.setViewportSize({ width: 1366, height: 768 })
    await expect.poll(typeFits).toBe(true)
    // and on the laptop it needs no sideways scrolling
    await expect
      .poll(() =>
        alice.page.locator('.ledger-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
      )
      .toBe(true)

    // an amount below zero is refused, said so, and the stored one stays
    const brunoAmount = brunoRow.locator('input[data-field=amount]')
    await brunoAmount.fill('-3')
    await brunoAmount.press('Enter')
    await expect.poll(() => brunoAmount.getAttribute('aria-invalid')).toBe('true')
    expect(await brunoAmount.getAttribute('title')).toContain('da 0 a mille miliardi')
    await expect.poll(() => brunoAmount.inputValue()).toBe('1.500')
    // so is one past what the ledger holds, said the same way (the message asked for a
    // «numero positivo» of a positive number)
    await brunoAmount.fill('99999999999999999999999')
    await brunoAmount.press('Enter')
    await expect.poll(() => brunoAmount.inputValue()).toBe('1.500')
    expect(await brunoAmount.getAttribute('aria-invalid')).toBe('true')
    expect(await brunoAmount.getAttribute('title')).toContain('mille miliardi')
    expect(await alice.actorTotal('a2')).toBe('1.500 €')

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
    await adhesion.locator('textarea[data-field=signedBy]').fill('Maria Rossi, sindaca')
    await adhesion.locator('textarea[data-field=signedBy]').press('Enter')
    await expect
      .poll(() => bruno.page.locator('[data-testid=adhesions-count]').innerText())
      .toBe('1 su 3 aderiscono')
    // an answer given by mistake is taken back: the actor's adhesion is «da sapere» again
    const mistaken = alice.page.locator('.adhesions-table tr[data-actor-id=a2]')
    await mistaken.locator('select[data-field=adheres]').selectOption('yes')
    await expect
      .poll(() => bruno.page.locator('[data-testid=adhesions-count]').innerText())
      .toBe('2 su 3 aderiscono')
    await mistaken.locator('select[data-field=adheres]').selectOption('')
    await expect
      .poll(() => bruno.page.locator('[data-testid=adhesions-count]').innerText())
      .toBe('1 su 3 aderiscono')
    expect(await mistaken.locator('input[data-field=date]').isDisabled()).toBe(true)
    await screenshot(bruno.page, 'pact-commitments')

    // the ledger as a spreadsheet for Italian Excel: BOM, `;`, Italian headers and decimals
    const downloading = bruno.page.waitForEvent('download')
    await bruno.page.locator('[data-testid=ledger-csv]').click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('impegni-patto-patto-val-seriana.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('\uFEFFAttore;Risorsa;Che cosa;Quantità;Unità;Dal;Al;Per;Stato')
    expect(lines).toContain('Comune di Clusone;Ore di personale;;120;ore;;;;Proposto')
    expect(lines).toContain('Comune di Clusone;Competenze;;2,5;giornate;;;;Proposto')
    expect(lines).toContain(
      'Cooperativa Il Ponte;Risorse economiche;;1500;€;;;Quadro logico: Sportello di orientamento settimanale;Non rispettato',
    )
    expect(lines.length).toBe(6) // header, four commitments, the final line end

    // an amount reads as Italians write it (money with its cents: 15.000,50), and plain while
    // typed in
    const amount = bruno.ledger.locator('tbody tr[data-actor-id=a2] input[data-field=amount]')
    await amount.fill('15000,5')
    await amount.press('Enter')
    await expect.poll(() => brunoAmount.inputValue()).toBe('15.000,50')
    await brunoAmount.focus()
    await expect.poll(() => brunoAmount.inputValue()).toBe('15000,5')
    await brunoAmount.press('Escape')
    await expect.poll(() => brunoAmount.inputValue()).toBe('15.000,50')
    // whole in its cell
    expect(await brunoAmount.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  })

  it('a rule written over several lines shows whole as it grows, not in a one-line box', async () => {
    const { alice } = await participants(suite, 'Regole lunghe')
    await alice.openView('governance')
    await alice.page.getByRole('button', { name: '+ Regola' }).click()
    const field = alice.page.locator('textarea[data-field=text]')
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    const hidden = () => field.evaluate((el) => el.scrollHeight - el.clientHeight)
    const lines = () =>
      field.evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))
    for (const [i, line] of ['Prima riga', 'seconda riga', 'terza riga', 'quarta'].entries()) {
      if (i) await alice.page.keyboard.press('Shift+Enter')
      await alice.page.keyboard.type(line)
    }
    await expect.poll(hidden).toBeLessThanOrEqual(0)
    expect(await lines()).toBeGreaterThanOrEqual(4)
    await screenshot(alice.page, 'pact-rule-lines')

    // Enter ends a rule and the keyboard goes on in the next one (not back at the page's top)
    await alice.page.getByRole('button', { name: '+ Regola' }).click()
    const rules = alice.page.locator('textarea[data-field=text]')
    await expect.poll(() => rules.nth(1).evaluate((el) => el === document.activeElement)).toBe(true)
    await alice.page.keyboard.type('Seconda')
    await rules.nth(0).click()
    await alice.page.keyboard.press('Control+End')
    await alice.page.keyboard.press('Enter')
    await expect.poll(() => rules.nth(1).evaluate((el) => el === document.activeElement)).toBe(true)
    await alice.page.keyboard.press('End')
    await alice.page.keyboard.type(' regola')
    await expect.poll(() => rules.nth(1).inputValue()).toBe('Seconda regola')
  })

  it('export and import carry the whole phase; the projector sees it without editing chrome', async () => {
    const { board, alice, bruno } = await participants(suite, 'Patto da esportare')
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
    await addMember(body, 'Comune di Clusone')
    await addMember(body, 'Cooperativa Il Ponte')
    await body.locator('select[data-field=lead]').selectOption({ label: 'Comune di Clusone' })
    // the new rule's text takes the focus and what is typed at once, before it was drawn: no
    // letter is lost, and the spaces typed do not press «+ Regola» again
    await alice.page.getByRole('button', { name: '+ Regola' }).click()
    await alice.page.keyboard.type('Ogni aderente nomina un referente.')
    await expect.poll(focusedField).toBe('text')
    await alice.page.keyboard.press('Enter')
    await expect
      .poll(() => alice.page.locator('[data-rule-id] [data-field=text]').last().inputValue())
      .toBe('Ogni aderente nomina un referente.')
    expect(await alice.page.locator('[data-rule-id]').count()).toBe(1)
    await bruno.openView('governance')
    await expect
      .poll(() => bruno.page.locator('[data-testid=gov-diagram] [data-diagram-actor]').count())
      .toBe(2)
    await screenshot(bruno.page, 'pact-governance')

    await alice.openView('vision')
    await alice.page.locator('textarea[data-field=vision]').fill('Lavoro per chi è ai margini.')
    await alice.page.locator('textarea[data-field=vision]').press('Enter')
    await alice.openView('commitments')
    const row = await alice.commit('Impresa Rossi', '4', 'tirocini', 'services')
    await row.locator('input[data-field=from]').fill('2027-01-15')
    const adhesion = alice.page.locator('.adhesions-table tr[data-actor-id=a3]')
    await adhesion.locator('select[data-field=adheres]').selectOption('yes')
    await adhesion.locator('input[data-field=date]').fill('2027-02-15')

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
      from: '2027-01-15',
      status: 'proposed',
    })
    expect(pact.adhesions[0]).toMatchObject({ id: 'a3', actor: 'a3', adheres: true })

    // imported as a new board, it exports the same pact
    const copy = await importWithLinks(suite, exported)
    const again = await exportJson(suite.server.url, copy.id, copy.keys.viewer)
    expect(again.pact).toEqual(exported.pact)

    // the projector of the copy shows the whole phase, with nothing to edit
    const projector = pactPage((await suite.open(copy.links.viewer, 'Proiettore')).page)
    await projector.page.setViewportSize({ width: 1366, height: 768 })
    await projector.openView('commitments')
    await expect.poll(() => projector.rows().count()).toBe(1)
    expect(await projector.ledger.locator('td[data-field=unit]').innerText()).toBe('tirocini')
    // a period reads as Italians write a day, as in the pact document
    expect(await projector.ledger.locator('td[data-field=period]').innerText()).toBe(
      '15/01/2027 → …',
    )
    const signed = projector.page.locator('.adhesions-table tr[data-actor-id=a3] td').nth(1)
    expect(await signed.innerText()).toBe('15/02/2027')
    expect(await projector.page.locator('select, textarea, input').count()).toBe(0)
    expect(await projector.page.locator('.ledger-csv').count()).toBe(1)
    await screenshot(projector.page, 'pact-commitments-projector')
    await projector.openView('vision')
    await expect
      .poll(() => projector.page.locator('[data-field=vision]').innerText())
      .toBe('Lavoro per chi è ai margini.')
    // no horizon written: a dash, as for an empty territory
    expect(await projector.page.locator('[data-field=horizon]').innerText()).toBe('—')
    expect(await projector.page.locator('textarea, input').count()).toBe(0)
    await projector.openView('governance')
    await projector.page.locator('.gov-body[data-label="Cabina di regia"]').waitFor()
    expect(await projector.page.locator('button[data-suggested], .gov-member-remove').count()).toBe(
      0,
    )
    await screenshot(projector.page, 'pact-governance-projector')
  })

  it('a unit wider than its column wraps inside it on the projector, not into the period', async () => {
    const board = pactBoard()
    const pact = board.pact as Json
    pact.commitments[0].unit = 'giorni/settimana'
    const copy = await importWithLinks(suite, board as unknown as Json)
    const projector = pactPage((await suite.open(copy.links.viewer, 'Proiettore')).page)
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.openView('commitments')
    await expect.poll(() => projector.rows().count()).toBe(1)
    const unit = projector.ledger.locator('td[data-field=unit]')
    expect(await unit.innerText()).toBe('giorni/settimana')
    const overflow = await unit.evaluate((el) => el.scrollWidth - el.clientWidth)
    await screenshot(projector.page, 'pact-commitments-projector-unit')
    expect(overflow).toBeLessThanOrEqual(0)
  })

  it('«+ Aggiungi un membro» adds nobody as the keyboard passes by; the arrows and Enter pick one actor', async () => {
    const board = await importWithLinks(suite, workshopBoard('Patto Val Seriana'))
    const { page } = pactPage((await suite.open(board.links.participant, 'Alice')).page)
    await page.setViewportSize({ width: 1366, height: 768 })
    await pactPage(page).openView('governance')
    await page.locator('button[data-suggested=steering]').click()
    const body = page.locator('.gov-body[data-label="Cabina di regia"]')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')))
      .toBe('mandate')
    const members = () =>
      body
        .locator('.gov-members li[data-actor-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id')).sort())
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return el?.getAttribute('role') === 'menuitem' ? el.innerText.trim() : el?.className
      })
    // Tab from the mandate reaches the control; a ↓ on it, as a keyboard user walking the card
    // presses one, opens the actors and adds none (the select it was made the first one a member)
    await page.keyboard.press('Tab')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.split('·')[0]?.trim()))
      .toMatch(/aggiungi un membro/i)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => Promise.all([focused(), members()])).toEqual(['Comune di Clusone', []])
    const add = body.getByRole('button', { name: '+ Aggiungi un membro · Cabina di regia' })
    expect(await add.getAttribute('aria-haspopup')).toBe('menu')
    expect(await add.getAttribute('aria-expanded')).toBe('true')
    // End and Home go to the last and the first; ↓ and Enter make that actor, only, a member,
    // and the focus comes back to the button for the next one
    await page.keyboard.press('End')
    await expect.poll(focused).toBe('Impresa Rossi')
    await page.keyboard.press('Home')
    await expect.poll(focused).toBe('Comune di Clusone')
    await page.keyboard.press('ArrowDown')
    await expect.poll(focused).toBe('Cooperativa Il Ponte')
    await page.keyboard.press('Enter')
    await expect.poll(members).toEqual(['a2'])
    await expect.poll(focused).toBe('gov-add-member')
    expect(await body.getByRole('menuitem').count()).toBe(0)
    // Space opens it with the actors not members yet; Escape closes it, adding none
    await page.keyboard.press(' ')
    await expect.poll(focused).toBe('Comune di Clusone')
    expect(await body.getByRole('menuitem').allInnerTexts()).toEqual([
      'Comune di Clusone',
      'Impresa Rossi',
    ])
    await page.keyboard.press('Escape')
    await expect.poll(focused).toBe('gov-add-member')
    expect(await body.getByRole('menuitem').count()).toBe(0)
    // Enter opens it and picks; the last actor added, a line says all are members and the
    // focus goes on to the lead
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Comune di Clusone')
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('gov-add-member')
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Impresa Rossi')
    await page.keyboard.press('Enter')
    await expect.poll(members).toEqual(['a1', 'a2', 'a3'])
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')))
      .toBe('lead')
    expect(await body.getByTestId('all-members').innerText()).toBe(
      'Tutti gli attori del registro sono già membri.',
    )
    expect(await body.locator('.gov-add-member').count()).toBe(0)
  })
})
