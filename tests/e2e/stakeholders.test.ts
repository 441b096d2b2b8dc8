import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type * as Y from 'yjs'
import { canvasRoots, putCard, putRecord, readFields } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { REGISTER_COLUMNS, parseRegisterCsv } from '../../shared/stakeholders/csv.ts'
import { readActors } from '../../shared/stakeholders/doc.ts'
import type { ActorCategory } from '../../shared/schema/index.ts'
import {
  CLIENT_DIST,
  closeParticipants,
  launchBrowser,
  newParticipant,
  screenshot,
} from '../helpers/browser.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
const clients: Client[] = []
const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name)

beforeAll(async () => {
  server = await startServer({ staticDir: CLIENT_DIST })
  browser = await launchBrowser()
})
afterEach(closeParticipants)
afterAll(async () => {
  for (const c of clients) c.destroy()
  await browser?.close()
  await server?.close()
})

async function stock(board: { id: string; keys: { participant: string } }): Promise<Client> {
  const client = await connectSynced(server.url, board.id, board.keys.participant)
  clients.push(client)
  return client
}

const actorByName = (doc: Y.Doc, name: string) => readActors(doc).find((a) => a.label === name)

/** What a participant does in the Stakeholder phase, in the words of the test. */
function stakeholderPage(page: Page) {
  const node = (name: string) =>
    page.locator('.react-flow__node').filter({ has: page.getByText(name, { exact: true }) })
  const self = {
    page,
    node,
    card: (name: string) => node(name).locator('.actor-card'),
    async open(link: string) {
      await page.goto(link)
      await page.locator('[data-testid=connection][data-state=ok]').waitFor({ timeout: 15_000 })
      await page.locator('#tab-stakeholders').click()
      await page.locator('.sh-phase').waitFor()
    },
    async view(view: 'grid' | 'map' | 'register' | 'coverage') {
      await page.locator(`.view-switch button[data-view=${view}]`).click()
      await page.locator(`.sh-phase[data-view=${view}]`).waitFor()
    },
    async addActor(category: ActorCategory, name: string) {
      await page.locator(`.add-actor[data-category=${category}]`).click()
      const field = page.locator('[data-testid=actor-editor] input[data-field=label]')
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
      await field.fill(name)
      await field.press('Enter')
      await node(name).waitFor()
    },
    async dragTo(locator: ReturnType<Page['locator']>, to: { x: number; y: number }) {
      const box = (await locator.boundingBox())!
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      for (let i = 1; i <= 12; i++)
        await page.mouse.move(
          from.x + ((to.x - from.x) * i) / 12,
          from.y + ((to.y - from.y) * i) / 12,
        )
    },
    async centerOf(locator: ReturnType<Page['locator']>) {
      const box = (await locator.boundingBox())!
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    },
  }
  return self
}

async function twoParticipants(title: string) {
  const board = await createBoard(server.url, title)
  const alice = stakeholderPage((await newParticipant(browser, 'Alice')).page)
  const bruno = stakeholderPage((await newParticipant(browser, 'Bruno')).page)
  await alice.open(board.links.facilitator)
  await bruno.open(board.links.participant)
  return { board, alice, bruno }
}

/** Four actors written by a stock client, one per category (the map places them in columns). */
function seedActors(doc: Y.Doc) {
  const seed: [string, ActorCategory, number, number][] = [
    ['Comune di Bergamo', 'public', 0.9, 0.8],
    ['Cooperativa Il Ponte', 'third-sector', 0.35, 0.85],
    ['Confindustria Bergamo', 'economic', 0.8, 0.25],
    ['Associazione genitori', 'community', 0.2, 0.3],
  ]
  doc.transact(() =>
    seed.forEach(([label, category, power, interest], i) =>
      putCard(doc, 'stakeholders', `actor-${i}`, {
        ...newActorFields(category, { label, power, interest }),
        x: i * 280,
        y: (i % 2) * 180,
      }),
    ),
  )
}

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
      for (const [name, category] of [
        ['Comune di Bergamo', 'public'],
        ['Cooperativa Il Ponte', 'third-sector'],
        ['Confindustria Bergamo', 'economic'],
        ['Associazione genitori', 'community'],
      ] as const) {
        await expect.poll(() => p.card(name).getAttribute('data-category')).toBe(category)
        // colour and icon: the badge carries the category's icon
        await expect.poll(() => p.card(name).locator('.category-badge svg path').count()).toBe(1)
      }
    }
    await waitFor(() => readActors(observer.doc).length === 4, 'stock client sees 4 actors')
    const comune = actorByName(observer.doc, 'Comune di Bergamo')!
    expect(comune).toMatchObject({ category: 'public', stance: 'neutral' })
    // new actors start at 50/50, and the grid lays them side by side, none hiding another
    for (const a of readActors(observer.doc)) expect(a).toMatchObject({ power: 0.5, interest: 0.5 })
    await screenshot(bruno.page, 'stakeholders-grid-new-actors')
    const boxes = await bruno.page
      .locator('.actor-card')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect))
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
        ).toBe(true)
    const startQuadrant = await bruno.card('Comune di Bergamo').getAttribute('data-quadrant')
    expect(startQuadrant).not.toBe('monitor')

    let powerWrites = 0
    canvasRoots(observer.doc, 'stakeholders').nodes.observeDeep((events) => {
      for (const e of events)
        if (e.path[0] === comune.id && (e as Y.YMapEvent<unknown>).keysChanged.has('power'))
          powerWrites++
    })

    // Alice drags the Comune into "monitor" (low power, low interest): Bruno sees it move live
    const monitor = await alice.centerOf(
      alice.page.locator('.grid-quadrant[data-quadrant=monitor]'),
    )
    await alice.dragTo(alice.card('Comune di Bergamo'), monitor)
    await expect
      .poll(() => bruno.card('Comune di Bergamo').getAttribute('data-quadrant'))
      .toBe('monitor')
    await bruno.card('Comune di Bergamo').getByText('Alice').waitFor()
    // nothing is written while dragging: power and interest change once, on drop
    expect(actorByName(observer.doc, 'Comune di Bergamo')!.power).toBe(comune.power)
    await alice.page.mouse.up()
    await waitFor(
      () => actorByName(observer.doc, 'Comune di Bergamo')!.power < 0.5,
      'power written on drop',
    )
    // a drag moves the card; it does not open it (the editor still shows the last new actor)
    await expect
      .poll(() =>
        alice.page
          .locator('[data-testid=actor-editor] input[data-field=label]')
          .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
      )
      .toEqual(['Cooperativa Il Ponte'])
    const dropped = actorByName(observer.doc, 'Comune di Bergamo')!
    expect(dropped.interest).toBeLessThan(0.5)
    expect(powerWrites).toBe(1)
    await expect
      .poll(() => bruno.card('Comune di Bergamo').getAttribute('data-quadrant'))
      .toBe('monitor')
    await expect
      .poll(() => alice.card('Comune di Bergamo').getAttribute('data-quadrant'))
      .toBe('monitor')
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
    const name = bruno.card(long).locator('.actor-name')
    await name.waitFor()
    const wrapped = await name.evaluate((el) => ({
      cut: el.scrollHeight > el.clientHeight + 1,
      lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
    }))
    expect(wrapped.cut).toBe(false)
    expect(wrapped.lines).toBeGreaterThanOrEqual(2)
    await screenshot(bruno.page, 'stakeholders-grid-long-name')
  })

  it('links two actors with a conflict, on the relationship map', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Valle Seriana')
    const observer = await stock(board)
    seedActors(observer.doc)
    await alice.view('map')
    await bruno.view('map')
    await alice.node('Associazione genitori').waitFor()

    const handle = alice.node('Comune di Bergamo').locator('.actor-link-handle')
    await alice.dragTo(handle, await alice.centerOf(alice.node('Associazione genitori')))
    await alice.page.mouse.up()
    const chooser = alice.page.locator('.relation-chooser')
    await chooser.waitFor()
    await chooser.locator('button[data-kind=conflict]').click()

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
    observer.doc.transact(() =>
      putRecord(observer.doc, 'stakeholders.edges', 'rel-2', {
        source: 'actor-1',
        target: 'actor-0',
        kind: 'funding',
        note: 'Fondo sociale',
      }),
    )
    await alice.page.locator('.relation-label[data-kind=funding]').waitFor()
    await alice.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await screenshot(alice.page, 'stakeholders-map')

    // a second relation between the same two actors, of another kind: both stay visible, and
    // creating it does not move the view
    const viewport = alice.page.locator('.react-flow__viewport')
    const before = await viewport.getAttribute('style')
    const cardBefore = await alice.node('Comune di Bergamo').boundingBox()
    await alice.dragTo(handle, await alice.centerOf(alice.node('Associazione genitori')))
    await alice.page.mouse.up()
    await chooser.locator('button[data-kind=cooperation]').click()
    await alice.page.locator('[data-testid=relation-editor]').waitFor()
    await waitFor(() => canvasRoots(observer.doc, 'stakeholders').edges.size === 3, 'second')
    const labels = alice.page.locator('.relation-label')
    await expect.poll(() => labels.count()).toBe(3)
    expect(await viewport.getAttribute('style')).toBe(before)
    expect(await alice.node('Comune di Bergamo').boundingBox()).toEqual(cardBefore)
    const seen = await labels.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect()
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        return {
          kind: el.getAttribute('data-kind'),
          box: r.toJSON() as DOMRect,
          // nothing covers the label, and its text is whole
          onTop: !!top && el.contains(top),
          whole: el.scrollWidth <= el.clientWidth + 1,
        }
      }),
    )
    for (const l of seen) expect(l).toMatchObject({ onTop: true, whole: true })
    const [conflict, cooperation] = ['conflict', 'cooperation'].map(
      (k) => seen.find((l) => l.kind === k)!.box,
    )
    expect(
      conflict!.bottom <= cooperation!.top ||
        cooperation!.bottom <= conflict!.top ||
        conflict!.right <= cooperation!.left ||
        cooperation!.right <= conflict!.left,
    ).toBe(true)
    await screenshot(alice.page, 'stakeholders-map-parallel')
  })

  it('shows who is writing only while they write: not after leaving the field or a pause', async () => {
    const board = await createBoard(server.url, 'Patto Alto Sebino')
    const observer = await stock(board)
    seedActors(observer.doc)
    const alicePage = (await newParticipant(browser, 'Alice')).page
    // Alice's clock can jump ahead, to see the pause without waiting for it
    await alicePage.clock.install()
    const alice = stakeholderPage(alicePage)
    const bruno = stakeholderPage((await newParticipant(browser, 'Bruno')).page)
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
    const observer = await stock(board)
    seedActors(observer.doc)
    await alice.node('Confindustria Bergamo').waitFor()
    await bruno.view('register')
    const row = bruno.page.locator('tr[data-label="Confindustria Bergamo"]')
    await row.waitFor()
    await expect.poll(() => bruno.page.locator('.register-table tbody tr').count()).toBe(4)

    const org = row.locator('input[data-field=organisation]')
    await org.fill('Ufficio formazione')
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
      .poll(() =>
        bruno.page
          .locator('tr[data-label="Cooperativa Il Ponte"] input[data-field=pactRole]')
          .inputValue(),
      )
      .toBe('Capofila')

    // filter by category and stance, sort by power
    await bruno.page.locator('[data-filter-category=economic]').click()
    await expect.poll(() => bruno.page.locator('.register-table tbody tr').count()).toBe(1)
    await bruno.page.locator('[data-filter-category=economic]').click()
    await bruno.page.locator('[data-filter-stance=neutral]').click()
    await expect.poll(() => bruno.page.locator('.register-table tbody tr').count()).toBe(3)
    await bruno.page.locator('[data-filter-stance=neutral]').click()
    await bruno.page.locator('.sort-button[data-sort=power]').click()
    await bruno.page.locator('.sort-button[data-sort=power]').click()
    await expect
      .poll(() =>
        bruno.page
          .locator('.register-table tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-label'))),
      )
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
    const columns = () =>
      bruno.page.locator('.register-table').evaluate((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((th) =>
          th.getBoundingClientRect(),
        )
        const cells = [...table.querySelector('tbody tr')!.children].map((td) =>
          td.getBoundingClientRect(),
        )
        const scroller = table.closest('.register-scroll')!.getBoundingClientRect()
        return {
          misaligned: heads.filter(
            (h, i) =>
              Math.abs(h.left - cells[i]!.left) > 1 || Math.abs(h.width - cells[i]!.width) > 1,
          ).length,
          count: [heads.length, cells.length],
          nameAt: heads[0]!.left - scroller.left,
        }
      })
    await expect.poll(async () => (await columns()).nameAt).toBeLessThan(2)
    expect(await columns()).toMatchObject({ misaligned: 0, count: [18, 18] })
    await screenshot(bruno.page, 'stakeholders-register-scrolled')
  })

  it('exports the register as CSV and imports CSV files, refusing bad ones', async () => {
    const board = await createBoard(server.url, 'Patto Città di Brescia')
    const observer = await stock(board)
    seedActors(observer.doc)
    const alice = stakeholderPage((await newParticipant(browser, 'Alice')).page)
    await alice.open(board.links.facilitator)
    await alice.view('register')
    const rows = alice.page.locator('.register-table tbody tr')
    await expect.poll(() => rows.count()).toBe(4)

    const [download] = await Promise.all([
      alice.page.waitForEvent('download'),
      alice.page.locator('[data-testid=csv-export]').click(),
    ])
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

    const importFile = async (name: string) => {
      const [chooser] = await Promise.all([
        alice.page.waitForEvent('filechooser'),
        alice.page.locator('[data-testid=csv-import]').click(),
      ])
      await chooser.setFiles(name.includes('/') ? name : fixture(name))
    }
    const status = alice.page.locator('.csv-done')

    // the export opens in Italian Excel as columns, with the words and numbers of the UI
    const text = readFileSync((await download.path())!, 'utf8')
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + REGISTER_COLUMNS.join(';'))
    expect(text).toContain(';Comune di Bergamo;;Sistema Pubblico;;90;80;Neutrale;Neutrale;')

    // re-importing the same file changes nothing: no copies, no question
    await importFile((await download.path())!)
    await expect.poll(() => status.getAttribute('data-added')).toBe('0')
    expect(await status.getAttribute('data-updated')).toBe('0')
    expect(await status.textContent()).toContain('Nessuna modifica')
    expect(await rows.count()).toBe(4)
    expect(readActors(observer.doc)).toHaveLength(4)

    // an edited export: the dialog says what it adds and updates, and asks before updating
    const edited = join(mkdtempSync(join(tmpdir(), 'trama-')), 'edited.csv')
    writeFileSync(
      edited,
      text.replace(';90;80;', ';95;80;') +
        ';Fondazione Comunità Bresciana;;Terzo Settore;;50;60;;;;;;;;;;\r\n',
    )
    await importFile(edited)
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
    await importFile('stakeholders-excel.csv')
    await expect.poll(() => rows.count()).toBe(8)
    await alice.page.getByText('Importazione completata: 3 aggiunti, 0 aggiornati.').waitFor()
    await waitFor(() => readActors(observer.doc).length === 8, 'stock client sees the import')
    expect(actorByName(observer.doc, "Caritas; centro d'ascolto")).toMatchObject({
      category: 'third-sector',
      power: 0.3,
      interest: 0.8,
    })

    // a file in Windows-1252 is refused with a clear message, nothing imported
    await importFile('stakeholders-windows1252.csv')
    const dialog = alice.page.locator('.csv-review')
    await dialog.locator('[data-code=not-utf8]').waitFor()
    expect(await dialog.textContent()).toContain('CSV UTF-8')
    await dialog.getByRole('button', { name: 'Chiudi' }).click()
    expect(await rows.count()).toBe(8)

    // bad rows: listed by row and column; nothing imported until the user agrees
    await importFile('stakeholders-bad-rows.csv')
    await dialog.waitFor()
    await expect
      .poll(() =>
        dialog
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => `${tr.getAttribute('data-row')}:${tr.getAttribute('data-column')}`),
          ),
      )
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
    const board = await createBoard(server.url, 'Patto Lecco')
    const observer = await stock(board)
    seedActors(observer.doc)
    const objective = (id: string, label: string, status: string, y: number) =>
      putCard(observer.doc, 'objectives', id, {
        kind: 'objective',
        label,
        status,
        derivedFrom: null,
        x: 0,
        y,
      })
    observer.doc.transact(() => {
      objective('obj-1', 'Più tirocini per i NEET', 'reworded', 0)
      objective('obj-2', 'Rete dei servizi integrata', 'added', 100)
      objective('obj-3', 'Obiettivo scartato', 'discarded', 200)
      objective('obj-4', 'Orientamento nelle scuole superiori', 'to-reword', 300)
    })
    const alice = stakeholderPage((await newParticipant(browser, 'Alice')).page)
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
      .poll(() => table.locator('th[data-objective=obj-2]').getAttribute('class'))
      .toContain('uncovered')
    expect(await table.locator('th[data-objective=obj-1]').getAttribute('class')).not.toContain(
      'uncovered',
    )
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
    observer.doc.transact(() => {
      for (let i = 5; i <= 16; i++)
        objective(
          `obj-${i}`,
          `Obiettivo ${i}: rafforzare la rete territoriale dei servizi per l’inclusione lavorativa`,
          'added',
          i * 100,
        )
    })
    await alice.page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(() => table.locator('thead th[data-objective]').count()).toBe(15)
    const layout = () =>
      alice.page.evaluate(() => {
        const scroller = document.querySelector('.coverage-scroll')!
        const box = scroller.getBoundingClientRect()
        const corner = document.querySelector('.coverage-corner')!.getBoundingClientRect()
        const firstActor = document
          .querySelector('.coverage-table tbody th')!
          .getBoundingClientRect()
        const head = document.querySelector('.coverage-table thead th[data-objective]')!
        return {
          pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
          scrolls: scroller.scrollWidth > scroller.clientWidth,
          inBox: box.right <= window.innerWidth,
          headAt: head.getBoundingClientRect().top - box.top,
          cornerAt: corner.left - box.left,
          actorAt: firstActor.left - box.left,
        }
      })
    await screenshot(alice.page, 'stakeholders-coverage-wide')
    expect(await layout()).toMatchObject({ pageOverflows: false, inBox: true })
    await alice.page.locator('.coverage-scroll').evaluate((el) => {
      el.scrollLeft = 800
      el.scrollTop = 200
    })
    const scrolled = await layout()
    expect(Math.abs(scrolled.headAt)).toBeLessThan(2)
    expect(Math.abs(scrolled.cornerAt)).toBeLessThan(2)
    expect(Math.abs(scrolled.actorAt)).toBeLessThan(2)
    await screenshot(alice.page, 'stakeholders-coverage-scrolled')
  })

  it('shows the projector everything, read-only', async () => {
    const board = await createBoard(server.url, 'Patto Proiettore')
    const observer = await stock(board)
    seedActors(observer.doc)
    const viewer = stakeholderPage((await newParticipant(browser, 'Proiettore')).page)
    await viewer.page.goto(board.links.viewer)
    await viewer.page.locator('#tab-stakeholders').click()
    await viewer.node('Comune di Bergamo').waitFor()
    expect(await viewer.page.locator('.add-actor').count()).toBe(0)
    await viewer.page.locator('[data-testid=legend]').waitFor()
    await screenshot(viewer.page, 'stakeholders-projector')
    await viewer.card('Comune di Bergamo').click()
    await viewer.page.locator('[data-testid=actor-editor] input[data-field=label]').waitFor()
    expect(
      await viewer.page.locator('[data-testid=actor-editor] input[data-field=label]').isDisabled(),
    ).toBe(true)
    await viewer.view('register')
    expect(await viewer.page.locator('.register-table input').count()).toBe(0)
    expect(await viewer.page.locator('[data-testid=csv-import]').count()).toBe(0)
  })
})
