import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import {
  canvasRoots,
  deleteCard,
  patchRecord,
  putCard,
  putLink,
} from '../../shared/schema/index.ts'
import { OBJECTIVE_ROW_SPREAD } from '../../shared/method/objectivePlacement.ts'
import { WORKSHOP_LABELS, buildWorkshopTree, writeProblemTree } from '../helpers/workshopTree.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import {
  allInView,
  buildCrowdedTree,
  buildProblemTree,
  cardBoxes,
  docPositions,
  meansBelowEnds,
  objectivesPage,
  overlapping,
  type Exported,
} from '../helpers/objectivesPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson } from '../helpers/server.ts'

const suite = browserSuite()

const clients: Client[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
})

describe('the objective tree in the browser', () => {
  it('two participants generate, reword and regenerate the objective tree together', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildProblemTree(stock.doc)

    const alice = objectivesPage((await newParticipant(suite.browser, 'Alice')).page)
    const bruno = objectivesPage((await newParticipant(suite.browser, 'Bruno')).page)
    await boardPage(alice.page).open(board.links.facilitator)
    await boardPage(bruno.page).open(board.links.participant)
    await boardPage(alice.page).card('Servizi frammentati').waitFor()
    await alice.openPhase()
    await bruno.openPhase()
    await alice.page.getByText('Premi «Genera albero degli obiettivi»').waitFor()

    // first generation: every problem becomes an objective to reword
    const first = await alice.generate()
    expect(first).toContain('Albero degli obiettivi generato')
    expect(first).toContain('4 nuovi obiettivi da riformulare')
    expect(first).toContain('3 nuovi legami mezzo → fine')
    await expect.poll(() => bruno.cards().count()).toBe(4)
    expect(await bruno.status('Scarso orientamento al lavoro')).toBe('Da riformulare')
    expect(
      await bruno.card('Alta disoccupazione giovanile').locator('.objective-role').textContent(),
    ).toBe('Obiettivo centrale')
    expect(
      await bruno.card('Scarso orientamento al lavoro').locator('.objective-role').textContent(),
    ).toBe('Mezzo')
    expect(await bruno.page.locator('.react-flow__edge').count()).toBe(3)

    // Alice rewords a means in the tree: it becomes "Riformulato", Bruno sees it live
    await alice.reword('Scarso orientamento al lavoro', 'Orientamento al lavoro efficace e diffuso')
    expect(await alice.status('Orientamento al lavoro efficace e diffuso')).toBe('Riformulato')
    await bruno.card('Orientamento al lavoro efficace e diffuso').waitFor()
    await expect
      .poll(() => bruno.status('Orientamento al lavoro efficace e diffuso'))
      .toBe('Riformulato')
    // the card keeps the trace of the problem it came from
    expect(
      await bruno
        .card('Orientamento al lavoro efficace e diffuso')
        .locator('.objective-origin')
        .innerText(),
    ).toContain('Scarso orientamento al lavoro')

    // Bruno checks the means → end link of the reworded objective
    const toggle = bruno.page.getByRole('checkbox', {
      name: 'Legame mezzo → fine verificato: «Orientamento al lavoro efficace e diffuso» → «Alta disoccupazione giovanile»',
    })
    await toggle.check()
    await expect
      .poll(() => alice.page.locator('[data-testid="means-end-me:l1"] input').isChecked())
      .toBe(true)

    // meanwhile the problem tree changes: a new cause, a removed one
    stock.doc.transact(() => {
      putCard(stock.doc, 'problems', 'firms', {
        kind: 'problem',
        label: 'Poche imprese coinvolte',
        role: 'cause',
        x: 800,
        y: 470,
      })
      putLink(stock.doc, 'problems', 'l4', {
        kind: 'cause-effect',
        source: 'firms',
        target: 'core',
      })
      deleteCard(stock.doc, 'problems', 'serv')
    })

    // Bruno regenerates: the rewording is kept, the new objective appears, the removed one is flagged
    await boardPage(bruno.page).waitSaved()
    const second = await bruno.generate()
    await screenshot(bruno.page, 'objectives-regenerated')
    expect(second).toContain('Albero degli obiettivi aggiornato dai problemi')
    expect(second).toContain('1 nuovo obiettivo da riformulare')
    expect(second).toContain('1 obiettivo segnalato: il suo problema è stato eliminato')
    expect(second).toContain('Conservato il lavoro del gruppo su 1 obiettivo')
    await alice.card('Poche imprese coinvolte').waitFor()
    await expect.poll(() => alice.cards().count()).toBe(5)
    await alice.card('Servizi frammentati').locator('.objective-warning').waitFor()
    expect(
      await alice.card('Servizi frammentati').locator('.objective-warning').innerText(),
    ).toContain('Problema eliminato')
    expect(await alice.status('Orientamento al lavoro efficace e diffuso')).toBe('Riformulato')
    expect(await alice.page.locator('[data-testid="means-end-me:l1"] input').isChecked()).toBe(true)
    await alice.page.getByRole('button', { name: 'Chiudi il messaggio' }).click()
    await alice.page.locator('.react-flow__controls-fitview').click()
    await screenshot(alice.page, 'objectives-tree')

    // side by side: Alice rewords the new objective in the comparison table
    await alice.view('compare')
    const row = alice.page.locator('[data-testid=compare-row][data-problem=firms]')
    await row.waitFor()
    const field = row.getByRole('textbox')
    await field.fill('Imprese del territorio coinvolte nei percorsi')
    await field.press('Enter')
    await expect.poll(() => row.getByRole('combobox').inputValue()).toBe('reworded')
    await bruno.card('Imprese del territorio coinvolte nei percorsi').waitFor()
    await expect
      .poll(() => bruno.status('Imprese del territorio coinvolte nei percorsi'))
      .toBe('Riformulato')
    const orphan = alice.page.locator('.group-orphan [data-testid=compare-row]')
    expect(await orphan.innerText()).toContain('Problema eliminato')
    expect(await orphan.getByRole('textbox').inputValue()).toBe('Servizi frammentati')
    await screenshot(alice.page, 'objectives-compare')

    // the export carries every objective with its trace and status
    await boardPage(alice.page).waitSaved()
    await expect
      .poll(async () => {
        const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
        return json.canvases.objectives.nodes
          .map((n) => `${n.id}|${n.derivedFrom}|${n.status}|${n.label}`)
          .sort()
      })
      .toEqual([
        'obj:core|core|to-reword|Alta disoccupazione giovanile',
        'obj:excl|excl|to-reword|Esclusione sociale dei NEET',
        'obj:firms|firms|reworded|Imprese del territorio coinvolte nei percorsi',
        'obj:guid|guid|reworded|Orientamento al lavoro efficace e diffuso',
        'obj:serv|serv|to-reword|Servizi frammentati',
      ])
    const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
    const links = Object.fromEntries(json.canvases.objectives.edges.map((e) => [e.id, e]))
    expect(links['me:l1']).toMatchObject({ source: 'obj:guid', target: 'obj:core', checked: true })
    expect(links['me:l4']).toMatchObject({ source: 'obj:firms', target: 'obj:core' })
    expect(links['me:l2']).toMatchObject({ problemRemoved: true })
  })

  it('a generated tree is framed whole on every screen: below the report for who generated it, as it arrives for the others', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Trebbia')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    // five layers, as a workshop's tree often is: an effect, the core, a cause two deep
    writeProblemTree(
      stock.doc,
      [
        ['eff', 'Spopolamento dei paesi di montagna', 'effect', 300, 100],
        ['core', 'Alta disoccupazione delle persone fragili', 'core', 300, 280],
        ['c1', 'Trasporti pubblici scarsi', 'cause', 120, 460],
        ['c2', 'Poca formazione professionale accessibile', 'cause', 480, 460],
        ['c1a', 'Datori di lavoro poco informati', 'cause', 120, 640],
        ['c1b', 'Servizi per l’impiego lontani', 'cause', 120, 820],
      ],
      [
        ['core', 'eff'],
        ['c1', 'core'],
        ['c2', 'core'],
        ['c1a', 'c1'],
        ['c1b', 'c1a'],
      ],
    )
    const facilitatorPage = (await newParticipant(suite.browser, 'Fede')).page
    const annaPage = (await newParticipant(suite.browser, 'Anna')).page
    await facilitatorPage.setViewportSize({ width: 1440, height: 900 })
    await annaPage.setViewportSize({ width: 1366, height: 768 })
    const fede = objectivesPage(facilitatorPage)
    const anna = objectivesPage(annaPage)
    await boardPage(fede.page).open(board.links.facilitator)
    await boardPage(anna.page).open(board.links.participant)
    await boardPage(fede.page).card('Trasporti pubblici scarsi').waitFor()
    await fede.openPhase()
    await anna.openPhase()
    await fede.generate()
    await expect.poll(() => anna.cards().count()).toBe(6)
    await expect.poll(() => allInView(anna.page)).toBe(true)
    await expect.poll(() => allInView(fede.page)).toBe(true)
    await screenshot(fede.page, 'objectives-generated-facilitator')
    await screenshot(anna.page, 'objectives-generated-participant')
  })

  it('the group adds, links, discards and restores objectives on the canvas', async () => {
    const board = await createBoard(suite.server.url)
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildProblemTree(stock.doc)
    const p = objectivesPage((await newParticipant(suite.browser, 'Franca')).page)
    await boardPage(p.page).open(board.links.participant)
    await boardPage(p.page).card('Servizi frammentati').waitFor()
    await p.openPhase()
    await p.generate()
    await expect.poll(() => p.cards().count()).toBe(4)

    // an intermediate objective added by the group
    await p.addObjective('Rete territoriale per il lavoro attiva')
    const added = p.card('Rete territoriale per il lavoro attiva')
    await added.waitFor()
    expect(await p.status('Rete territoriale per il lavoro attiva')).toBe('Aggiunto')

    // linked as a means of the core objective by dragging from its handle
    await p.linkMeansToEnd(
      'Rete territoriale per il lavoro attiva',
      'Alta disoccupazione giovanile',
    )
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)

    // Delete on an objective that came from a problem discards it (the trace stays)
    await p.card('Esclusione sociale dei NEET').click()
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.status('Esclusione sociale dei NEET')).toBe('Scartato')
    expect(await p.cards().count()).toBe(5)
    await p.page.getByRole('button', { name: 'Ripristina' }).click()
    await expect.poll(() => p.status('Esclusione sociale dei NEET')).toBe('Da riformulare')

    // the group's own objective is deleted for good, with its link…
    await added.click()
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(3)
    // …and one undo brings both back (the card alone came back, then its link, before)
    await p.page.keyboard.press('Control+z')
    await expect.poll(() => p.cards().count()).toBe(5)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)
    // one it made and one from a problem, deleted together: one undo brings back both
    await p.card('Esclusione sociale dei NEET').click()
    await added.click({ modifiers: ['Shift'] })
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    expect(await p.status('Esclusione sociale dei NEET')).toBe('Scartato')
    await p.page.keyboard.press('Control+z')
    await expect.poll(() => p.cards().count()).toBe(5)
    expect(await p.status('Esclusione sociale dei NEET')).toBe('Da riformulare')
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)
    await p.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await added.click()
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(3)

    await boardPage(p.page).waitSaved()
    const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
    expect(json.canvases.objectives.nodes.map((n) => n.status).sort()).toEqual([
      'to-reword',
      'to-reword',
      'to-reword',
      'to-reword',
    ])
  })

  it('the projector sees the objective tree and the comparison read-only', async () => {
    const board = await createBoard(suite.server.url)
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildProblemTree(stock.doc)
    const editor = objectivesPage((await newParticipant(suite.browser, 'Elena')).page)
    const projector = objectivesPage((await newParticipant(suite.browser, 'Proiettore')).page)
    await boardPage(editor.page).open(board.links.participant)
    await boardPage(projector.page).open(board.links.viewer)
    await editor.openPhase()
    await projector.openPhase()
    await projector.page
      .getByText('L’albero degli obiettivi non è ancora stato generato.')
      .waitFor()
    await editor.generate()
    await expect.poll(() => projector.cards().count()).toBe(4)
    expect(
      await projector.page.getByRole('button', { name: 'Genera albero degli obiettivi' }).count(),
    ).toBe(0)
    expect(await projector.page.getByRole('checkbox', { name: /Legame mezzo/ }).count()).toBe(0)
    await projector.card('Servizi frammentati').dblclick()
    expect(await projector.page.locator('textarea.card-editor').count()).toBe(0)
    await projector.view('compare')
    await projector.page.locator('[data-testid=compare-row]').first().waitFor()
    expect(await projector.page.locator('.compare textarea, .compare select').count()).toBe(0)
    expect(await projector.page.locator('[data-testid=compare-row]').count()).toBe(4)
  })

  it('the facilitator lays the tree out in layers for everyone; the projector keeps it in view', async () => {
    const board = await createBoard(suite.server.url)
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildCrowdedTree(stock.doc)
    const alice = objectivesPage((await newParticipant(suite.browser, 'Alice')).page)
    const bruno = objectivesPage((await newParticipant(suite.browser, 'Bruno')).page)
    const projector = objectivesPage((await newParticipant(suite.browser, 'Proiettore')).page)
    await boardPage(alice.page).open(board.links.facilitator)
    await boardPage(bruno.page).open(board.links.participant)
    await boardPage(projector.page).open(board.links.viewer)
    for (const p of [alice, bruno, projector]) {
      await p.openPhase()
      await expect.poll(() => p.cards().count()).toBe(6)
    }
    const layoutButton = (p: typeof alice) => p.page.getByRole('button', { name: 'Disponi albero' })
    // the layout is the facilitator's move
    expect(await layoutButton(bruno).count()).toBe(0)
    expect(await layoutButton(projector).count()).toBe(0)

    // the reworded cards show their problem and grow: the crammed tree overlaps
    await alice.card('Più giovani trovano un lavoro stabile').locator('.objective-origin').waitFor()
    expect(overlapping(await cardBoxes(alice.page)).length).toBeGreaterThan(0)
    await screenshot(alice.page, 'objectives-layout-before')
    const before = docPositions(stock.doc)

    await layoutButton(alice).click()
    // in layers, without overlaps, means below their ends, for Alice and for Bruno
    for (const p of [alice, bruno]) {
      await expect.poll(async () => overlapping(await cardBoxes(p.page))).toEqual([])
      await expect.poll(async () => meansBelowEnds(await cardBoxes(p.page))).toBe(true)
    }
    // Alice, who laid it out, sees all of it once the cards are in their places
    await expect.poll(() => allInView(alice.page)).toBe(true)
    await screenshot(alice.page, 'objectives-layout-after')
    // the projector follows and keeps the whole tree in view
    await expect.poll(async () => meansBelowEnds(await cardBoxes(projector.page))).toBe(true)
    await expect.poll(() => allInView(projector.page)).toBe(true)
    await screenshot(projector.page, 'objectives-layout-projector')

    // a card dragged far away by someone: the projector refits to keep it in view
    stock.doc.transact(() =>
      canvasRoots(stock.doc, 'objectives').nodes.get('obj:pov')!.set('x', 4000),
    )
    await expect.poll(() => allInView(projector.page), { timeout: 5000 }).toBe(true)
    const far = await projector.card('Povertà delle famiglie').boundingBox()
    expect(far).not.toBeNull()

    // one undoable step: Ctrl+Z puts every card back (the stock client's move is not Alice's)
    stock.doc.transact(() => canvasRoots(stock.doc, 'objectives').nodes.get('obj:pov')!.set('x', 0))
    const laidOut = docPositions(stock.doc)
    await alice.page.getByRole('button', { name: 'Annulla' }).click()
    await expect
      .poll(() => {
        const now = docPositions(stock.doc)
        return Object.keys(before).filter((id) => id !== 'obj:pov' && now[id] === before[id])
      })
      .toHaveLength(5)
    await alice.page.getByRole('button', { name: 'Ripeti' }).click()
    await expect.poll(() => docPositions(stock.doc)['obj:core']).toBe(laidOut!['obj:core'])

    // a problem added where its objective would land on one that now sits there: it lands in
    // a free spot
    const core = canvasRoots(stock.doc, 'objectives').nodes.get('obj:core')!
    stock.doc.transact(() => {
      putCard(stock.doc, 'problems', 'tutor', {
        kind: 'problem',
        label: 'Mancano tutor per i giovani',
        role: 'cause',
        x: core.get('x') as number,
        y: (core.get('y') as number) / OBJECTIVE_ROW_SPREAD,
      })
      putLink(stock.doc, 'problems', 'lt', {
        kind: 'cause-effect',
        source: 'tutor',
        target: 'core',
      })
    })
    await alice.generate()
    await alice.card('Mancano tutor per i giovani').waitFor()
    await expect.poll(async () => overlapping(await cardBoxes(alice.page))).toEqual([])
    await screenshot(alice.page, 'objectives-regenerated')
  })

  it('a generated tree keeps its rows apart once every objective is reworded', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    // the workshop's 25 cards, laid out by the facilitator with «Disponi albero»: rows as far
    // apart as problem cards need
    buildWorkshopTree(stock.doc)
    const { page } = await newParticipant(suite.browser, 'Fabio')
    await page.setViewportSize({ width: 1440, height: 900 })
    const fabio = objectivesPage(page)
    await boardPage(page).open(board.links.facilitator)
    await expect.poll(() => page.locator('.react-flow__node-problem').count()).toBe(25)
    const farEffect = () => canvasRoots(stock.doc, 'problems').nodes.get('e5')!.get('y')
    const before = farEffect()
    await page.getByRole('button', { name: 'Disponi albero' }).click()
    await expect.poll(farEffect).not.toBe(before)
    await fabio.openPhase()
    await fabio.generate()
    await expect.poll(() => fabio.cards().count()).toBe(25)
    // the group rewords every objective: each card shows its problem underneath and grows
    stock.doc.transact(() => {
      for (const [id, card] of canvasRoots(stock.doc, 'objectives').nodes) {
        const problem = WORKSHOP_LABELS[String(card.get('derivedFrom'))]!
        patchRecord(stock.doc, 'objectives.nodes', id, {
          status: 'reworded',
          label: `Obiettivo raggiunto: ${problem.toLowerCase()} superato`,
        })
      }
    })
    await expect.poll(() => page.locator('.objective-origin').count()).toBe(25)
    // no card covers another, nor the links and their «Verificato» boxes between the rows
    expect(overlapping(await cardBoxes(page))).toEqual([])
    await screenshot(page, 'objectives-reworded-rows')
  })
})
