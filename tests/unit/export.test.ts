import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import {
  docFromExport,
  exportBoard,
  parseBoardExport,
  reachedPhase,
} from '../../shared/export/index.ts'
import { pactBoard } from '../helpers/pactBoard.ts'
import {
  SCHEMA_VERSION,
  initBoard,
  metaRoot,
  putCard,
  putLink,
  putRecord,
} from '../../shared/schema/index.ts'

const load = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8'))
const fixture = load(`board-v${SCHEMA_VERSION}.json`)

describe('JSON export', () => {
  it('projects the roots, sorted, with unknown card fields kept', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'T', '2026-01-01T00:00:00.000Z')
    putCard(doc, 'problems', 'b', {
      kind: 'problem',
      label: 'B',
      x: 1,
      y: 2,
      role: 'cause',
      evidence: { source: 'ISTAT' },
    })
    putCard(doc, 'problems', 'a', { kind: 'problem', label: 'A', x: 0, y: 0, role: 'core' })
    putLink(doc, 'problems', 'l', { source: 'b', target: 'a', kind: 'cause-effect' })
    const out = exportBoard(doc, 'NOW')
    expect(out.exportedAt).toBe('NOW')
    expect(out.canvases.problems.nodes.map((n) => n.id)).toEqual(['a', 'b'])
    expect(out.canvases.problems.nodes[1]).toEqual({
      id: 'b',
      kind: 'problem',
      label: 'B',
      x: 1,
      y: 2,
      role: 'cause',
      evidence: { source: 'ISTAT' },
    })
    expect(Object.keys(out.canvases.problems.nodes[1]!)).toEqual([
      'id',
      'evidence',
      'kind',
      'label',
      'role',
      'x',
      'y',
    ])
    expect(out.canvases.objectives).toEqual({ nodes: [], edges: [] })
  })

  it('exports of every older version import, migrated to the current one', () => {
    for (const v of ['v1', 'v2', 'v3', 'v4', 'v5']) {
      const parsed = parseBoardExport(load(`board-${v}.json`))
      if (!parsed.ok) throw new Error(`${v}: ${parsed.details.join('\n')}`)
      const expected = load(`board-${v}.migrated.json`)
      expect(exportBoard(docFromExport(parsed.board), expected.exportedAt), v).toEqual(expected)
    }
  })

  it('a -0 a client wrote exports as 0, as the JSON it travels in says', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'T', '2026-01-01T00:00:00.000Z')
    putCard(doc, 'problems', 'a', {
      kind: 'problem',
      label: 'A',
      x: -0,
      y: -0,
      role: 'core',
      evidence: { shift: [-0, 1] },
    })
    const out = exportBoard(doc, 'NOW')
    expect(
      Object.is((out.canvases.problems.nodes[0]!.evidence as { shift: number[] }).shift[0], 0),
    ).toBe(true)
    expect(Object.is(out.canvases.problems.nodes[0]!.x, 0)).toBe(true)
    expect(Object.is(out.canvases.problems.nodes[0]!.y, 0)).toBe(true)
    expect(JSON.parse(JSON.stringify(out))).toEqual(out)
  })

  it('parse → doc → export is the identity but exportedAt', () => {
    const parsed = parseBoardExport(fixture)
    if (!parsed.ok) throw new Error(parsed.details.join('\n'))
    const again = exportBoard(docFromExport(parsed.board), fixture.exportedAt)
    expect(again).toEqual(fixture)
  })

  it('reports every problem with its path', () => {
    const bad = structuredClone(fixture)
    bad.canvases.problems.nodes[0].role = 'villain'
    bad.canvases.problems.nodes[1].label = 7
    bad.canvases.problems.nodes.push({ ...bad.canvases.problems.nodes[2] })
    const parsed = parseBoardExport(bad)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.code).toBe('INVALID_EXPORT')
    const text = parsed.details.join('\n')
    expect(text).toMatch(/canvases\.problems\.nodes\.0\.role/)
    expect(text).toMatch(/canvases\.problems\.nodes\.1\.label/)
  })

  /** The fixture with a card's id twice and a link to a card that is not there. */
  const withDuplicateAndDangling = () => {
    const bad = structuredClone(fixture)
    bad.canvases.problems.nodes.push({ ...bad.canvases.problems.nodes[0] })
    bad.canvases.problems.edges.push({
      id: 'l9',
      kind: 'cause-effect',
      source: 'core',
      target: 'nowhere',
    })
    return bad
  }

  /** What an Italian page is told about a board the import refuses. */
  const problemsInItalian = (board: unknown): string[] => {
    const parsed = parseBoardExport(board, 'it')
    expect(parsed.ok).toBe(false)
    return parsed.ok ? [] : parsed.details
  }

  it('reports duplicate ids and dangling links', () => {
    const bad = withDuplicateAndDangling()
    const parsed = parseBoardExport(bad)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.details.join('\n')).toMatch(/duplicate card id cause-1/)
    expect(parsed.details.join('\n')).toMatch(/unknown card nowhere/)
    // the record is named by its id and text, as the file's author can find it
    expect(parsed.details.join('\n')).toContain(
      'canvases.problems.nodes.2.id (id "cause-1", "Orientamento scarso"): ',
    )
  })

  it('describes duplicate ids, dangling links and a missing chosen strategy in Italian', () => {
    const bad = withDuplicateAndDangling()
    bad.chosenStrategy = 'sparita'
    const details = problemsInItalian(bad)
    expect(details).toEqual(
      expect.arrayContaining([
        'canvases.problems.nodes.2.id (id «cause-1», «Orientamento scarso»): l’id «cause-1» compare più di una volta',
        'canvases.problems.edges.1.target (id «l9», «core → nowhere»): rimanda a «nowhere», che non c’è in canvases.problems.nodes',
        'chosenStrategy: la strategia scelta «sparita» non è tra le candidate',
      ]),
    )
    expect(details.join('\n')).not.toMatch(/duplicate|unknown|points to/)
  })

  it('describes a field’s problem in plain Italian: too long, out of range, missing, not allowed', () => {
    const bad = structuredClone(fixture)
    bad.canvases.problems.nodes[0].label = 'x'.repeat(2001)
    bad.canvases.problems.nodes[1].role = 'sintomo'
    bad.canvases.stakeholders.nodes[0].power = 2
    delete bad.strategy
    expect(problemsInItalian(bad)).toEqual(
      expect.arrayContaining([
        `canvases.problems.nodes.0.label (id «cause-1», «${'x'.repeat(40)}…»): testo troppo lungo: al massimo 2000 caratteri`,
        'canvases.problems.nodes.1.role (id «core», «Pochi NEET trovano lavoro»): dovrebbe essere uno tra "core", "cause", "effect"',
        'canvases.stakeholders.nodes.0.power (id «a1», «Comune di Clusone»): al massimo 1',
        'strategy: manca',
      ]),
    )
  })

  it('refuses newer and non-Trama files with distinct codes', () => {
    expect(parseBoardExport({ ...fixture, schemaVersion: SCHEMA_VERSION + 1 })).toMatchObject({
      ok: false,
      code: 'NEWER_SCHEMA',
    })
    expect(parseBoardExport({ ...fixture, format: 'excalidraw' })).toMatchObject({
      ok: false,
      code: 'INVALID_EXPORT',
    })
    expect(parseBoardExport('hello')).toMatchObject({ ok: false, code: 'INVALID_EXPORT' })
    expect(parseBoardExport(null)).toMatchObject({ ok: false, code: 'INVALID_EXPORT' })
  })

  it('leaves out references that concurrent deletions left dangling, so the export always imports', () => {
    const parsed = parseBoardExport(fixture)
    if (!parsed.ok) throw new Error(parsed.details.join('\n'))
    const doc = docFromExport(parsed.board)
    // as if someone linked to, scored and chose records another person was deleting
    putLink(doc, 'problems', 'dangling', { source: 'core', target: 'gone', kind: 'cause-effect' })
    putRecord(doc, 'strategy.scores', 'x|social|p', {
      candidate: 'x',
      criterion: 'social',
      participant: 'p',
      score: 3,
    })
    metaRoot(doc).set('chosenStrategy', 'deleted-candidate')
    const out = exportBoard(doc, 'now')
    expect(out.canvases.problems.edges.map((e) => e.id)).not.toContain('dangling')
    expect(out.strategy.scores.map((s) => s.id)).not.toContain('x|social|p')
    expect(out.chosenStrategy).toBe('')
    expect(parseBoardExport(out).ok).toBe(true)
  })
})

describe('the phase a board has reached', () => {
  it('is the room’s phase, or a later one whose records the board already holds', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-12-01T10:00:00.000Z')
    const empty = exportBoard(doc)
    expect(reachedPhase(empty)).toBe('problems')
    // an untouched pact frame is no pact
    expect(reachedPhase({ ...empty, phase: 'objectives' })).toBe('objectives')
    // a room taken back to «Problemi» to show the tree has still reached the pact
    const pact = pactBoard(3)
    expect(reachedPhase({ ...pact, phase: 'problems' })).toBe('pact')
    // something written in the frame alone counts
    const framed = structuredClone(empty)
    framed.pact.info[0]!.territory = 'Val Trebbia'
    expect(reachedPhase(framed)).toBe('pact')
  })
})
