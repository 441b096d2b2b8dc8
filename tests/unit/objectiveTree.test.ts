import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  canvasRoots,
  deleteCard,
  initBoard,
  patchRecord,
  putCard,
  putLink,
  readFields,
  type Fields,
} from '../../shared/schema/index.ts'
import {
  meansEndIdFor,
  mergeChangedNothing,
  mergeObjectiveTree,
  objectiveIdFor,
} from '../../shared/method/objectiveTree.ts'
import { OBJECTIVE_ROW_SPREAD, freeSpotAmong } from '../../shared/method/objectivePlacement.ts'
import { compareTrees } from '../../shared/method/objectiveComparison.ts'
import { boardExportSchema, exportBoard } from '../../shared/export/index.ts'
import { linkedDocs } from '../helpers/linkedDocs.ts'

/**
 * A small problem tree: youth unemployment (core), caused by poor guidance, which is caused by
 * scattered services; the core causes social exclusion.
 */
/** A problem card (or an objective card) written as a remote participant would. */
const problem = (doc: Y.Doc, id: string, label: string, role: string, x = 0, y = 0) =>
  putCard(doc, 'problems', id, { kind: 'problem', label, role, x, y })
const objective = (
  doc: Y.Doc,
  id: string,
  label: string,
  derivedFrom: string | null,
  status: string,
) => putCard(doc, 'objectives', id, { kind: 'objective', label, x: 0, y: 0, derivedFrom, status })
const causes = (doc: Y.Doc, id: string, source: string, target: string) =>
  putLink(doc, 'problems', id, { kind: 'cause-effect', source, target })

function problemTree(doc: Y.Doc) {
  doc.transact(() => {
    problem(doc, 'core', 'Alta disoccupazione giovanile', 'core', 300, 300)
    problem(doc, 'guid', 'Scarso orientamento', 'cause', 200, 450)
    problem(doc, 'serv', 'Servizi frammentati', 'cause', 200, 600)
    problem(doc, 'excl', 'Esclusione sociale', 'effect', 300, 150)
    causes(doc, 'l1', 'guid', 'core')
    causes(doc, 'l2', 'serv', 'guid')
    causes(doc, 'l3', 'core', 'excl')
  })
}

function newBoard() {
  const doc = new Y.Doc()
  initBoard(doc, 'Patto', '2026-01-01T00:00:00.000Z')
  problemTree(doc)
  return doc
}

const cards = (doc: Y.Doc) => {
  const out: Record<string, Fields> = {}
  canvasRoots(doc, 'objectives').nodes.forEach((m, id) => (out[id] = readFields(m)))
  return out
}
const links = (doc: Y.Doc) => {
  const out: Record<string, Fields> = {}
  canvasRoots(doc, 'objectives').edges.forEach((m, id) => (out[id] = readFields(m)))
  return out
}
const patchObjective = (doc: Y.Doc, id: string, patch: Fields) =>
  doc.transact(() => patchRecord(doc, 'objectives.nodes', id, patch))

describe('objective tree: first generation', () => {
  it('turns every problem into an objective to reword, in its column, the rows spread apart', () => {
    const doc = newBoard()
    const report = mergeObjectiveTree(doc)
    expect(report).toMatchObject({ first: true, added: 4, linksAdded: 3, flagged: 0 })
    expect(cards(doc)[objectiveIdFor('guid')]).toEqual({
      kind: 'objective',
      label: 'Scarso orientamento',
      x: 200,
      // the problem sits at y 450: a reworded objective, its problem underneath, needs room
      y: 450 * OBJECTIVE_ROW_SPREAD,
      derivedFrom: 'guid',
      status: 'to-reword',
    })
    expect(Object.keys(cards(doc)).sort()).toEqual(['obj:core', 'obj:excl', 'obj:guid', 'obj:serv'])
  })

  it('turns cause → effect links into means → end links, unchecked', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    expect(links(doc)[meansEndIdFor('l1')]).toEqual({
      kind: 'means-end',
      source: 'obj:guid',
      target: 'obj:core',
      derivedFrom: 'l1',
      checked: false,
    })
    expect(Object.keys(links(doc)).sort()).toEqual(['me:l1', 'me:l2', 'me:l3'])
  })

  it('exports as valid objective cards and means-end links', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    const parsed = boardExportSchema.parse(exportBoard(doc, '2026-01-01T00:00:00.000Z'))
    expect(parsed.canvases.objectives.nodes).toHaveLength(4)
    expect(parsed.canvases.objectives.edges).toHaveLength(3)
  })
})

describe('objective tree: regeneration merges', () => {
  it('running twice changes nothing the second time', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const second = mergeObjectiveTree(doc)
    expect(mergeChangedNothing(second)).toBe(true)
    expect(second.first).toBe(false)
    expect(updates).toHaveLength(0)
  })

  it('keeps a rewording even when the problem text changes', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    patchObjective(doc, 'obj:guid', {
      label: 'Orientamento efficace per i giovani',
      status: 'reworded',
    })
    doc.transact(() =>
      patchRecord(doc, 'problems.nodes', 'guid', { label: 'Orientamento assente' }),
    )
    const report = mergeObjectiveTree(doc)
    expect(cards(doc)['obj:guid']).toMatchObject({
      label: 'Orientamento efficace per i giovani',
      status: 'reworded',
    })
    expect(report.refreshed).toBe(0)
    expect(report.kept).toBe(1)
  })

  it('an objective still to reword follows its problem’s new text', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() =>
      patchRecord(doc, 'problems.nodes', 'serv', { label: 'Servizi non coordinati' }),
    )
    const report = mergeObjectiveTree(doc)
    expect(report.refreshed).toBe(1)
    expect(cards(doc)['obj:serv']).toMatchObject({
      label: 'Servizi non coordinati',
      status: 'to-reword',
    })
  })

  it('keeps the objectives the group added and the ones it discarded', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() => objective(doc, 'mine', 'Rete territoriale attiva', null, 'added'))
    patchObjective(doc, 'obj:excl', { status: 'discarded' })
    mergeObjectiveTree(doc)
    expect(cards(doc)['mine']).toEqual({
      kind: 'objective',
      label: 'Rete territoriale attiva',
      x: 0,
      y: 0,
      derivedFrom: null,
      status: 'added',
    })
    expect(cards(doc)['obj:excl']).toMatchObject({ status: 'discarded' })
    expect(Object.keys(cards(doc))).toHaveLength(5)
  })

  it('adds an objective and its links for a new problem, where the problem sits', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() => {
      problem(doc, 'skills', 'Competenze scarse', 'cause', 420, 450)
      causes(doc, 'l4', 'skills', 'core')
    })
    const report = mergeObjectiveTree(doc)
    expect(report).toMatchObject({ first: false, added: 1, linksAdded: 1, refreshed: 0 })
    expect(cards(doc)['obj:skills']).toMatchObject({
      x: 420,
      y: 450 * OBJECTIVE_ROW_SPREAD,
      status: 'to-reword',
    })
    expect(links(doc)['me:l4']).toMatchObject({ source: 'obj:skills', target: 'obj:core' })
  })

  it('puts a new problem’s objective in the row of its row-mates’ objectives, wherever they are', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    // a tree generated before the rows were spread: its objectives sit at their problems' height
    for (const id of ['obj:core', 'obj:guid', 'obj:serv', 'obj:excl']) {
      const from = String(cards(doc)[id]!.derivedFrom)
      const y = canvasRoots(doc, 'problems').nodes.get(from)!.get('y') as number
      patchObjective(doc, id, { y })
    }
    const causeRow = cards(doc)['obj:guid']!.y
    // a new cause on the causes' row joins their objectives' row, not 1.5× below it
    doc.transact(() => problem(doc, 'skills', 'Competenze scarse', 'cause', 900, 450))
    mergeObjectiveTree(doc)
    expect(cards(doc)['obj:skills']!.y).toBe(causeRow)
    // a problem on a row of its own gets the spread place
    doc.transact(() => problem(doc, 'far', 'Famiglie lontane', 'cause', 0, 700))
    mergeObjectiveTree(doc)
    expect(cards(doc)['obj:far']!.y).toBe(700 * OBJECTIVE_ROW_SPREAD)
  })

  it('places a regenerated objective beside the cards already where its problem sits', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    // the group laid the objective tree out: the core objective now sits where the new problem is
    patchObjective(doc, 'obj:core', { x: 600, y: 705 })
    doc.transact(() => problem(doc, 'skills', 'Competenze scarse', 'cause', 620, 470))
    // the core objective was reworded: with its problem underneath it is taller than a new card
    const sizes = new Map([['obj:core', { width: 220, height: 160 }]])
    expect(mergeObjectiveTree(doc, { sizes }).added).toBe(1)
    const placed = cards(doc)['obj:skills']!
    expect(placed.y).toBe(470 * OBJECTIVE_ROW_SPREAD)
    // clear of the core card (600..820) and of the "guidance" one (200..400) on the same row
    const x = placed.x as number
    expect(x >= 820 || x + 200 <= 600).toBe(true)
    expect(x >= 400 || x + 200 <= 200).toBe(true)
  })

  it('finds a free spot that respects each card’s size, nearest to where it is wanted', () => {
    const taken = [
      { x: 0, y: 0, width: 200, height: 90 },
      { x: 0, y: 100, width: 200, height: 200 },
    ]
    expect(freeSpotAmong({ x: 500, y: 0 }, taken)).toEqual({ x: 500, y: 0 })
    // below the first card, but inside the tall second one: moved along the row
    const spot = freeSpotAmong({ x: 0, y: 200 }, taken)
    expect(spot.y).toBe(200)
    expect(Math.abs(spot.x)).toBeGreaterThanOrEqual(200)
    expect(Math.abs(spot.x)).toBeLessThan(500)
  })

  it('a new link between two problems that already had objectives becomes a means-end link', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() => causes(doc, 'l5', 'serv', 'core'))
    expect(mergeObjectiveTree(doc).linksAdded).toBe(1)
    expect(links(doc)['me:l5']).toMatchObject({ source: 'obj:serv', target: 'obj:core' })
  })

  it('flags (never deletes) an objective whose problem was removed, and clears the flag when it comes back', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    const { nodes, edges } = canvasRoots(doc, 'problems')
    const undoAll = new Y.UndoManager([nodes, edges], { trackedOrigins: new Set(['me']) })
    doc.transact(() => deleteCard(doc, 'problems', 'serv'), 'me')
    const removed = mergeObjectiveTree(doc)
    expect(removed).toMatchObject({ flagged: 1, linksFlagged: 1, added: 0 })
    expect(cards(doc)['obj:serv']).toMatchObject({
      problemRemoved: true,
      label: 'Servizi frammentati',
    })
    expect(links(doc)['me:l2']).toMatchObject({ problemRemoved: true })

    undoAll.undo()
    expect(canvasRoots(doc, 'problems').nodes.has('serv')).toBe(true)
    const back = mergeObjectiveTree(doc)
    expect(back).toMatchObject({ restored: 1, linksRestored: 1, added: 0, linksAdded: 0 })
    expect(cards(doc)['obj:serv']).not.toHaveProperty('problemRemoved')
    expect(links(doc)['me:l2']).not.toHaveProperty('problemRemoved')
  })

  it('never overwrites a checked means-end flag', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() => patchRecord(doc, 'objectives.edges', 'me:l1', { checked: true }))
    doc.transact(() => patchRecord(doc, 'problems.nodes', 'core', { label: 'Disoccupazione' }))
    mergeObjectiveTree(doc)
    expect(links(doc)['me:l1']).toMatchObject({ checked: true })
  })

  it('does not recreate a derived link the group deleted, even after a reload', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() => canvasRoots(doc, 'objectives').edges.delete('me:l3'))
    expect(mergeObjectiveTree(doc).linksAdded).toBe(0)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc))
    expect(mergeObjectiveTree(reloaded).linksAdded).toBe(0)
    expect(links(reloaded)).not.toHaveProperty('me:l3')
  })

  it('does not duplicate a means-end link the group already drew by hand', () => {
    const doc = newBoard()
    doc.transact(() => {
      objective(doc, 'obj:guid', 'x', 'guid', 'reworded')
      objective(doc, 'obj:core', 'y', 'core', 'reworded')
      putLink(doc, 'objectives', 'hand', {
        kind: 'means-end',
        source: 'obj:guid',
        target: 'obj:core',
        derivedFrom: null,
      })
    })
    mergeObjectiveTree(doc)
    expect(links(doc)).not.toHaveProperty('me:l1')
    expect(Object.keys(links(doc)).sort()).toEqual(['hand', 'me:l2', 'me:l3'])
  })
})

describe('objective tree: two people generate at the same moment', () => {
  it('converges to one objective per problem, without duplicates', () => {
    const link = linkedDocs()
    initBoard(link.a, 'Patto', '2026-01-01T00:00:00.000Z')
    problemTree(link.a)
    link.flush()
    const ra = mergeObjectiveTree(link.a)
    const rb = mergeObjectiveTree(link.b)
    expect(ra.added).toBe(4)
    expect(rb.added).toBe(4)
    link.flush()
    expect(Object.keys(cards(link.a))).toHaveLength(4)
    expect(Object.keys(links(link.a))).toHaveLength(3)
    expect(cards(link.a)).toEqual(cards(link.b))
    expect(links(link.a)).toEqual(links(link.b))
    // and a later run on either side finds nothing to do
    expect(mergeChangedNothing(mergeObjectiveTree(link.b))).toBe(true)
  })

  it('one rewords while the other regenerates: both changes survive', () => {
    const link = linkedDocs()
    initBoard(link.a, 'Patto', '2026-01-01T00:00:00.000Z')
    problemTree(link.a)
    mergeObjectiveTree(link.a)
    link.flush()
    patchObjective(link.a, 'obj:core', { label: 'Più giovani occupati', status: 'reworded' })
    link.b.transact(() => problem(link.b, 'new', 'Poca rete', 'cause', 0, 600))
    mergeObjectiveTree(link.b)
    link.flush()
    expect(cards(link.a)).toEqual(cards(link.b))
    expect(cards(link.a)['obj:core']).toMatchObject({
      label: 'Più giovani occupati',
      status: 'reworded',
    })
    expect(cards(link.a)['obj:new']).toMatchObject({ label: 'Poca rete', status: 'to-reword' })
  })
})

describe('the problem → objective comparison', () => {
  it('lists ends, core, means, then added and orphaned objectives', () => {
    const doc = newBoard()
    mergeObjectiveTree(doc)
    doc.transact(() => {
      objective(doc, 'mine', 'Rete', null, 'added')
      deleteCard(doc, 'problems', 'excl')
      problem(doc, 'late', 'Nuovo', 'cause', 0, 900)
    })
    mergeObjectiveTree(doc)
    doc.transact(() => canvasRoots(doc, 'objectives').nodes.delete('obj:late'))
    const problems = [...canvasRoots(doc, 'problems').nodes.entries()].map(([id, m]) => ({
      id,
      ...(readFields(m) as { label: string; role: 'core'; x: number; y: number }),
    }))
    const objectives = Object.entries(cards(doc)).map(([id, f]) => ({ id, ...f }) as never)
    const rows = compareTrees(problems, objectives)
    expect(rows.map((r) => [r.group, r.problem?.id ?? null, r.objective?.id ?? null])).toEqual([
      ['core', 'core', 'obj:core'],
      ['means', 'guid', 'obj:guid'],
      ['means', 'serv', 'obj:serv'],
      ['means', 'late', null],
      ['added', null, 'mine'],
      ['orphan', null, 'obj:excl'],
    ])
  })
})
