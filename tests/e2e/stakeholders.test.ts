import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canvasRoots, readFields } from '../../shared/schema/index.ts'
import { REGISTER_COLUMNS, parseRegisterCsv } from '../../shared/stakeholders/csv.ts'
import { columnNames } from '../../shared/stakeholders/names.ts'
import { readActors } from '../../shared/stakeholders/doc.ts'
import { screenshot } from '../helpers/browser.ts'
import {
  actorByName,
  countWrites,
  disjoint,
  FOUR_ACTORS,
  putRelation,
  seedLongObjectives,
  seedObjectives,
  stakeholdersWorkshop,
  tempCsv,
} from '../helpers/stakeholdersPage.ts'
import { waitFor } from '../helpers/wait.ts'

const workshop = stakeholdersWorkshop()
const { stock, stockWithActors, twoParticipants } = workshop

describe('the Stakeholder phase in the browser', () => {
  it('two participants add actors of each category and see a drag across quadrants live', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Bergamo Est')
    const observer = await stock(board)

    await alice.addActor('public', 'Comune di Bergamo')
    await alice.addActor('third-sector', 'Cooperativa Il Ponte')
    await bruno.addActor('economic', 'Confindustria Bergamo')
    await bruno.addActor('community', 'Associazione genitori')
    for (const p of [alice, bruno]) {
      await expect.poll(() => p.page.locator('.actor-card').count()).toBe(4)
      for (const [name, category] of FOUR_ACTORS) {
        await expect.poll(() => p.card(name).getAttribute('data-category')).toBe(category)
        // colour and icon: the badge carries the category's icon
        await expect.poll(() => p.card(name).locator('.category-badge svg path').count()).toBe(1)
      }
    }
    await waitFor(() => readActors(observer.doc).length === 4, 'stock client sees 4 actors')
    const comune = actorByName(observer.doc, 'Comune di Bergamo')!
    expect(comune).toMatchObject({ category: 'public', stance: 'neutral' })
    // new actors wait in the tray beside the grid, none hiding another, in no quadrant: nothing
    // is assumed about their power and interest until the room places them
    for (const a of readActors(observer.doc)) expect(a.placed).toBe(false)
    await bruno.page.getByTestId('grid-tray').getByText('Da collocare (4)').waitFor()
    await screenshot(bruno.page, 'stakeholders-grid-new-actors')
    const boxes = await bruno.cardBoxes()
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(disjoint(a, b)).toBe(true)
    expect(await bruno.quadrant('Comune di Bergamo')).toBeNull()

    const powerWrites = countWrites(observer.doc, comune.id, 'power')

    // Alice drags the Comune into "monitor" (low power, low interest): Bruno sees it move live
    await alice.dragIntoQuadrant('Comune di Bergamo', 'monitor')
    await expect.poll(() => bruno.quadrant('Comune di Bergamo')).toBe('monitor')
    await bruno.card('Comune di Bergamo').getByText('Alice').waitFor()
    // nothing is written while dragging: power and interest change once, on drop
    expect(actorByName(observer.doc, 'Comune di Bergamo')!.power).toBe(comune.power)
    await alice.page.mouse.up()
    await waitFor(
      () => actorByName(observer.doc, 'Comune di Bergamo')!.power < 0.5,
      'power written on drop',
    )
    expect(actorByName(observer.doc, 'Comune di Bergamo')!.placed).toBe(true)
    await bruno.page.getByTestId('grid-tray').getByText('Da collocare (3)').waitFor()
    // a drag moves the card; it does not open it (the editor still shows the last new actor)
    await expect.poll(() => alice.editorLabels()).toEqual(['Cooperativa Il Ponte'])
    const dropped = actorByName(observer.doc, 'Comune di Bergamo')!
    expect(dropped.interest).toBeLessThan(0.5)
    expect(powerWrites()).toBe(1)
    await expect.poll(() => bruno.quadrant('Comune di Bergamo')).toBe('monitor')
    await expect.poll(() => alice.quadrant('Comune di Bergamo')).toBe('monitor')
    await expect.poll(() => bruno.page.getByText('Alice lo sta spostando').count()).toBe(0)

    // the editor panel edits the other fields; the grid shows where the pact needs the actor
    await alice.card('Confindustria Bergamo').click()
    const editor = alice.page.locator('[data-testid=actor-editor]')
    await editor.locator('[data-field=desiredStance] button[aria-checked=false]').first().click()
    await editor.locator('textarea[data-field=engagement]').fill('Tavolo con l’ufficio formazione')
    await editor.locator('textarea[data-field=engagement]').blur()
    await bruno.card('Confindustria Bergamo').locator('[data-testid=alignment]').waitFor()
    await bruno.card('Confindustria Bergamo').getByText('Tavolo con l’ufficio formazione').waitFor()
    await screenshot(alice.page, 'stakeholders-grid')
    await screenshot(bruno.page, 'stakeholders-grid-participant')

    // a long name wraps rather than being cut
    const long = 'Fondazione della Comunità Bergamasca'
    await alice.addActor('third-sector', long)
    await bruno.card(long).locator('.actor-name').waitFor()
    const wrapped = await bruno.nameWrapping(long)
    expect(wrapped.cut).toBe(false)
    expect(wrapped.lines).toBeGreaterThanOrEqual(2)
    await screenshot(bruno.page, 'stakeholders-grid-long-name')
  })

  it('links two actors with a conflict, on the relationship map', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Valle Seriana')
    const observer = await stockWithActors(board)
    await alice.view('map')
    await bruno.view('map')
    await alice.node('Associazione genitori').waitFor()

    await alice.linkActors('Comune di Bergamo', 'Associazione genitori', 'conflict')

    await bruno.page.locator('.relation-label[data-kind=conflict]').waitFor()
    await expect
      .poll(() => bruno.page.locator('.react-flow__edge').count(), { timeout: 5000 })
      .toBe(1)
    await waitFor(() => canvasRoots(observer.doc, 'stakeholders').edges.size === 1, 'relation')
    const [relation] = [...canvasRoots(observer.doc, 'stakeholders').edges.values()].map(readFields)
    expect(relation).toEqual({ source: 'actor-0', target: 'actor-3', kind: 'conflict' })
    // the relation is selected for its note and kind
    await alice.page.locator('[data-testid=relation-editor]').waitFor()

    // a stock client's funding shows too, drawn differently
    const funding = { source: 'actor-1', target: 'actor-0', kind: 'funding', note: 'Fondo sociale' }
    putRelation(observer.doc, 'rel-2', funding)
    await alice.page.locator('.relation-label[data-kind=funding]').waitFor()
    await alice.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await screenshot(alice.page, 'stakeholders-map')

    // a second relation between the same two actors, of another kind: both stay visible, and
    // creating it does not move the view
    const viewport = alice.page.locator('.react-flow__viewport')
    const before = await viewport.getAttribute('style')
    const cardBefore = await alice.node('Comune di Bergamo').boundingBox()
    await alice.linkActors('Comune di Bergamo', 'Associazione genitori', 'cooperation')
    await alice.page.locator('[data-testid=relation-editor]').waitFor()
    await waitFor(() => canvasRoots(observer.doc, 'stakeholders').edges.size === 3, 'second')
    const labels = alice.page.locator('.relation-label')
    await expect.poll(() => labels.count()).toBe(3)
    expect(await viewport.getAttribute('style')).toBe(before)
    expect(await alice.node('Comune di Bergamo').boundingBox()).toEqual(cardBefore)
    const seen = await alice.relationLabels()
    for (const l of seen) expect(l).toMatchObject({ onTop: true, whole: true })
    const [conflict, cooperation] = ['conflict', 'cooperation'].map(
      (k) => seen.find((l) => l.kind === k)!.box,
    )
    expect(disjoint(conflict!, cooperation!)).toBe(true)
    await screenshot(alice.page, 'stakeholders-map-parallel')
    // the relation's card belongs to the map: not shown over the coverage matrix, back on return
    await alice.view('coverage')
    await alice.page.locator('[data-testid=relation-editor]').waitFor({ state: 'detached' })
    await alice.view('map')
    await alice.page.locator('[data-testid=relation-editor]').waitFor()
  })

  it('shows who is writing only while they write: not after leaving the field or a pause', async () => {
    const board = await workshop.createBoard('Patto Alto Sebino')
    const observer = await stockWithActors(board)
    const alice = await workshop.participant('Alice')
    // Alice's clock can jump ahead, to see the pause without waiting for it
    await alice.page.clock.install()
    const bruno = await workshop.participant('Bruno')
    await alice.open(board.links.facilitator)
    await bruno.open(board.links.participant)
    const writing = () => bruno.card('Confindustria Bergamo').getByText('Alice sta scrivendo')

    await alice.card('Confindustria Bergamo').click()
    const org = alice.page.locator('[data-testid=actor-editor] input[data-field=organisation]')
    await org.click()
    await org.pressSequentially('Uff')
    await writing().waitFor()
    await screenshot(bruno.page, 'stakeholders-writing')

    // a pause of more than 20 s with the field still focused: no longer "writing"
    await alice.page.clock.fastForward(21_000)
    await expect.poll(() => writing().count()).toBe(0)
    expect(await org.evaluate((el) => el === document.activeElement)).toBe(true)
    // typing again shows it again; leaving the field clears it
    await org.pressSequentially('icio')
    await writing().waitFor()
    await org.press('Tab')
    await expect.poll(() => writing().count()).toBe(0)
    await waitFor(
      () => actorByName(observer.doc, 'Confindustria Bergamo')?.organisation === 'Ufficio',
      'the text is written when the field is left',
    )
  })

  it('edits a cell of the register and the card changes for the other participant', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Isola Bergamasca')
    const observer = await stockWithActors(board)
    await alice.node('Confindustria Bergamo').waitFor()
    await bruno.view('register')
    const row = bruno.registerRow('Confindustria Bergamo')
    await row.waitFor()
    await expect.poll(() => bruno.registerRows().count()).toBe(4)

    const org = row.locator('input[data-field=organisation]')
    await org.fill('Ufficio formazione')
    // while Bruno writes in this cell, Alice's register marks that very cell with his colour
    await alice.view('register')
    await alice
      .registerRow('Confindustria Bergamo')
      .locator('.cell-field.being-written input[data-field=organisation]')
      .waitFor()
    expect(await alice.page.locator('.cell-field.being-written').count()).toBe(1)
    await alice.view('grid')
    await org.press('Enter')
    await alice.card('Confindustria Bergamo').getByText('Ufficio formazione').waitFor()

    await row.locator('select[data-field=stance]').selectOption('resists')
    await expect
      .poll(() => alice.card('Confindustria Bergamo').getAttribute('data-stance'))
      .toBe('resists')

    // a change on the canvas side shows in the register at once
    observer.doc.transact(() =>
      canvasRoots(observer.doc, 'stakeholders').nodes.get('actor-1')!.set('pactRole', 'Capofila'),
    )
    await expect
      .poll(() => bruno.registerCell('Cooperativa Il Ponte', 'pactRole').inputValue())
      .toBe('Capofila')

    // filter by category and stance, sort by power
    await bruno.page.locator('[data-filter-category=economic]').click()
    await expect.poll(() => bruno.registerRows().count()).toBe(1)
    await bruno.page.locator('[data-filter-category=economic]').click()
    await bruno.page.locator('[data-filter-stance=neutral]').click()
    await expect.poll(() => bruno.registerRows().count()).toBe(3)
    await bruno.page.locator('[data-filter-stance=neutral]').click()
    await bruno.page.locator('.sort-button[data-sort=power]').click()
    await bruno.page.locator('.sort-button[data-sort=power]').click()
    await expect
      .poll(() => bruno.registerOrder())
      .toEqual([
        'Comune di Bergamo',
        'Confindustria Bergamo',
        'Cooperativa Il Ponte',
        'Associazione genitori',
      ])
    await screenshot(bruno.page, 'stakeholders-register')

    // scrolled sideways, the name column stays in place in the header as in the body, and
    // every header stays above its column
    await bruno.page.locator('.register-scroll').evaluate((el) => (el.scrollLeft = 700))
    const columns = () => bruno.registerColumns()
    await expect.poll(async () => (await columns()).nameAt).toBeLessThan(2)
    expect(await columns()).toMatchObject({ misaligned: 0, count: [18, 18] })
    await screenshot(bruno.page, 'stakeholders-register-scrolled')
  })

  it('exports the register as CSV and imports CSV files, refusing bad ones', async () => {
    const board = await workshop.createBoard('Patto Città di Brescia')
    const observer = await stockWithActors(board)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    await alice.view('register')
    const rows = alice.registerRows()
    await expect.poll(() => rows.count()).toBe(4)

    const download = await alice.exportCsv()
    expect(download.suggestedFilename()).toBe('registro-attori-patto-citta-di-brescia.csv')
    const exported = parseRegisterCsv(new Uint8Array(readFileSync((await download.path())!)))
    if (!exported.ok) throw new Error(exported.fatal.message)
    expect(exported.issues).toEqual([])
    expect(exported.rows.map((r) => [r.fields.label, r.fields.category, r.fields.power])).toEqual([
      ['Comune di Bergamo', 'public', 0.9],
      ['Cooperativa Il Ponte', 'third-sector', 0.35],
      ['Confindustria Bergamo', 'economic', 0.8],
      ['Associazione genitori', 'community', 0.2],
    ])

    const status = alice.page.locator('.csv-done')

    // the export opens in Italian Excel as columns, with the words and numbers of the UI
    const text = readFileSync((await download.path())!, 'utf8')
    // the header in the interface's language (Italian), read back by the import
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF' + REGISTER_COLUMNS.map((c) => columnNames('it')[c]).join(';'),
    )
    expect(text).toContain(';Comune di Bergamo;;Sistema Pubblico;;90;80;Neutrale;Neutrale;')

    // re-importing the same file changes nothing: no copies, no question
    await alice.importCsv((await download.path())!)
    await expect.poll(() => status.getAttribute('data-added')).toBe('0')
    expect(await status.getAttribute('data-updated')).toBe('0')
    expect(await status.textContent()).toContain('Nessuna modifica')
    expect(await rows.count()).toBe(4)
    expect(readActors(observer.doc)).toHaveLength(4)

    // an edited export: the dialog says what it adds and updates, and asks before updating
    const edited = tempCsv(
      'edited.csv',
      text.replace(';90;80;', ';95;80;') +
        ';Fondazione Comunità Bresciana;;Terzo Settore;;50;60;;;;;;;;;;\r\n',
    )
    await alice.importCsv(edited)
    const plan = alice.page.locator('[data-testid=csv-plan]')
    await plan.waitFor()
    expect(await plan.getAttribute('data-added')).toBe('1')
    expect(await plan.getAttribute('data-updated')).toBe('1')
    expect(await alice.page.locator('.csv-question').textContent()).toContain('aggiornarlo')
    expect(await alice.page.locator('[data-testid=csv-updates]').textContent()).toBe(
      'Comune di Bergamo — Potere',
    )
    await screenshot(alice.page, 'stakeholders-csv-update')
    expect(await rows.count()).toBe(4)
    await alice.page.locator('[data-testid=csv-import-good]').click()
    await expect.poll(() => rows.count()).toBe(5)
    await waitFor(
      () => actorByName(observer.doc, 'Comune di Bergamo')?.power === 0.95,
      'the matched actor is updated, not copied',
    )
    expect(readActors(observer.doc)).toHaveLength(5)

    // an Excel file (semicolons, BOM, Italian names and decimal commas) imports at once
    await alice.importCsv('stakeholders-excel.csv')
    await expect.poll(() => rows.count()).toBe(8)
    await alice.page.getByText('Importazione completata: 3 aggiunti, 0 aggiornati.').waitFor()
    await waitFor(() => readActors(observer.doc).length === 8, 'stock client sees the import')
    expect(actorByName(observer.doc, "Caritas; centro d'ascolto")).toMatchObject({
      category: 'third-sector',
      power: 0.3,
      interest: 0.8,
    })

    // a file in Windows-1252 is refused with a clear message, nothing imported
    await alice.importCsv('stakeholders-windows1252.csv')
    const dialog = alice.page.locator('.csv-review')
    await dialog.locator('[data-code=not-utf8]').waitFor()
    expect(await dialog.textContent()).toContain('CSV UTF-8')
    await dialog.getByRole('button', { name: 'Chiudi' }).click()
    expect(await rows.count()).toBe(8)

    // bad rows: listed by row and column; nothing imported until the user agrees
    await alice.importCsv('stakeholders-bad-rows.csv')
    await dialog.waitFor()
    await expect
      .poll(() => alice.importIssues())
      .toEqual(['3:name', '4:category', '4:power', '5:power', '5:stance'])
    expect(await rows.count()).toBe(8)
    await screenshot(alice.page, 'stakeholders-csv-review')
    await dialog.locator('[data-testid=csv-import-good]').click()
    await expect.poll(() => rows.count()).toBe(10)
    await alice.page.locator('tr[data-label="Impresa sociale Alfa"]').waitFor()
    expect(readActors(observer.doc).map((a) => a.label)).not.toContain('Banca locale')
    // imported actors land on the map in their category's column, with room for relations
    await alice.view('map')
    await expect.poll(() => alice.page.locator('.react-flow__node').count()).toBe(10)
    await screenshot(alice.page, 'stakeholders-map-imported')
  })

  it('links actors to objectives and shows the coverage matrix', async () => {
    const board = await workshop.createBoard('Patto Lecco')
    const observer = await stockWithActors(board)
    seedObjectives(observer.doc)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    await alice.card('Comune di Bergamo').click()
    const editor = alice.page.locator('[data-testid=actor-editor]')
    await editor.getByText('Obiettivo scartato').waitFor({ state: 'detached' })
    await editor.getByLabel('Più tirocini per i NEET').check()
    await waitFor(
      () => actorByName(observer.doc, 'Comune di Bergamo')!.objectives.includes('obj-1'),
      'objective linked',
    )

    await alice.view('coverage')
    const table = alice.page.locator('.coverage-table')
    await table.waitFor()
    expect(await table.locator('thead th[data-objective]').count()).toBe(3)
    await expect
      .poll(() => alice.coverageHead('obj-2').getAttribute('class'))
      .toContain('uncovered')
    expect(await alice.coverageHead('obj-1').getAttribute('class')).not.toContain('uncovered')
    await expect.poll(() => table.locator('tbody tr.idle').count()).toBe(3)
    await screenshot(alice.page, 'stakeholders-coverage')
    // a click in the matrix links too
    await table
      .getByLabel('Cooperativa Il Ponte contribuisce a «Rete dei servizi integrata»')
      .check()
    await expect.poll(() => table.locator('tbody tr.idle').count()).toBe(2)
    await expect.poll(() => table.locator('th.uncovered').count()).toBe(1)
    await expect
      .poll(() => alice.page.locator('[data-testid=coverage-summary]').textContent())
      .toBe('1 obiettivo senza attori · 2 attori senza obiettivi')

    // many objectives with long labels at 1920 wide: the matrix scrolls in its own box, with
    // the objectives' row and the actors' column in place
    seedLongObjectives(observer.doc)
    await alice.page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(() => table.locator('thead th[data-objective]').count()).toBe(15)
    const layout = () => alice.coverageLayout()
    await screenshot(alice.page, 'stakeholders-coverage-wide')
    expect(await layout()).toMatchObject({ pageOverflows: false, inBox: true })
    await alice.scrollCoverage(800, 200)
    const scrolled = await layout()
    expect(Math.abs(scrolled.headAt)).toBeLessThan(2)
    expect(Math.abs(scrolled.cornerAt)).toBeLessThan(2)
    expect(Math.abs(scrolled.actorAt)).toBeLessThan(2)
    await screenshot(alice.page, 'stakeholders-coverage-scrolled')
  })

  it('shows the projector everything, read-only', async () => {
    const board = await workshop.createBoard('Patto Proiettore')
    const observer = await stockWithActors(board)
    const viewer = await workshop.participant('Proiettore')
    await viewer.page.goto(board.links.viewer)
    await viewer.page.locator('#tab-stakeholders').click()
    await viewer.node('Comune di Bergamo').waitFor()
    expect(await viewer.page.locator('.add-actor').count()).toBe(0)
    await viewer.page.locator('[data-testid=legend]').waitFor()
    await screenshot(viewer.page, 'stakeholders-projector')
    await viewer.card('Comune di Bergamo').click()
    await viewer.editorLabel().waitFor()
    expect(await viewer.editorLabel().isDisabled()).toBe(true)
    await viewer.view('register')
    expect(await viewer.page.locator('.register-table input').count()).toBe(0)
    expect(await viewer.page.locator('[data-testid=csv-import]').count()).toBe(0)
  })
})
