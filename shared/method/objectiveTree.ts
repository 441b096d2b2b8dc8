import * as Y from 'yjs'
import {
  MEANS_END,
  canvasRoots,
  patchRecord,
  putRecord,
  textValue,
  forEachRecord,
  type FieldMap,
  type ObjectiveStatus,
} from '../schema/index.ts'
import { derivedId } from './objectiveIds.ts'
import { DEFAULT_CARD, freeSpotAmong, objectiveSpotOf, type Box } from './objectivePlacement.ts'

/**
 * The inversion of the problem tree into the objective tree (LFA): every problem becomes an
 * objective to reword, every cause → effect link a means → end link. Later runs merge instead of
 * rebuilding, so the group's work on the objective tree is never lost.
 */

/** Deterministic: two people generating at the same moment write the same records. */
export const objectiveIdFor = (problemId: string) => derivedId('obj:', problemId)
export const meansEndIdFor = (problemLinkId: string) => derivedId('me:', problemLinkId)

/** What one run did, for the message to the user. */
export interface MergeReport {
  /** The objective canvas was empty before this run. */
  first: boolean
  /** Objectives created from problems that had none. */
  added: number
  /** Objectives still to reword whose text followed their problem's new text. */
  refreshed: number
  /** Objectives newly marked: their problem was removed. */
  flagged: number
  /** Objectives whose problem came back: the mark is cleared. */
  restored: number
  /** Objectives the group reworded, added or discarded: left as they are. */
  kept: number
  linksAdded: number
  linksFlagged: number
  linksRestored: number
}

export const emptyMergeReport = (): MergeReport => ({
  first: false,
  added: 0,
  refreshed: 0,
  flagged: 0,
  restored: 0,
  kept: 0,
  linksAdded: 0,
  linksFlagged: 0,
  linksRestored: 0,
})

export interface MergeOptions {
  /** The cards' measured sizes on screen, so new objectives keep clear of tall cards. */
  sizes?: ReadonlyMap<string, { width: number; height: number }>
}

/** Whether the run changed nothing in the document. */
export function mergeChangedNothing(r: MergeReport): boolean {
  return (
    r.added +
      r.refreshed +
      r.flagged +
      r.restored +
      r.linksAdded +
      r.linksFlagged +
      r.linksRestored ===
    0
  )
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : 0)

/**
 * Whether `key` once held a record that someone deleted. Yjs keeps the deleted item of a map key
 * (also across snapshots), so a derived record the group deleted on purpose is not recreated.
 */
function wasDeleted(root: Y.Map<FieldMap>, key: string): boolean {
  const item = root._map.get(key)
  return item !== undefined && item.deleted
}

/** Groups the ids of derived records by the id they were derived from. */
function byOrigin(root: Y.Map<FieldMap>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  forEachRecord(root, (record, id) => {
    const from = record.get('derivedFrom')
    if (typeof from !== 'string') return
    const list = out.get(from)
    if (list) list.push(id)
    else out.set(from, [id])
  })
  // a stable order, so every client picks the same representative
  for (const list of out.values()) list.sort()
  return out
}

/** Sets or clears the `problemRemoved` mark; true when it changed. */
function mark(record: FieldMap, removed: boolean): boolean {
  if (removed) {
    if (record.get('problemRemoved') === true) return false
    record.set('problemRemoved', true)
    return true
  }
  if (!record.has('problemRemoved')) return false
  const was = record.get('problemRemoved') === true
  record.delete('problemRemoved')
  return was
}

/**
 * Builds the objective tree from the problem tree, or merges the problem tree's changes into it:
 * new problems and links add objectives (where the problem sits, the rows spread apart for the
 * taller reworded cards, or in the nearest free spot on its row) and means-end links; those whose problem or link was
 * removed are marked `problemRemoved` (never deleted) and unmarked if it comes back; an
 * objective still `to-reword` follows its problem's text; rewordings, additions, discards and
 * `checked` flags are never touched. Call it inside one transaction (`actions.transact`);
 * running it twice in a row changes nothing the second time.
 */
export function mergeObjectiveTree(doc: Y.Doc, options: MergeOptions = {}): MergeReport {
  const report = emptyMergeReport()
  doc.transact(() => {
    const problems = canvasRoots(doc, 'problems')
    const objectives = canvasRoots(doc, 'objectives')
    report.first = objectives.nodes.size === 0 && objectives.edges.size === 0
    // a new objective goes where its problem sits (rows spread apart: objectiveSpotOf), or
    // beside it if a card is already there
    const taken: Box[] = []
    forEachRecord(objectives.nodes, (card, id) =>
      taken.push({
        x: num(card.get('x')),
        y: num(card.get('y')),
        ...(options.sizes?.get(id) ?? DEFAULT_CARD),
      }),
    )

    /** problem id → the objective its links attach to */
    const objectiveOf = new Map<string, string>()
    const derivedCards = byOrigin(objectives.nodes)
    // A row of problems already has its objectives somewhere (spread apart, or where an older
    // generation put them): a new one joins them there.
    const rowOf = new Map<number, number>()
    forEachRecord(problems.nodes, (problem, problemId) => {
      const card = derivedCards.get(problemId)?.[0]
      const objective = card ? objectives.nodes.get(card) : undefined
      if (objective instanceof Y.Map) rowOf.set(num(problem.get('y')), num(objective.get('y')))
    })
    forEachRecord(problems.nodes, (problem, problemId) => {
      const label = textValue(problem.get('label'))
      const existing = derivedCards.get(problemId)
      const preferred = objectiveIdFor(problemId)
      if (!existing) {
        if (wasDeleted(objectives.nodes, preferred)) return
        const wanted = objectiveSpotOf({ x: num(problem.get('x')), y: num(problem.get('y')) })
        const row = rowOf.get(num(problem.get('y')))
        const at = freeSpotAmong(row === undefined ? wanted : { ...wanted, y: row }, taken)
        taken.push({ ...at, ...DEFAULT_CARD })
        putRecord(doc, 'objectives.nodes', preferred, {
          kind: 'objective',
          label,
          x: at.x,
          y: at.y,
          derivedFrom: problemId,
          status: 'to-reword' satisfies ObjectiveStatus,
        })
        objectiveOf.set(problemId, preferred)
        report.added++
        return
      }
      objectiveOf.set(problemId, existing.includes(preferred) ? preferred : existing[0]!)
      for (const id of existing) {
        const card = objectives.nodes.get(id)!
        if (mark(card, false)) report.restored++
        if (card.get('status') !== 'to-reword') continue
        if (textValue(card.get('label')) !== label) {
          patchRecord(doc, 'objectives.nodes', id, { label })
          report.refreshed++
        }
      }
    })

    forEachRecord(objectives.nodes, (card) => {
      const from = card.get('derivedFrom')
      if (card.get('status') !== 'to-reword') report.kept++
      if (typeof from === 'string' && !problems.nodes.has(from) && mark(card, true))
        report.flagged++
    })

    const derivedLinks = byOrigin(objectives.edges)
    const linked = new Set<string>()
    forEachRecord(objectives.edges, (link) =>
      linked.add(`${str(link.get('source'))}>${str(link.get('target'))}`),
    )
    forEachRecord(problems.edges, (problemLink, problemLinkId) => {
      const existing = derivedLinks.get(problemLinkId)
      if (existing) {
        for (const id of existing)
          if (mark(objectives.edges.get(id)!, false)) report.linksRestored++
        return
      }
      // a cause → effect link becomes a means → end link, same direction
      const source = objectiveOf.get(str(problemLink.get('source')))
      const target = objectiveOf.get(str(problemLink.get('target')))
      if (!source || !target || source === target) return
      const id = meansEndIdFor(problemLinkId)
      // the group already drew this link by hand, or deleted the derived one on purpose
      if (linked.has(`${source}>${target}`) || wasDeleted(objectives.edges, id)) return
      putRecord(doc, 'objectives.edges', id, {
        kind: MEANS_END,
        source,
        target,
        derivedFrom: problemLinkId,
        checked: false,
      })
      linked.add(`${source}>${target}`)
      report.linksAdded++
    })

    forEachRecord(objectives.edges, (link) => {
      const from = link.get('derivedFrom')
      if (typeof from === 'string' && !problems.edges.has(from) && mark(link, true))
        report.linksFlagged++
    })
  })
  return report
}
