import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { collectionRoot, textValue } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import {
  buildObjectiveTree,
  criteria,
  GUIDANCE,
  italian,
  SCORES,
  strategyPage,
  TRAINING,
  type Exported,
} from '../helpers/strategyPage.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = browserSuite()

const clients: Client[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
})

describe('strategy analysis and logframe in the browser', () => {
  it('two participants score, the facilitator chooses, the logframe is written together', async () => {
    const board = await createBoard(suite.server.url, 'Patto Alto Milanese')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildObjectiveTree(stock.doc)

    const alice = strategyPage((await newParticipant(suite.browser, 'Alice')).page)
    const bruno = strategyPage((await newParticipant(suite.browser, 'Bruno')).page)
    await alice.open(board.links.facilitator)
    await bruno.open(board.links.participant)

    // the facilitator marks two branches as candidate strategies; Bruno sees them live
    await alice.markCandidate(GUIDANCE)
    await alice.markCandidate(TRAINING)
    const guidanceCard = bruno.page.locator(`[data-testid=candidate][data-label="${GUIDANCE}"]`)
    await guidanceCard.waitFor()
    // the branch: the top and all its means, without the discarded objective
    expect(await guidanceCard.locator('.branch li').allInnerTexts()).toEqual([
      GUIDANCE,
      'Sportelli di orientamento attivi in ogni ambito',
      'Un tutor per ogni giovane preso in carico',
      'Mappa condivisa dei servizi',
    ])
    const ids = await waitFor((): Map<string, string> | null => {
      const byLabel = new Map<string, string>()
      collectionRoot(stock.doc, 'strategy.candidates').forEach((c, id) =>
        byLabel.set(textValue(c.get('label')), id),
      )
      return byLabel.size === 2 ? byLabel : null
    }, 'both candidates reach the stock client')
    const guidance = ids!.get(GUIDANCE)!
    const training = ids!.get(TRAINING)!

    // before giving his scores, a participant cannot look at the others'
    const brunoShow = bruno.page.getByRole('button', { name: 'Mostra risultati' })
    await brunoShow.waitFor()
    expect(await brunoShow.isDisabled()).toBe(true)
    expect(await bruno.page.getByTestId('results-toggle').innerText()).toContain(
      'quando hai dato tutti i tuoi punteggi',
    )
    // Alice scores with the mouse
    for (const [label, values] of Object.entries(SCORES.alice))
      await alice.scoreByClicking(ids!.get(label)!, values)
    // Bruno scores with the keyboard: a digit scores, ↓ goes to the next criterion
    for (const [label, values] of Object.entries(SCORES.bruno))
      await bruno.scoreByKeyboard(ids!.get(label)!, values)
    // ← lowers a score: Bruno changes his mind on the last criterion, then back
    await bruno.page.keyboard.press('ArrowLeft')
    await bruno.page.keyboard.press('ArrowRight')

    // each sees their own scores highlighted, not the other's
    await expect.poll(() => alice.myScores(guidance)).toEqual(SCORES.alice[GUIDANCE])
    await expect.poll(() => bruno.myScores(guidance)).toEqual(SCORES.bruno[GUIDANCE])
    await expect.poll(() => bruno.myScores(training)).toEqual(SCORES.bruno[TRAINING])

    // while voting, nobody sees the others' results: only how many voted, no average or ranking
    await expect
      .poll(() => bruno.cell(guidance, 'economic').getByTestId('cell-stats').innerText())
      .toBe('2 voti')
    for (const page of [alice, bruno]) {
      expect(await page.page.locator('[data-testid=ranking-item]').count()).toBe(0)
      expect(await page.page.locator('.score-spread').count()).toBe(0)
      expect(await page.page.locator('[data-testid=overall]').allInnerTexts()).toEqual([
        '2 partecipanti',
        '2 partecipanti',
      ])
    }
    await bruno.scrollTo('top')
    await screenshot(bruno.page, 'strategy-results-hidden')
    // Bruno, every score given, may look on his own screen; the facilitator shows the room
    await expect.poll(() => brunoShow.isDisabled()).toBe(false)
    await brunoShow.click()
    await alice.page.getByRole('button', { name: 'Mostra risultati' }).click()
    await expect
      .poll(() => bruno.page.getByTestId('results-toggle').innerText())
      .toBe('Chi conduce ha mostrato medie e classifica a tutta la sala.')

    // the averages and the ranking shown are those of the scores
    const overall = (label: string) => {
      const a = SCORES.alice[label]!
      const b = SCORES.bruno[label]!
      return a.reduce((sum, v, i) => sum + (v + b[i]!) / 2, 0) / a.length
    }
    expect(overall(GUIDANCE)).toBe(3.75)
    expect(overall(TRAINING)).toBe(3.25)
    // every criterion scored: no average says it covers fewer
    expect(await bruno.page.getByTestId('ranking-partial').count()).toBe(0)
    for (const page of [alice, bruno])
      await expect
        .poll(() => page.ranking())
        .toEqual([
          { label: GUIDANCE, rank: '1', average: italian(3.75) },
          { label: TRAINING, rank: '2', average: italian(3.25) },
        ])
    const economic = await alice.cell(guidance, 'economic').getByTestId('cell-stats').innerText()
    expect(economic).toContain(italian(3.5))
    expect(economic).toContain('2 voti')
    expect(await alice.page.locator('[data-testid=overall]').allInnerTexts()).toEqual([
      expect.stringContaining('2º posto · 2 partecipanti'),
      expect.stringContaining('1º posto · 2 partecipanti'),
    ])
    // the hint says what 5 means for "already covered"
    await alice.page.getByText('5 = nessun altro attore la copre già').waitFor()

    // only the facilitator chooses; everyone sees the choice
    expect(await bruno.page.getByRole('button', { name: 'Scegli questa strategia' }).count()).toBe(
      0,
    )
    await alice.page
      .locator(`[data-testid=ranking-item][data-label="${GUIDANCE}"]`)
      .getByRole('button', { name: 'Scegli questa strategia' })
      .click()
    await expect
      .poll(() => bruno.page.getByTestId('chosen-strategy').innerText())
      .toBe(`✓ Strategia scelta: «${GUIDANCE}»`)
    await bruno.page
      .locator(`[data-testid=candidate][data-label="${GUIDANCE}"].is-chosen`)
      .waitFor()
    await alice.scrollTo('top')
    await screenshot(alice.page, 'strategy-facilitator')
    await alice.scrollTo('bottom')
    await screenshot(alice.page, 'strategy-facilitator-ranking')
    await bruno.scrollTo('top')
    await screenshot(bruno.page, 'strategy-participant')

    // the facilitator generates the logframe from the chosen branch
    await alice.view('logframe')
    await bruno.view('logframe')
    expect(await bruno.page.getByTestId('generate-logframe').count()).toBe(0)
    // an objective of the branch still worded as its problem: the facilitator is told which
    expect(await alice.page.getByTestId('logframe-to-reword').innerText()).toBe(
      'Un obiettivo del ramo è ancora da riformulare («Mappa condivisa dei servizi»): il quadro ' +
        'logico ne prenderebbe le parole del problema. Riformulalo nell’albero degli obiettivi ' +
        'prima di generare.',
    )
    // the first press asks again, nothing is generated yet; the second generates
    await alice.page
      .getByRole('button', { name: 'Genera il quadro logico dalla strategia scelta' })
      .click()
    const anyway = alice.page.getByRole('button', { name: 'Genera comunque, con queste parole' })
    await anyway.waitFor()
    expect(await bruno.page.locator('[data-testid=logframe-row]').count()).toBe(0)
    await anyway.click()
    await alice.page.getByRole('status').filter({ hasText: '5 righe aggiunte' }).waitFor()
    // the warning now says what was done, and what to do next
    expect(await alice.page.getByTestId('logframe-to-reword').innerText()).toBe(
      'Un obiettivo del ramo è ancora da riformulare («Mappa condivisa dei servizi»): il quadro ' +
        'logico ne ha preso le parole del problema. Riformulalo nell’albero degli obiettivi, ' +
        'poi aggiorna il quadro logico.',
    )
    await expect
      .poll(() => bruno.logframeLevels())
      .toEqual([
        'overall: Più giovani trovano un lavoro stabile',
        `specific: ${GUIDANCE}`,
        'result: Sportelli di orientamento attivi in ogni ambito',
        'result: Un tutor per ogni giovane preso in carico',
        'activity: Mappa condivisa dei servizi',
      ])

    // Alice writes an indicator of the specific objective; Bruno sees it
    const indicator = 'Giovani orientati ogni anno: da 120 a 300'
    const aliceCell = alice.page.getByLabel(
      'Indicatori oggettivamente verificabili — riga 1 di «Obiettivo specifico»',
    )
    await aliceCell.fill(indicator)
    // while she writes, Bruno sees who: her colour around the cell, her name over it
    await expect
      .poll(() => bruno.page.locator('.logframe-field.being-written .field-writer').allInnerTexts())
      .toEqual(['Alice sta scrivendo'])
    await aliceCell.press('Tab')
    const brunoCell = bruno.page.getByLabel(
      'Indicatori oggettivamente verificabili — riga 1 di «Obiettivo specifico»',
    )
    await expect.poll(() => brunoCell.inputValue()).toBe(indicator)
    // Tab took her to the next cell, where she has not typed: nobody is told she writes there.
    // Bruno writes meanwhile, and she sees it: her page's presence has reached his by then.
    const sourcesCell = alice.page.getByLabel('Fonti di verifica — riga 1 di «Obiettivo specifico»')
    await expect.poll(() => sourcesCell.evaluate((el) => el === document.activeElement)).toBe(true)
    const brunoWrites = 'Ipotesi — riga 1 di «Obiettivo generale»'
    await bruno.page.getByLabel(brunoWrites).fill('Scuole coinvolte')
    await bruno.page.getByLabel(brunoWrites).blur()
    await expect
      .poll(() => alice.page.getByLabel(brunoWrites).inputValue())
      .toBe('Scuole coinvolte')
    expect(
      await bruno.page.locator('.logframe-field.being-written .field-writer').allInnerTexts(),
    ).toEqual([])
    // a click anywhere in a cell, even beside its field, writes in that very cell
    const specific = alice.page.locator('[data-testid=logframe-row][data-level=specific]')
    const sourcesBox = (await specific.locator('td.col-sources').boundingBox())!
    await alice.page.mouse.click(
      sourcesBox.x + sourcesBox.width / 2,
      sourcesBox.y + sourcesBox.height - 2,
    )
    await alice.page.keyboard.type('Registri degli sportelli')
    // Enter: on to the next cell, as in a sheet (what she typed next went on in the same cell)
    await alice.page.keyboard.press('Enter')
    const assumptions = specific.locator('td.col-assumptions textarea')
    await expect.poll(() => assumptions.evaluate((el) => el === document.activeElement)).toBe(true)
    await alice.page.keyboard.type('Enti disponibili')
    await alice.page.keyboard.press('Tab')
    expect(await specific.locator('td.col-sources textarea').inputValue()).toBe(
      'Registri degli sportelli',
    )
    expect(await assumptions.inputValue()).toContain('Enti disponibili')
    expect(await specific.locator('td.col-text textarea').inputValue()).toBe(GUIDANCE)
    // Bruno adds an activity by hand and writes it at once: the new row's text has the words,
    // and the spaces among them add no rows (they pressed the button again)
    await bruno.page.getByRole('button', { name: 'Aggiungi attività' }).click()
    await bruno.page.keyboard.type('Formare gli operatori degli sportelli')
    const newActivity = bruno.page.getByLabel('Logica d’intervento — riga 2 di «Attività»')
    await expect.poll(() => newActivity.inputValue()).toBe('Formare gli operatori degli sportelli')
    expect(
      await bruno.page.locator('[data-testid=logframe-row][data-level=activity]').count(),
    ).toBe(2)
    await newActivity.press('Tab')
    await expect
      .poll(() => alice.page.getByLabel('Logica d’intervento — riga 2 di «Attività»').inputValue())
      .toBe('Formare gli operatori degli sportelli')

    // regenerating keeps what people wrote
    await alice.page
      .getByRole('button', { name: 'Aggiorna il quadro logico dalla strategia scelta' })
      .click()
    await alice.page
      .getByRole('status')
      .filter({ hasText: '0 righe aggiunte, 6 mantenute, 0 rimosse' })
      .waitFor()
    expect(await brunoCell.inputValue()).toBe(indicator)
    expect(await bruno.page.locator('[data-testid=logframe-row]').count()).toBe(6)
    await screenshot(alice.page, 'logframe-facilitator')
    await screenshot(bruno.page, 'logframe-participant')

    // the export carries candidates, scores, the choice and the logframe
    await boardPage(alice.page).waitSaved()
    await boardPage(bruno.page).waitSaved()
    const exported = await waitFor(async (): Promise<Exported | null> => {
      const out = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
      return out.logframe.some((r) => r.indicators === indicator) &&
        out.logframe.some((r) => r.text === 'Formare gli operatori degli sportelli')
        ? out
        : null
    }, 'the export has the logframe edits')
    const json = exported!
    expect(json.chosenStrategy).toBe(guidance)
    expect(json.strategy.candidates.map((c) => c.label).sort()).toEqual([GUIDANCE, TRAINING].sort())
    expect(json.strategy.candidates.find((c) => c.id === guidance)!.objectives).toEqual([
      'guidance',
      'desks',
      'tutors',
      'mapping',
    ])
    expect(json.strategy.scores).toHaveLength(24)
    for (const s of json.strategy.scores)
      expect(s.id).toBe(`${s.candidate}|${s.criterion}|${s.participant}`)
    expect(new Set(json.strategy.scores.map((s) => s.participantName))).toEqual(
      new Set(['Alice', 'Bruno']),
    )
    const brunoScores = json.strategy.scores
      .filter((s) => s.participantName === 'Bruno' && s.candidate === guidance)
      .sort((a, b) => criteria.indexOf(a.criterion) - criteria.indexOf(b.criterion))
      .map((s) => s.score)
    expect(brunoScores).toEqual(SCORES.bruno[GUIDANCE])
    expect(
      json.logframe.find((r) => r.level === 'specific' && r.objective === 'guidance')!.indicators,
    ).toBe(indicator)
    expect(json.logframe).toHaveLength(6)

    // rows move and go away for everyone
    await bruno.page
      .locator('[data-testid=logframe-row][data-level=activity]')
      .nth(1)
      .getByRole('button', { name: 'Sposta su' })
      .click()
    await expect
      .poll(() => alice.activities())
      .toEqual(['Formare gli operatori degli sportelli', 'Mappa condivisa dei servizi'])
    await alice.page
      .locator('[data-testid=logframe-row][data-level=activity]')
      .nth(1)
      .getByRole('button', { name: 'Elimina riga' })
      .click()
    await expect.poll(() => bruno.activities()).toEqual(['Formare gli operatori degli sportelli'])
  })

  it('the projector sees the scores and the choice, read-only; the facilitator edits the criteria', async () => {
    const board = await createBoard(suite.server.url, 'Patto Lodigiano')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildObjectiveTree(stock.doc)

    const alice = strategyPage((await newParticipant(suite.browser, 'Alice', 'en')).page)
    const projector = strategyPage((await newParticipant(suite.browser, 'Proiettore')).page)
    await alice.open(board.links.facilitator)
    // the projector follows the facilitator to the strategy view by itself
    await projector.page.goto(board.links.viewer)
    await projector.page.locator('[data-testid=strategy-view]').waitFor()
    const select = alice.page.getByLabel('Objective at the top of the branch')
    const value = await select
      .locator('option', { hasText: TRAINING })
      .evaluate((o) => (o as HTMLOptionElement).value)
    await select.selectOption(value)
    await alice.page.getByRole('button', { name: 'Add as candidate strategy' }).click()
    await projector.page.locator(`[data-testid=candidate][data-label="${TRAINING}"]`).waitFor()
    // the candidate is named after its top objective; the group can rename it
    const renamed = 'Formazione co-progettata con le imprese'
    const name = alice.page.getByLabel('Name of the strategy')
    await name.fill(renamed)
    await name.press('Enter')
    await projector.page.locator(`[data-testid=candidate][data-label="${renamed}"]`).waitFor()

    // built-in criteria read in each person's language; a renamed one as written
    expect(await alice.criterionNames()).toContain('Already covered by other actors')
    expect(await projector.criterionNames()).toContain('Già coperto da altri attori')
    const social = alice.page.getByLabel('Name of the criterion').first()
    await social.fill('Impatto sui NEET')
    await social.press('Enter')
    await alice.page.getByRole('button', { name: 'Move down: Impatto sui NEET' }).click()
    await alice.page.getByLabel('New criterion…').fill('Sostenibilità nel tempo')
    await alice.page.getByRole('button', { name: '+ Add criterion' }).click()
    await alice.page.getByRole('button', { name: 'Remove the criterion “Environmental”' }).click()
    await expect
      .poll(() => projector.criterionNames())
      .toEqual([
        'Economico-finanziario',
        'Impatto sui NEET',
        'Tecnico',
        'Istituzionale',
        'Già coperto da altri attori',
        'Sostenibilità nel tempo',
      ])

    const candidate = projector.page.locator('td[data-candidate]').first()
    const candidateId = await candidate.getAttribute('data-candidate')
    await alice.cell(candidateId!, 'technical').getByRole('radio', { name: 'Score 4' }).click()
    // the projector says who reveals the results, not what to do about them
    expect(await projector.page.getByTestId('results-toggle').innerText()).toBe(
      'Medie e classifica appariranno qui quando chi conduce le mostrerà alla sala.',
    )
    await alice.page.getByRole('button', { name: 'Show results' }).click()
    await alice.page.getByRole('button', { name: 'Choose this strategy' }).click()
    await expect
      .poll(() => projector.page.getByTestId('chosen-strategy').innerText())
      .toBe(`✓ Strategia scelta: «${renamed}»`)
    // the facilitator's reveal is the room's: the projector shows the averages by itself
    await expect
      .poll(() => projector.cell(candidateId!, 'technical').getByTestId('cell-stats').innerText())
      .toContain(`${italian(4)} 1 voto`)
    await projector.page.locator('[data-testid=ranking-item]').first().waitFor()
    // one criterion of six scored: the ranking says what its average covers
    expect(
      await projector.page
        .locator(`[data-testid=ranking-item]:has([data-testid=ranking-partial])`)
        .first()
        .getByTestId('ranking-partial')
        .innerText(),
    ).toContain('media di 1 criterio su 6')
    // no controls for the projector: no score buttons, no inputs, no choice, and no button of
    // its own for the results (it shows what the facilitator reveals)
    expect(await projector.page.getByRole('radio').count()).toBe(0)
    expect(
      await projector.page.locator('.strategy-view input, .strategy-view select').count(),
    ).toBe(0)
    expect(await projector.page.locator('.strategy-view button').count()).toBe(0)
    await screenshot(projector.page, 'strategy-projector')
  })
})
