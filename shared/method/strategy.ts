/**
 * Strategy analysis over plain data: the branches of the objective tree that can become a
 * strategy, and the ranking of the candidate strategies from everyone's scores.
 */
import { MEANS_END, SCORE_MAX, SCORE_MIN } from '../schema/vocabulary.ts'

/** An objective card as the strategy needs it. */
export interface TreeObjective {
  id: string
  label: string
  status: string
  /** Horizontal position on the tree: siblings are listed left to right, as drawn. */
  x?: number
}

/** A means-end link: `source` is the means, `target` the end it serves. */
export interface TreeLink {
  source: string
  target: string
  kind?: string
}

export interface Candidate {
  id: string
  label: string
  /** The objectives of the branch, its top first. */
  objectives: string[]
}

export interface Criterion {
  id: string
  label: string
  key?: string
  order: number
}

export interface Score {
  candidate: string
  criterion: string
  participant: string
  participantName?: string
  score: number
}

/**
 * The live part of the objective tree: discarded objectives and the links touching them are
 * left out, so nothing reaches the strategy through an objective the group dropped.
 */
export interface ObjectiveGraph {
  byId: Map<string, TreeObjective>
  /** id → its means (the objectives that lead to it), left to right. */
  means: Map<string, string[]>
  /** id → the ends it serves. */
  ends: Map<string, string[]>
}

const byPosition = (a: TreeObjective, b: TreeObjective) =>
  (a.x ?? 0) - (b.x ?? 0) || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1)

export function objectiveGraph(objectives: TreeObjective[], links: TreeLink[]): ObjectiveGraph {
  const byId = new Map<string, TreeObjective>()
  for (const o of objectives) if (o.status !== 'discarded') byId.set(o.id, o)
  const means = new Map<string, TreeObjective[]>()
  const ends = new Map<string, TreeObjective[]>()
  const seen = new Set<string>()
  for (const link of links) {
    if (link.kind !== undefined && link.kind !== MEANS_END) continue
    const means_ = byId.get(link.source)
    const end = byId.get(link.target)
    const pair = `${link.source}>${link.target}`
    if (!means_ || !end || means_ === end || seen.has(pair)) continue
    seen.add(pair)
    means.set(end.id, [...(means.get(end.id) ?? []), means_])
    ends.set(means_.id, [...(ends.get(means_.id) ?? []), end])
  }
  const ids = (m: Map<string, TreeObjective[]>) =>
    new Map([...m].map(([k, v]) => [k, v.sort(byPosition).map((o) => o.id)]))
  return { byId, means: ids(means), ends: ids(ends) }
}

/**
 * The branch of an objective: it and all its means, recursively, breadth first (the top, then
 * its direct means, then theirs). Empty when the objective is unknown or discarded.
 */
export function objectiveBranch(graph: ObjectiveGraph, top: string): string[] {
  if (!graph.byId.has(top)) return []
  const out = [top]
  const seen = new Set(out)
  for (let i = 0; i < out.length; i++)
    for (const means of graph.means.get(out[i]!) ?? [])
      if (!seen.has(means)) {
        seen.add(means)
        out.push(means)
      }
  return out
}

/**
 * The objectives that can top a candidate branch in the tree's own order: each end, then its
 * means under it (left to right, depth first), each with its depth and the size of its branch.
 * Listed by depth (every end first, then every means), an indented means stood under the wrong
 * end. A means of two ends is listed under the first.
 */
export function branchTops(graph: ObjectiveGraph): { id: string; depth: number; size: number }[] {
  const depth = new Map<string, number>()
  const order: string[] = []
  const visit = (id: string, d: number) => {
    if (depth.has(id)) return
    depth.set(id, d)
    order.push(id)
    for (const means of graph.means.get(id) ?? []) visit(means, d + 1)
  }
  const roots = [...graph.byId.values()].filter((o) => !graph.ends.get(o.id)?.length)
  for (const root of roots.sort(byPosition)) visit(root.id, 0)
  // objectives caught in a cycle that no root reaches still get listed, last
  for (const o of [...graph.byId.values()].sort(byPosition))
    if (!depth.has(o.id)) {
      depth.set(o.id, Infinity)
      order.push(o.id)
    }
  return order.map((id) => ({ id, depth: depth.get(id)!, size: objectiveBranch(graph, id).length }))
}

/** Whether a candidate's stored branch still matches the tree (order aside). */
export function sameObjectives(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((id) => set.has(id))
}

/** Whether a participant has given a valid score to every cell (candidate × criterion). */
export function hasScoredAll(
  candidates: readonly { id: string }[],
  criteria: readonly { id: string }[],
  scores: readonly Pick<Score, 'candidate' | 'criterion' | 'participant' | 'score'>[],
  participant: string,
): boolean {
  if (!candidates.length || !criteria.length) return false
  const mine = new Set(
    scores
      .filter((s) => s.participant === participant && isValidScore(s.score))
      .map((s) => `${s.candidate}|${s.criterion}`),
  )
  return candidates.every((c) => criteria.every((k) => mine.has(`${c.id}|${k.id}`)))
}

/** The record id of one participant's score of one cell: one score per person and cell. */
export function scoreId(candidate: string, criterion: string, participant: string): string {
  return `${candidate}|${criterion}|${participant}`
}

export function isValidScore(score: unknown): score is number {
  return Number.isInteger(score) && (score as number) >= SCORE_MIN && (score as number) <= SCORE_MAX
}

export interface CellResult {
  /** Average of the scores of this candidate on this criterion; null while nobody scored. */
  average: number | null
  count: number
}

export interface CandidateRanking {
  candidate: string
  /** criterion id → average and number of scores. */
  cells: Record<string, CellResult>
  /** Mean of the criterion averages (each criterion weighs the same); null when unscored. */
  average: number | null
  /** How many participants scored this candidate on at least one criterion. */
  scorers: number
  /** 1 = best; candidates with equal averages share a rank; null when unscored. */
  rank: number | null
}

const EPSILON = 1e-9

/**
 * Ranks the candidates by the scores of every participant. All criteria are scored for
 * favourability (5 = best), so higher is better everywhere. Scores of unknown candidates or
 * criteria, and values off the scale, are ignored. Returned best first, unscored last, ties in
 * the order of `candidates`.
 */
export function rankCandidates(
  candidates: readonly Pick<Candidate, 'id'>[],
  criteria: readonly Pick<Criterion, 'id'>[],
  scores: readonly Score[],
): CandidateRanking[] {
  const criterionIds = new Set(criteria.map((c) => c.id))
  // one score per participant and cell, whatever the record ids of an imported board
  const latest = new Map<string, Score>()
  for (const s of scores)
    if (criterionIds.has(s.criterion) && isValidScore(s.score))
      latest.set(scoreId(s.candidate, s.criterion, s.participant), s)

  const rows = candidates.map((candidate): CandidateRanking => {
    const sums = new Map<string, { sum: number; count: number }>()
    const people = new Set<string>()
    for (const s of latest.values()) {
      if (s.candidate !== candidate.id) continue
      const cell = sums.get(s.criterion) ?? { sum: 0, count: 0 }
      cell.sum += s.score
      cell.count += 1
      sums.set(s.criterion, cell)
      people.add(s.participant)
    }
    const cells: Record<string, CellResult> = {}
    const averages: number[] = []
    for (const { id } of criteria) {
      const cell = sums.get(id)
      const average = cell ? cell.sum / cell.count : null
      cells[id] = { average, count: cell?.count ?? 0 }
      if (average !== null) averages.push(average)
    }
    const average = averages.length ? averages.reduce((a, b) => a + b, 0) / averages.length : null
    return { candidate: candidate.id, cells, average, scorers: people.size, rank: null }
  })

  const order = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row.average
      const y = b.row.average
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1
      return Math.abs(x - y) < EPSILON ? a.index - b.index : y - x
    })
    .map(({ row }) => row)
  order.forEach((row, i) => {
    if (row.average === null) return
    const prev = order[i - 1]
    row.rank =
      prev && prev.average !== null && Math.abs(prev.average - row.average) < EPSILON
        ? prev.rank
        : i + 1
  })
  return order
}
