import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  logframeFromBranch,
  logframeRowId,
  planLogframe,
  stillToReword,
  type LogframeRow,
  type ProposedRow,
} from '../../shared/method/logframe.ts'
import {
  moveRow,
  nextRowOrder,
  readLogframeRows,
  rowsByLevel,
} from '../../shared/method/logframeRows.ts'
import { objectiveBranch, objectiveGraph } from '../../shared/method/strategy.ts'
import { readLink, readObjective } from '../../shared/method/strategyRecords.ts'
import {
  canvasRoots,
  collectionRoot,
  putCard,
  putLink,
  putRecord,
  readFields,
} from '../../shared/schema/index.ts'

/** An objective tree written the way clients write it: cards and means-end links in a Y.Doc. */
function objectiveTreeDoc(): Y.Doc {
  const doc = new Y.Doc()
  const card = (id: string, label: string, x: number, status = 'reworded') =>
    putCard(doc, 'objectives', id, { kind: 'objective', label, x, y: 0, derivedFrom: null, status })
  const link = (means: string, end: string) =>
    putLink(doc, 'objectives', `${means}-${end}`, { kind: 'means-end', source: means, target: end })
  doc.transact(() => {
    card('inclusion', 'Maggiore inclusione sociale', 0)
    card('work', 'Più NEET trovano lavoro', 0)
    card('skills', 'Competenze adeguate al mercato', -200)
    card('services', 'Servizi coordinati', 200)
    card('courses', 'Corsi professionalizzanti attivati', -300)
    card('tutoring', 'Tutor per ogni giovane', -100)
    card('mentors', 'Mentori formati', -100)
    card('desk', 'Sportello unico', 200)
    card('wishful', 'Piena occupazione entro un anno', 300, 'discarded')
    link('work', 'inclusion')
    link('skills', 'work')
    link('services', 'work')
    link('courses', 'skills')
    link('tutoring', 'skills')
    link('mentors', 'tutoring')
    link('desk', 'services')
    link('wishful', 'work')
  })
  return doc
}

function graphOf(doc: Y.Doc) {
  const { nodes, edges } = canvasRoots(doc, 'objectives')
  const objectives = [...nodes].map(([id, map]) => {
    const f = readFields(map)
    return readObjective(id, f, { x: f.x as number })
  })
  const links = [...edges.values()].map((map) => {
    const f = readFields(map)
    return readLink({ source: f.source as string, target: f.target as string, data: f })
  })
  return objectiveGraph(objectives, links)
}

const levels = (rows: ProposedRow[]) => rows.map((r) => [r.level, r.objective])

describe('mapping the chosen branch onto the logframe', () => {
  it('puts the ends served above, the top as purpose, its means as results, theirs as activities', () => {
    const graph = graphOf(objectiveTreeDoc())
    const rows = logframeFromBranch(graph, objectiveBranch(graph, 'work'))
    expect(levels(rows)).toEqual([
      ['overall', 'inclusion'],
      ['specific', 'work'],
      ['result', 'skills'],
      ['result', 'services'],
      ['activity', 'courses'],
      ['activity', 'tutoring'],
      ['activity', 'mentors'],
      ['activity', 'desk'],
    ])
    expect(rows[1]).toEqual({
      level: 'specific',
      objective: 'work',
      text: 'Più NEET trovano lavoro',
    })
    expect(rows.map((r) => r.objective)).not.toContain('wishful')
  })

  it('names the objectives of the proposal still worded as their problem, none otherwise', () => {
    const doc = objectiveTreeDoc()
    const graph = graphOf(doc)
    expect(stillToReword(graph, logframeFromBranch(graph, objectiveBranch(graph, 'work')))).toEqual(
      [],
    )
    doc.transact(() => {
      canvasRoots(doc, 'objectives').nodes.get('mentors')!.set('status', 'to-reword')
      canvasRoots(doc, 'objectives').nodes.get('wishful')!.set('status', 'to-reword')
    })
    const after = graphOf(doc)
    // mentors is in the branch of skills; wishful serves another objective
    const proposal = logframeFromBranch(after, objectiveBranch(after, 'skills'))
    expect(stillToReword(after, proposal)).toEqual(['mentors'])
  })

  it('uses the top itself as overall objective when it serves no end', () => {
    const graph = graphOf(objectiveTreeDoc())
    const rows = logframeFromBranch(graph, objectiveBranch(graph, 'inclusion'))
    expect(levels(rows).slice(0, 3)).toEqual([
      ['overall', 'inclusion'],
      ['specific', 'inclusion'],
      ['result', 'work'],
    ])
  })

  it('keeps to the stored branch: objectives added to the tree later are not taken in', () => {
    const graph = graphOf(objectiveTreeDoc())
    const rows = logframeFromBranch(graph, ['work', 'skills', 'courses', 'gone'])
    expect(levels(rows)).toEqual([
      ['overall', 'inclusion'],
      ['specific', 'work'],
      ['result', 'skills'],
      ['activity', 'courses'],
    ])
  })

  it('proposes nothing when the top has been deleted or discarded', () => {
    const graph = graphOf(objectiveTreeDoc())
    expect(logframeFromBranch(graph, ['wishful'])).toEqual([])
    expect(logframeFromBranch(graph, [])).toEqual([])
  })
})

const row = (fields: Partial<LogframeRow> & Pick<LogframeRow, 'id' | 'level'>): LogframeRow => ({
  objective: null,
  text: '',
  indicators: '',
  sources: '',
  assumptions: '',
  order: 0,
  ...fields,
})
let counter = 0
const newId = () => `new-${++counter}`

describe('regenerating the logframe', () => {
  const graph = graphOf(objectiveTreeDoc())
  const proposal = logframeFromBranch(graph, objectiveBranch(graph, 'work'))
  const labels = new Map([...graph.byId].map(([id, o]) => [id, o.label]))

  it('creates every row on an empty logframe, with stable ids and orders per level', () => {
    const plan = planLogframe([], proposal, labels, newId)
    expect(plan.create).toHaveLength(8)
    expect(plan.remove).toEqual([])
    expect(plan.create[2]).toEqual({
      id: logframeRowId('result', 'skills'),
      level: 'result',
      objective: 'skills',
      text: 'Competenze adeguate al mercato',
      indicators: '',
      sources: '',
      assumptions: '',
      order: 0,
    })
    expect(plan.create.filter((r) => r.level === 'activity').map((r) => r.order)).toEqual([
      0, 1, 2, 3,
    ])
  })

  it('keeps edited rows and hand-made rows, and adds only the missing ones after them', () => {
    const existing = [
      row({
        id: 'r1',
        level: 'result',
        objective: 'skills',
        text: 'Competenze digitali',
        order: 0,
      }),
      row({ id: 'r2', level: 'result', objective: null, text: 'Rete attivata', order: 3 }),
      row({
        id: 'r3',
        level: 'specific',
        objective: 'work',
        indicators: '+20% occupati',
        order: 0,
      }),
    ]
    const plan = planLogframe(existing, proposal, labels, newId)
    expect(plan.kept).toBe(3)
    expect(plan.remove).toEqual([])
    expect(plan.create.map((r) => r.objective)).toEqual([
      'inclusion',
      'services',
      'courses',
      'tutoring',
      'mentors',
      'desk',
    ])
    expect(plan.create.find((r) => r.objective === 'services')!.order).toBe(4)
    // the empty purpose text is filled in, its indicator stays
    expect(plan.fill).toEqual([{ id: 'r3', text: 'Più NEET trovano lavoro' }])
  })

  it('is a no-op the second time', () => {
    const first = planLogframe([], proposal, labels, newId)
    const again = planLogframe(first.create, proposal, labels, newId)
    expect(again).toEqual({ create: [], fill: [], remove: [], kept: 8 })
  })

  it('drops untouched rows of objectives that left the strategy, keeps the written ones', () => {
    const old = planLogframe([], proposal, labels, newId).create
    old.find((r) => r.objective === 'desk')!.assumptions = 'Il Comune mette a disposizione i locali'
    const narrower = logframeFromBranch(graph, objectiveBranch(graph, 'skills'))
    const plan = planLogframe(old, narrower, labels, newId)
    // a row whose objective moved to another level counts as left: its level's row is new
    expect(plan.remove.sort()).toEqual(
      [
        logframeRowId('overall', 'inclusion'),
        logframeRowId('specific', 'work'),
        logframeRowId('result', 'skills'),
        logframeRowId('result', 'services'),
        logframeRowId('activity', 'courses'),
        logframeRowId('activity', 'tutoring'),
      ].sort(),
    )
    expect(plan.remove).not.toContain(logframeRowId('activity', 'desk'))
    expect(plan.kept).toBe(2)
    expect(plan.create.map((r) => [r.level, r.objective])).toEqual([
      ['overall', 'work'],
      ['specific', 'skills'],
      ['result', 'courses'],
      ['result', 'tutoring'],
    ])
    // the ids of the rows being replaced are free again only once removed: never reused here
    const ids = new Set(old.map((r) => r.id))
    expect(plan.create.filter((r) => ids.has(r.id))).toEqual([])
  })
})

describe('logframe rows', () => {
  it('reads loose records in table order and groups them by level', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      putRecord(doc, 'logframe.rows', 'b', { level: 'result', text: 'B', order: 1 })
      putRecord(doc, 'logframe.rows', 'a', { level: 'result', text: 'A', order: 1 })
      putRecord(doc, 'logframe.rows', 'o', { level: 'overall', text: 'O', order: 9 })
      putRecord(doc, 'logframe.rows', 'x', { level: 'nonsense', text: 'X', order: 0 })
    })
    const items = [...collectionRoot(doc, 'logframe.rows')].map(([id, m]) => ({
      id,
      ...readFields(m),
    }))
    const rows = readLogframeRows(items)
    expect(rows.map((r) => r.id)).toEqual(['o', 'a', 'b'])
    expect(rows[1]).toEqual(row({ id: 'a', level: 'result', text: 'A', order: 1 }))
    const grouped = rowsByLevel(rows)
    expect(grouped.result.map((r) => r.id)).toEqual(['a', 'b'])
    expect(grouped.activity).toEqual([])
    expect(nextRowOrder(rows, 'result')).toBe(2)
    expect(nextRowOrder(rows, 'activity')).toBe(0)
  })

  it('moves a row one step within its level only', () => {
    const rows = readLogframeRows([
      { id: 's', level: 'specific', order: 0 },
      { id: 'r1', level: 'result', order: 0 },
      { id: 'r2', level: 'result', order: 5 },
    ])
    expect(moveRow(rows, 'r2', -1)).toEqual(
      new Map([
        ['r2', 0],
        ['r1', 1],
      ]),
    )
    expect(moveRow(rows, 'r1', -1).size).toBe(0)
    expect(moveRow(rows, 's', 1).size).toBe(0)
  })
})
