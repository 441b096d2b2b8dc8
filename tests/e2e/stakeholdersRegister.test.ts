import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canvasRoots, patchRecord, putCard } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { REGISTER_COLUMNS, parseRegisterCsv } from '../../shared/stakeholders/csv.ts'
import { columnNames } from '../../shared/stakeholders/names.ts'
import { readActors } from '../../shared/stakeholders/doc.ts'
import { screenshot } from '../helpers/browser.ts'
import { actorByName, stakeholdersWorkshop, tempCsv } from '../helpers/stakeholdersPage.ts'
import { waitFor } from '../helpers/wait.ts'

const workshop = stakeholdersWorkshop()
const { stockWithActors, twoParticipants } = workshop

/** Wider than the register's name column at 1280×800. */
const LONG_NAME = 'Azienda Socio Sanitaria Territoriale Bergamo Est'

describe('the stakeholder register in the browser', () => {
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
    // nobody said where the room wants it: the desired stance follows (it stayed «Neutrale», and
    // everything read «Resiste → Neutrale»)
    const desired = row.locator('select[data-field=desiredStance]')
    await expect.poll(() => desired.inputValue()).toBe('resists')
    // once the room says so, it is the room's choice: a change of the current one leaves it
    await desired.selectOption('supports')
    await row.locator('select[data-field=stance]').selectOption('neutral')
    await waitFor(
      () => actorByName(observer.doc, 'Confindustria Bergamo')?.stance === 'neutral',
      'the stance written',
    )
    expect(actorByName(observer.doc, 'Confindustria Bergamo')?.desiredStance).toBe('supports')
    await expect.poll(() => desired.inputValue()).toBe('supports')
    await row.locator('select[data-field=stance]').selectOption('resists')
    await waitFor(
      () => actorByName(observer.doc, 'Confindustria Bergamo')?.stance === 'resists',
      'the stance written again',
    )

    // a number written with Enter, one given up with Escape: the keyboard stays in the cell
    const power = row.locator('td.cell-num input').first()
    const inPower = () => power.evaluate((el) => el === document.activeElement)
    await power.fill('70')
    await power.press('Enter')
    await waitFor(
      () => actorByName(observer.doc, 'Confindustria Bergamo')?.power === 0.7,
      'the power written',
    )
    expect(await inPower()).toBe(true)
    await power.fill('12')
    await power.press('Escape')
    await expect.poll(() => power.inputValue()).toBe('70')
    expect(await inPower()).toBe(true)

    // a change on the canvas side shows in the register at once
    observer.doc.transact(() =>
      canvasRoots(observer.doc, 'stakeholders').nodes.get('actor-1')!.set('pactRole', 'Capofila'),
    )
    await expect
      .poll(() => bruno.registerCell('Cooperativa Il Ponte', 'pactRole').inputValue())
      .toBe('Capofila')
    // a cell narrower than its text has the whole of it in its tooltip (from the record, which
    // the page may project a moment after the field shows the text)
    const tooltip = bruno
      .registerCell('Cooperativa Il Ponte', 'pactRole')
      .locator('xpath=ancestor::span[contains(@class, "cell-field")]')
    await expect.poll(() => tooltip.getAttribute('title')).toBe('Capofila')

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

  it('flags two actors of the same name, in the register and on the sheet, until one is renamed', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Valle Seriana')
    await workshop.stockWithActors(board)
    await bruno.view('register')
    await expect.poll(() => bruno.registerRows().count()).toBe(4)
    expect(await bruno.page.getByTestId('namesake-tag').count()).toBe(0)
    // Alice adds the municipality again, written her way
    await alice.addActor('public', 'comune di  bergamo')
    const note = alice.page.getByTestId('namesake-note')
    await note.waitFor()
    expect(await note.innerText()).toBe(
      '⚠ Un altro attore si chiama così. Se è lo stesso ente, tenetene una scheda sola: ' +
        'obiettivi, potere e posizione sono divisi fra le due.',
    )
    const tags = bruno.page.getByTestId('namesake-tag')
    await expect.poll(() => tags.count()).toBe(2)
    expect(await tags.first().getAttribute('title')).toBe('Un altro attore si chiama così')
    await screenshot(bruno.page, 'stakeholders-register-namesakes')
    // renamed: neither is flagged any more
    const label = alice.editorLabel()
    await label.fill('Comune di Bergamo, politiche sociali')
    await label.press('Enter')
    await note.waitFor({ state: 'detached' })
    await expect.poll(() => tags.count()).toBe(0)
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

  it('ends a name too long for its cell at 1280×800 in «…», the whole of it in the tooltip', async () => {
    const board = await workshop.createBoard('Patto Val Seriana')
    const stock = await workshop.stock(board)
    stock.doc.transact(() =>
      putCard(stock.doc, 'stakeholders', 'asst', {
        ...newActorFields('public', {
          label: LONG_NAME,
          organisation: 'Direzione sociosanitaria, ufficio integrazione',
        }),
        x: 0,
        y: 0,
      }),
    )
    const bruno = await workshop.participant('Bruno')
    await bruno.open(board.links.participant)
    await bruno.view('register')
    for (const field of ['label', 'organisation']) {
      const cell = bruno.registerCell(LONG_NAME, field)
      await cell.waitFor()
      // shown whole, or cut with «…» at its end (not mid-word with nothing to say so)
      const shown = await cell.evaluate((el) => ({
        cut: el.scrollWidth > el.clientWidth,
        overflow: getComputedStyle(el).textOverflow,
      }))
      expect(shown.cut ? shown.overflow : 'whole', field).toMatch(/^(whole|ellipsis)$/)
      if (field === 'label') expect(shown.cut).toBe(true) // at 1280×800 it does not fit
    }
    await screenshot(bruno.page, 'stakeholders-register-long-name')
    // the whole name in the cell's tooltip, and the field still called by it
    const name = bruno.page.getByRole('textbox', { name: `Nome · ${LONG_NAME}`, exact: true })
    expect(await name.inputValue()).toBe(LONG_NAME)
    expect(await name.evaluate((el) => el.closest('[title]')?.getAttribute('title'))).toBe(
      LONG_NAME,
    )
  })
  it('shows a usual actor name whole on a 1366 laptop, its column as wide as the name needs', async () => {
    const board = await workshop.createBoard('Patto Distretto di Lecco')
    const stock = await workshop.stock(board)
    const names = [
      'Centro per l’Impiego di Lecco',
      'Fondazione comunitaria del Lecchese',
      'Caritas',
    ]
    stock.doc.transact(() =>
      names.forEach((label, i) =>
        putCard(stock.doc, 'stakeholders', `a${i}`, {
          ...newActorFields('public', { label }),
          x: 0,
          y: i * 100,
        }),
      ),
    )
    const nora = await workshop.participant('Nora')
    await nora.page.setViewportSize({ width: 1366, height: 768 })
    await nora.open(board.links.participant)
    await nora.view('register')
    for (const name of names) {
      const cell = nora.registerCell(name, 'label')
      await cell.waitFor()
      expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth), name).toBe(true)
    }
    await screenshot(nora.page, 'stakeholders-register-1366')
  })
  it('the projector leaves out the columns nobody has written in, and shows one once someone does', async () => {
    const { board, alice } = await twoParticipants('Patto Valle Brembana')
    const observer = await stockWithActors(board)
    // the four actors have names, categories and places, no «Ente» and no notes yet
    const projector = await workshop.participant('Proiettore')
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.page.goto(board.links.viewer)
    await alice.view('register')
    const heads = (p: typeof alice) =>
      p.page
        .locator('.register-table thead th')
        .evaluateAll((ths) => ths.map((th) => th.textContent?.replace(/[▲▼↕]/g, '').trim() ?? ''))
    await expect.poll(() => projector.registerRows().count()).toBe(4)
    await expect.poll(() => heads(projector)).not.toContain('Ente')
    const shown = await heads(projector)
    expect(shown).toEqual(expect.arrayContaining(['Nome', 'Categoria', 'Potere', 'Posizione']))
    for (const empty of ['Ruolo nel patto', 'Interessi', 'Contatto'])
      expect(shown).not.toContain(empty)
    // every row has as many cells as the header
    const cells = await projector.registerRows().first().locator('td').count()
    expect(cells).toBe(shown.length)
    // nothing to search, filter or open on the wall; the facilitator has all three
    const tools = (p: typeof alice) =>
      p.page.locator('.register-search, .register-bar .chip, [data-opens-actor]').count()
    expect(await tools(projector)).toBe(0)
    expect(await tools(alice)).toBeGreaterThan(4)
    // the facilitator's register keeps them all: an empty cell is where one writes
    expect(await heads(alice)).toEqual(
      expect.arrayContaining(['Ente', 'Ruolo nel patto', 'Contatto']),
    )
    await screenshot(projector.page, 'stakeholders-register-projector-empty-columns')
    // someone writes an organisation: its column comes on the projector
    patchRecord(observer.doc, 'stakeholders.nodes', 'actor-2', {
      organisation: 'Ufficio formazione',
    })
    await expect.poll(() => heads(projector)).toContain('Ente')
    await projector.registerRow('Confindustria Bergamo').getByText('Ufficio formazione').waitFor()
    expect(await heads(projector)).not.toContain('Contatto')
  })
})
