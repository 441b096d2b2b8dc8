import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { extractText, getDocumentProxy } from 'unpdf'
import { gridTable, registerTable } from '../../shared/document/tables.ts'
import { bodiesTable, monitoringOf } from '../../shared/document/pactTables.ts'
import { deleteCard, initBoard, putCard, putRecord } from '../../shared/schema/cards.ts'
import { exportBoard } from '../../shared/export/index.ts'
import { buildPactPdf, SECTIONS } from '../../server/export/pactPdf.ts'
import { ACTOR, pactBoard } from '../helpers/pactBoard.ts'

/** The pact board with one more actor, added on the page and never placed on the grid. */
function boardWithTray() {
  const board = pactBoard(2)
  board.canvases.stakeholders.nodes.push({
    id: 'a3',
    kind: 'actor',
    label: 'Caritas diocesana',
    x: 600,
    y: 0,
    category: 'third-sector',
    power: 0.5,
    interest: 0.5,
    stance: 'neutral',
    desiredStance: 'neutral',
    placed: false,
  } as (typeof board.canvases.stakeholders.nodes)[number])
  return board
}

describe('the pact document’s stakeholder tables', () => {
  it('an actor nobody placed has no power or interest in the register, and sits in no quadrant', () => {
    const board = boardWithTray()
    const register = registerTable(board, 'it')
    const caritas = register.rows.find((r) => r[0] === 'Caritas diocesana')!
    expect(caritas.slice(3, 5)).toEqual(['—', '—'])
    const albino = register.rows.find((r) => r[0] === 'Comune di Albino')!
    expect(albino.slice(3, 5)).toEqual(['30', '20'])
    const grid = gridTable(board, 'it')
    expect(grid.rows.filter((r) => r[1]!.includes('Caritas diocesana'))).toEqual([
      ['Da collocare', 'Caritas diocesana'],
    ])
    expect(grid.rows.map((r) => r[0])).toEqual([
      'Gestire da vicino',
      'Mantenere soddisfatti',
      'Tenere informati',
      'Monitorare',
      'Da collocare',
    ])
  })

  it('without actors in the tray, the grid table has the four quadrants only', () => {
    expect(gridTable(pactBoard(2), 'it').rows).toHaveLength(4)
  })
})

describe('the pact document’s monitoring tables', () => {
  it('names the item each adaptation changes, of every kind, not only its kind', () => {
    const board = pactBoard(4)
    board.pact.bodies.push({ ...board.pact.bodies[0]!, id: 'b2', label: ' ', order: 1 })
    const adapt = (id: string, targetKind: string | null, target: string | null) => ({
      id,
      round: 'm1',
      what: `Adattamento ${id}`,
      who: null,
      due: null,
      targetKind,
      target,
      done: false,
    })
    board.pact.adaptations = [
      adapt('x1', 'indicator', 'i1'),
      adapt('x2', 'commitment', 'k1'),
      adapt('x3', 'body', 'b1'),
      adapt('x4', 'objective', 'o-c1'),
      adapt('x5', 'activity', 'lf-003'),
      adapt('x6', 'indicator', 'gone'),
      adapt('x7', 'body', 'b2'),
      adapt('x8', null, null),
    ] as typeof board.pact.adaptations
    const { adaptations } = monitoringOf(board, 'it')
    const target = adaptations.columns.indexOf('Riguarda')
    expect(target).toBeGreaterThan(0)
    expect(adaptations.rows.map((r) => r[target])).toEqual([
      'Indicatori: Giovani NEET presi in carico',
      `Impegni: ${ACTOR} — Educatori per l’orientamento`,
      'Organi di governo: Cabina di regia',
      'Obiettivi: Orientamento scolastico efficace',
      'Righe del quadro logico: Attività numero 3: laboratori di orientamento nelle scuole',
      'Indicatori: (elemento eliminato)',
      'Organi di governo: senza nome',
      '',
    ])
    const english = monitoringOf(board, 'en').adaptations
    expect(english.rows[0]![english.columns.indexOf('Concerns')]).toBe(
      'Indicators: Giovani NEET presi in carico',
    )
  })
})

describe('the pact document’s governance table', () => {
  it('leaves out a member whose actor was deleted from the stakeholder map, and names an unnamed one', async () => {
    // a real board: three actors seated on a body, the lead among them, then the lead deleted
    // from the stakeholder map (the body's record keeps its id)
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-12-01T10:00:00.000Z')
    doc.transact(() => {
      const actor = (id: string, label: string) =>
        putCard(doc, 'stakeholders', id, { kind: 'actor', label, x: 0, y: 0 })
      actor('comune', 'Comune di Albino')
      actor('coop', 'Cooperativa Il Sentiero')
      actor('anonimo', '')
      putRecord(doc, 'pact.bodies', 'tavolo', {
        label: 'Tavolo tecnico',
        mandate: 'Coordinamento dei servizi',
        level: 'technical',
        members: ['coop', 'comune', 'anonimo'],
        lead: 'coop',
        decision: 'consensus',
        frequency: 'monthly',
        order: 0,
      })
    })
    deleteCard(doc, 'stakeholders', 'coop')
    const board = exportBoard(doc, '2026-12-02T10:00:00.000Z')
    expect(board.pact.bodies[0]!.members).toContain('coop')
    const table = bodiesTable(board, 'it')
    const members = table.rows[0]![table.columns.indexOf('Componenti')]
    expect(members).toBe('Comune di Albino, Attore senza nome')
    expect(bodiesTable(board, 'en').rows[0]![3]).toBe('Comune di Albino, Unnamed actor')
    // the document's page reads the same: no empty name, no lone ★
    const governance = SECTIONS.filter((s) => s.id === 'governance')
    const pdf = await buildPactPdf(board, { sections: governance })
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })
    ).text.replace(/\s+/g, ' ')
    expect(text).toContain('Comune di Albino, Attore senza nome')
    expect(text).not.toContain('★')
    expect(text).not.toMatch(/, ,|^, |Coordinamento dei servizi ,/)
  }, 30_000)
})
