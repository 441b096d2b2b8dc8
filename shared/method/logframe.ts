/**
 * The logframe (quadro logico) of the chosen strategy: how a branch of the objective tree maps
 * onto its levels, and how a regeneration merges with what people already wrote.
 */
import { LOGFRAME_LEVELS, type LogframeLevel } from '../schema/vocabulary.ts'
import type { ObjectiveGraph } from './strategy.ts'

export interface LogframeRow {
  id: string
  level: LogframeLevel
  /** The objective the row was generated from; null for a row added by hand. */
  objective: string | null
  text: string
  indicators: string
  sources: string
  assumptions: string
  order: number
}

/** A row the chosen branch calls for. */
export interface ProposedRow {
  level: LogframeLevel
  objective: string
  text: string
}

/**
 * Maps a branch (its top first) onto the logframe: the overall objective is the end(s) the top
 * serves (the top itself when it serves none), the specific objective is the top, the results
 * are its direct means and the activities the means of the results. Deeper means are listed as
 * activities too, under the result they lead to, so nothing of the chosen branch is dropped.
 * Only objectives still in the branch and alive in the tree are used.
 */
export function logframeFromBranch(
  graph: ObjectiveGraph,
  branch: readonly string[],
): ProposedRow[] {
  const top = branch[0]
  if (top === undefined || !graph.byId.has(top)) return []
  const inBranch = new Set(branch.filter((id) => graph.byId.has(id)))
  const row = (level: LogframeLevel, objective: string): ProposedRow => ({
    level,
    objective,
    text: graph.byId.get(objective)!.label,
  })
  const ends = (graph.ends.get(top) ?? []).filter((id) => !inBranch.has(id))
  const rows = (ends.length ? ends : [top]).map((id) => row('overall', id))
  rows.push(row('specific', top))

  const placed = new Set([top])
  const results = (graph.means.get(top) ?? []).filter((id) => inBranch.has(id))
  for (const id of results) placed.add(id)
  rows.push(...results.map((id) => row('result', id)))
  // depth first under each result, so a result's activities stay together
  const activities: string[] = []
  const visit = (id: string) => {
    for (const means of graph.means.get(id) ?? [])
      if (inBranch.has(means) && !placed.has(means)) {
        placed.add(means)
        activities.push(means)
        visit(means)
      }
  }
  results.forEach(visit)
  rows.push(...activities.map((id) => row('activity', id)))
  return rows
}

/**
 * The objectives of a proposed logframe still worded as the problem they came from (status
 * `to-reword`): generated now, their rows would carry a problem's words as an objective.
 */
export function stillToReword(graph: ObjectiveGraph, proposal: readonly ProposedRow[]): string[] {
  const ids = new Set(proposal.map((p) => p.objective))
  return [...ids].filter((id) => graph.byId.get(id)?.status === 'to-reword')
}

/** Generated rows have a stable id, so two people generating at once make the same rows. */
export function logframeRowId(level: LogframeLevel, objective: string): string {
  return `${level}:${objective}`
}

export interface LogframePlan {
  /** Rows to create, complete. */
  create: LogframeRow[]
  /** Kept rows whose text was empty, filled with their objective's words. */
  fill: { id: string; text: string }[]
  /** Generated rows nobody touched whose objective left the strategy. */
  remove: string[]
  /** Rows kept as they are. */
  kept: number
}

const blank = (s: string) => s.trim() === ''

/**
 * Merges a proposal into the existing rows without destroying anyone's words: rows that match
 * (same level and objective) are kept as they are, missing ones are added at the end of their
 * level, and only generated rows still exactly as generated (text = the objective's label or
 * empty, nothing else written) are removed when their objective is no longer proposed.
 */
export function planLogframe(
  existing: readonly LogframeRow[],
  proposed: readonly ProposedRow[],
  labels: ReadonlyMap<string, string>,
  newId: () => string,
): LogframePlan {
  const key = (level: string, objective: string | null) => `${level}|${objective}`
  const wanted = new Set(proposed.map((p) => key(p.level, p.objective)))
  const byKey = new Map<string, LogframeRow>()
  const ids = new Set<string>()
  const plan: LogframePlan = { create: [], fill: [], remove: [], kept: 0 }
  for (const row of existing) {
    ids.add(row.id)
    const k = key(row.level, row.objective)
    const untouched =
      blank(row.indicators) &&
      blank(row.sources) &&
      blank(row.assumptions) &&
      (blank(row.text) || row.text === labels.get(row.objective ?? ''))
    if (row.objective !== null && !wanted.has(k) && untouched) plan.remove.push(row.id)
    else {
      plan.kept++
      if (!byKey.has(k)) byKey.set(k, row)
    }
  }
  const nextOrder = new Map<LogframeLevel, number>()
  for (const level of LOGFRAME_LEVELS)
    nextOrder.set(
      level,
      existing
        .filter((r) => r.level === level && !plan.remove.includes(r.id))
        .reduce((max, r) => Math.max(max, r.order), -1) + 1,
    )
  for (const p of proposed) {
    const found = byKey.get(key(p.level, p.objective))
    if (found) {
      if (blank(found.text) && !blank(p.text)) plan.fill.push({ id: found.id, text: p.text })
      continue
    }
    let id = logframeRowId(p.level, p.objective)
    if (ids.has(id)) id = newId()
    ids.add(id)
    const order = nextOrder.get(p.level)!
    nextOrder.set(p.level, order + 1)
    plan.create.push({
      id,
      level: p.level,
      objective: p.objective,
      text: p.text,
      indicators: '',
      sources: '',
      assumptions: '',
      order,
    })
  }
  return plan
}
