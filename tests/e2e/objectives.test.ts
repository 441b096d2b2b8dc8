import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteCard, putCard, putLink } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { buildProblemTree, objectivesPage, type Exported } from '../helpers/objectivesPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson } from '../helpers/server.ts'

const suite = browserSuite()

const clients: Client[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
})

/** A participant, Franca, on a board whose objective tree she has just generated (4 cards). */
async function generatedTree() {
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
  return { board, p }
}

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

  it('the group adds, links, discards and restores objectives on the canvas', async () => {
    const { board, p } = await generatedTree()

    // the arrows walk the tree, as on the problem tree: ↓ from nothing to the core objective,
    // ↓ to one of its means, ↑ back to it; Enter edits it
    const selected = () => p.page.locator('.react-flow__node-objective.selected').textContent()
    await p.page.locator('.objective-canvas .react-flow__pane').click({ position: { x: 5, y: 5 } })
    await p.page.keyboard.press('ArrowDown')
    await expect.poll(selected).toContain('Alta disoccupazione giovanile')
    await p.page.keyboard.press('ArrowDown')
    await expect.poll(selected).toMatch(/Scarso orientamento|Servizi frammentati/)
    await p.page.keyboard.press('ArrowUp')
    await expect.poll(selected).toContain('Alta disoccupazione giovanile')
    await p.page.keyboard.press('ArrowUp')
    await expect.poll(selected).toContain('Esclusione sociale dei NEET')
    await p.page.keyboard.press('Escape')
    await expect.poll(() => p.page.locator('.react-flow__node-objective.selected').count()).toBe(0)

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

    // the group's own objective is deleted for good, with its link… (pressed near its top
    // corner: a link's «Verificato» may lie over its middle)
    const corner = { x: 12, y: 12 }
    await added.click({ position: corner })
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(3)
    // …and one undo brings both back (the card alone came back, then its link, before)
    await p.page.keyboard.press('Control+z')
    await expect.poll(() => p.cards().count()).toBe(5)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)
    // one it made and one from a problem, deleted together: one undo brings back both
    await p.card('Esclusione sociale dei NEET').click()
    await added.click({ modifiers: ['Shift'], position: corner })
    // their statuses differ: the status select names none of them, and its placeholder cannot
    // be picked (before, it offered «Stato dell’obiettivo» as if it were a status)
    const shown = () =>
      p.page
        .getByRole('combobox', { name: 'Stato dell’obiettivo' })
        .evaluate((s: HTMLSelectElement) =>
          [...s.options]
            .filter((o) => o.selected || o.disabled)
            .map((o) => `${o.textContent}|${o.selected}|${o.disabled}`),
        )
    await expect.poll(shown).toEqual(['— stati diversi —|true|true'])
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    expect(await p.status('Esclusione sociale dei NEET')).toBe('Scartato')
    await p.page.keyboard.press('Control+z')
    await expect.poll(() => p.cards().count()).toBe(5)
    expect(await p.status('Esclusione sociale dei NEET')).toBe('Da riformulare')
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)
    await p.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await added.click({ position: corner })
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(3)

    await boardPage(p.page).waitSaved()
    // polled: the connection being up does not mean the server has the last deletion yet
    const statuses = async () =>
      (
        (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
      ).canvases.objectives.nodes
        .map((n) => n.status)
        .sort()
    await expect.poll(statuses).toEqual(['to-reword', 'to-reword', 'to-reword', 'to-reword'])
  })

  it('links an objective to another from the keyboard, as a means or as its end', async () => {
    const { board, p } = await generatedTree()
    await p.addObjective('Rete territoriale per il lavoro attiva')
    const edges = () => p.page.locator('.objective-canvas .react-flow__edge').count()
    await expect.poll(edges).toBe(3)

    const menu = p.page.getByRole('button', { name: 'Collega a…' })
    /** Opens «Collega a…» for `card`, picks `as`, finds `words` and takes the first found. */
    const link = async (card: string, as: 'means' | 'end', words: string) => {
      await p.card(card).click()
      await menu.focus()
      await p.page.keyboard.press('Enter')
      // the focus is on «un mezzo per» once the menu is open; → picks «il fine di»
      await expect
        .poll(() => p.page.evaluate(() => (document.activeElement as HTMLInputElement)?.type))
        .toBe('radio')
      if (as === 'end') await p.page.keyboard.press('ArrowRight')
      await p.page.keyboard.press('Tab')
      await p.page.keyboard.type(words)
      await p.page.keyboard.press('ArrowDown')
      await p.page.keyboard.press('Enter')
    }
    await link('Rete territoriale per il lavoro attiva', 'means', 'esclusione')
    await expect.poll(edges).toBe(4)
    // the focus is back on the button
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true)
    await link('Alta disoccupazione giovanile', 'end', 'rete')
    await expect.poll(edges).toBe(5)

    // the links a drag between the dots makes: means → end
    // polled: the connection being up does not mean the server has the last link yet
    await boardPage(p.page).waitSaved()
    const reteLinks = async () => {
      const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
      const label = new Map(json.canvases.objectives.nodes.map((n) => [n.id, n.label]))
      return json.canvases.objectives.edges
        .filter((e) => label.get(e.source) === 'Rete territoriale per il lavoro attiva')
        .map((e) => label.get(e.target))
        .sort()
    }
    await expect
      .poll(reteLinks)
      .toEqual(['Alta disoccupazione giovanile', 'Esclusione sociale dei NEET'])
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
    // an objective not yet in the tree has no role: no empty tab on its edge
    await editor.addObjective('Sportello lavoro mobile in valle')
    await projector.card('Sportello lavoro mobile in valle').waitFor()
    expect(
      await projector
        .card('Sportello lavoro mobile in valle')
        .locator('.objective-role')
        .evaluate((el) => getComputedStyle(el).visibility),
    ).toBe('hidden')
    await projector.view('compare')
    await projector.page.locator('[data-testid=compare-row]').first().waitFor()
    expect(await projector.page.locator('.compare textarea, .compare select').count()).toBe(0)
    expect(await projector.page.locator('[data-testid=compare-row]').count()).toBe(5)
  })
})
