import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { canvasRoots, deleteCard, putCard, putLink } from '../../shared/schema/index.ts'
import {
  CLIENT_DIST,
  closeParticipants,
  launchBrowser,
  newParticipant,
  screenshot,
} from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
const clients: Client[] = []

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

/** A small problem tree written by a stock Yjs client, as another participant would. */
function buildProblemTree(doc: Y.Doc) {
  doc.transact(() => {
    const problem = (id: string, label: string, role: string, x: number, y: number) =>
      putCard(doc, 'problems', id, { kind: 'problem', label, role, x, y })
    problem('core', 'Alta disoccupazione giovanile', 'core', 300, 300)
    problem('guid', 'Scarso orientamento al lavoro', 'cause', 120, 470)
    problem('serv', 'Servizi frammentati', 'cause', 480, 470)
    problem('excl', 'Esclusione sociale dei NEET', 'effect', 300, 130)
    putLink(doc, 'problems', 'l1', { kind: 'cause-effect', source: 'guid', target: 'core' })
    putLink(doc, 'problems', 'l2', { kind: 'cause-effect', source: 'serv', target: 'core' })
    putLink(doc, 'problems', 'l3', { kind: 'cause-effect', source: 'core', target: 'excl' })
  })
}

/** What a participant does in the Obiettivi phase. */
function objectivesPage(page: Page) {
  const card = (text: string) => page.locator('.react-flow__node-objective', { hasText: text })
  return {
    page,
    card,
    cards: () => page.locator('.react-flow__node-objective'),
    status: (text: string) => card(text).locator('.status-chip').textContent(),
    async openPhase() {
      await page.locator('#tab-objectives').click()
      await page.locator('#objectives-tab-tree[aria-selected=true]').waitFor()
      await page.locator('.objective-canvas .react-flow__pane').waitFor()
    },
    async view(name: 'tree' | 'compare') {
      await page.locator(`#objectives-tab-${name}`).click()
      await page.locator(`#objectives-panel-${name}`).waitFor()
    },
    async generate() {
      await page.getByRole('button', { name: 'Genera albero degli obiettivi' }).click()
      await page.locator('[data-testid=merge-report]').waitFor()
      return page.locator('[data-testid=merge-report]').innerText()
    },
    async reword(from: string, to: string) {
      await card(from).dblclick()
      const editor = page.locator('.objective-canvas textarea.card-editor')
      await editor.waitFor()
      await editor.fill(to)
      await editor.press('Enter')
      await card(to).waitFor()
    },
  }
}

/** A tree crammed into one corner, as after a few rewordings and regenerations. */
const CROWDED = {
  problems: [
    ['core', 'Alta disoccupazione giovanile', 'core'],
    ['guid', 'Scarso orientamento al lavoro', 'cause'],
    ['serv', 'Servizi frammentati', 'cause'],
    ['skills', 'Competenze non adeguate', 'cause'],
    ['excl', 'Esclusione sociale dei NEET', 'effect'],
    ['pov', 'Povertà delle famiglie', 'effect'],
  ] as [string, string, string][],
  /** problem id → the objective's text ('' = still the problem's text, to reword) */
  objectives: {
    core: 'Più giovani trovano un lavoro stabile',
    guid: 'Orientamento al lavoro efficace e diffuso nelle scuole',
    serv: '',
    skills: 'Competenze allineate alla domanda delle imprese',
    excl: 'Maggiore inclusione sociale dei NEET',
    pov: '',
  } as Record<string, string>,
  /** means → end */
  links: [
    ['guid', 'core'],
    ['serv', 'core'],
    ['skills', 'guid'],
    ['core', 'excl'],
    ['core', 'pov'],
  ] as [string, string][],
}

function buildCrowdedTree(doc: Y.Doc) {
  doc.transact(() => {
    CROWDED.problems.forEach(([id, label, role], i) => {
      putCard(doc, 'problems', id, { kind: 'problem', label, role, x: i * 240, y: 0 })
      const reworded = CROWDED.objectives[id]
      putCard(doc, 'objectives', `obj:${id}`, {
        kind: 'objective',
        label: reworded || label,
        x: 100 + i * 40,
        y: 100 + i * 30,
        derivedFrom: id,
        status: reworded ? 'reworded' : 'to-reword',
      })
    })
    for (const [means, end] of CROWDED.links)
      putLink(doc, 'objectives', `me:${means}-${end}`, {
        kind: 'means-end',
        source: `obj:${means}`,
        target: `obj:${end}`,
        derivedFrom: null,
        checked: true,
      })
  })
}

interface Box {
  id: string
  x: number
  y: number
  w: number
  h: number
}
/** The objective cards as drawn on screen. */
const cardBoxes = (page: Page): Promise<Box[]> =>
  page.locator('.react-flow__node-objective').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      return { id: el.getAttribute('data-id')!, x: r.x, y: r.y, w: r.width, h: r.height }
    }),
  )
const overlapping = (boxes: Box[]) =>
  boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
      .map((b) => `${a.id}/${b.id}`),
  )
/** Every means sits wholly below its end. */
const meansBelowEnds = (boxes: Box[]) => {
  const by = new Map(boxes.map((b) => [b.id, b]))
  return CROWDED.links.every(([means, end]) => {
    const m = by.get(`obj:${means}`)
    const e = by.get(`obj:${end}`)
    return m !== undefined && e !== undefined && m.y >= e.y + e.h
  })
}
/** Every card lies inside the visible canvas. */
const allInView = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.objective-canvas .react-flow')!.getBoundingClientRect()
    return [...document.querySelectorAll('.react-flow__node-objective')].every((el) => {
      const r = el.getBoundingClientRect()
      return (
        r.left >= pane.left - 1 &&
        r.right <= pane.right + 1 &&
        r.top >= pane.top - 1 &&
        r.bottom <= pane.bottom + 1
      )
    })
  })
const docPositions = (doc: Y.Doc) => {
  const out: Record<string, string> = {}
  canvasRoots(doc, 'objectives').nodes.forEach((n, id) => (out[id] = `${n.get('x')},${n.get('y')}`))
  return out
}

type Exported = {
  canvases: {
    objectives: {
      nodes: { id: string; label: string; derivedFrom: string | null; status: string }[]
      edges: { id: string; source: string; target: string; checked?: boolean }[]
    }
  }
}

describe('the objective tree in the browser', () => {
  it('two participants generate, reword and regenerate the objective tree together', async () => {
    const board = await createBoard(server.url, 'Patto Val Seriana')
    const stock = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildProblemTree(stock.doc)

    const alice = objectivesPage((await newParticipant(browser, 'Alice')).page)
    const bruno = objectivesPage((await newParticipant(browser, 'Bruno')).page)
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
        const json = (await exportJson(server.url, board.id, board.keys.viewer)) as Exported
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
    const json = (await exportJson(server.url, board.id, board.keys.viewer)) as Exported
    const links = Object.fromEntries(json.canvases.objectives.edges.map((e) => [e.id, e]))
    expect(links['me:l1']).toMatchObject({ source: 'obj:guid', target: 'obj:core', checked: true })
    expect(links['me:l4']).toMatchObject({ source: 'obj:firms', target: 'obj:core' })
    expect(links['me:l2']).toMatchObject({ problemRemoved: true })
  })

  it('the group adds, links, discards and restores objectives on the canvas', async () => {
    const board = await createBoard(server.url)
    const stock = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildProblemTree(stock.doc)
    const p = objectivesPage((await newParticipant(browser, 'Franca')).page)
    await boardPage(p.page).open(board.links.participant)
    await boardPage(p.page).card('Servizi frammentati').waitFor()
    await p.openPhase()
    await p.generate()
    await expect.poll(() => p.cards().count()).toBe(4)

    // an intermediate objective added by the group
    await p.page.getByRole('button', { name: 'Aggiungi obiettivo' }).click()
    const editor = p.page.locator('.objective-canvas textarea.card-editor')
    await editor.waitFor()
    await editor.fill('Rete territoriale per il lavoro attiva')
    await editor.press('Enter')
    const added = p.card('Rete territoriale per il lavoro attiva')
    await added.waitFor()
    expect(await p.status('Rete territoriale per il lavoro attiva')).toBe('Aggiunto')

    // linked as a means of the core objective by dragging from its handle
    const from = (await added.locator('.react-flow__handle.source').boundingBox())!
    const to = (await p
      .card('Alta disoccupazione giovanile')
      .locator('.react-flow__handle.target')
      .boundingBox())!
    await p.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await p.page.mouse.down()
    for (let i = 1; i <= 10; i++)
      await p.page.mouse.move(
        from.x + ((to.x - from.x) * i) / 10 + to.width / 2,
        from.y + ((to.y - from.y) * i) / 10 + to.height / 2,
      )
    await p.page.mouse.up()
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)

    // Delete on an objective that came from a problem discards it (the trace stays)
    await p.card('Esclusione sociale dei NEET').click()
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.status('Esclusione sociale dei NEET')).toBe('Scartato')
    expect(await p.cards().count()).toBe(5)
    await p.page.getByRole('button', { name: 'Ripristina' }).click()
    await expect.poll(() => p.status('Esclusione sociale dei NEET')).toBe('Da riformulare')

    // the group's own objective is deleted for good, with its link
    await added.click()
    await p.page.keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(3)

    await boardPage(p.page).waitSaved()
    const json = (await exportJson(server.url, board.id, board.keys.viewer)) as Exported
    expect(json.canvases.objectives.nodes.map((n) => n.status).sort()).toEqual([
      'to-reword',
      'to-reword',
      'to-reword',
      'to-reword',
    ])
  })

  it('the projector sees the objective tree and the comparison read-only', async () => {
    const board = await createBoard(server.url)
    const stock = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildProblemTree(stock.doc)
    const editor = objectivesPage((await newParticipant(browser, 'Elena')).page)
    const projector = objectivesPage((await newParticipant(browser, 'Proiettore')).page)
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
    const board = await createBoard(server.url)
    const stock = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildCrowdedTree(stock.doc)
    const alice = objectivesPage((await newParticipant(browser, 'Alice')).page)
    const bruno = objectivesPage((await newParticipant(browser, 'Bruno')).page)
    const projector = objectivesPage((await newParticipant(browser, 'Proiettore')).page)
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

    // a problem added where an objective now sits: its new objective lands in a free spot
    const core = canvasRoots(stock.doc, 'objectives').nodes.get('obj:core')!
    stock.doc.transact(() => {
      putCard(stock.doc, 'problems', 'tutor', {
        kind: 'problem',
        label: 'Mancano tutor per i giovani',
        role: 'cause',
        x: core.get('x') as number,
        y: core.get('y') as number,
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
})
