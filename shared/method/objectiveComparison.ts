import type { ObjectiveStatus, ProblemRole } from '../schema/index.ts'

/**
 * The side-by-side reading of the inversion: each problem next to the objective it became, in
 * the order of the tree (ends on top, then the core, then the means), then the objectives the
 * group added and those whose problem is gone.
 */
export interface ComparedProblem {
  id: string
  label: string
  role: ProblemRole
  x: number
  y: number
}
export interface ComparedObjective {
  id: string
  label: string
  status: ObjectiveStatus
  derivedFrom: string | null
  problemRemoved?: boolean
  x: number
  y: number
}

/** Where a row sits: the problem's role, or why the objective has no problem beside it. */
export type ComparisonGroup = 'end' | 'core' | 'means' | 'added' | 'orphan'
export const COMPARISON_GROUPS: readonly ComparisonGroup[] = [
  'end',
  'core',
  'means',
  'added',
  'orphan',
]

export interface ComparisonRow {
  key: string
  group: ComparisonGroup
  problem: ComparedProblem | null
  /** null: the problem has no objective yet (never generated, or deleted). */
  objective: ComparedObjective | null
}

const GROUP_OF_ROLE: Record<ProblemRole, ComparisonGroup> = {
  effect: 'end',
  core: 'core',
  cause: 'means',
}

/** Reading order of a tree on the board: top to bottom, then left to right. */
const byPosition = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.y - b.y || a.x - b.x

export function compareTrees(
  problems: ComparedProblem[],
  objectives: ComparedObjective[],
): ComparisonRow[] {
  const problemIds = new Set(problems.map((p) => p.id))
  const derived = new Map<string, ComparedObjective[]>()
  for (const o of objectives)
    if (o.derivedFrom !== null && problemIds.has(o.derivedFrom))
      derived.set(o.derivedFrom, [...(derived.get(o.derivedFrom) ?? []), o])

  const rows: ComparisonRow[] = []
  for (const p of [...problems].sort(byPosition)) {
    const group = GROUP_OF_ROLE[p.role] ?? 'means'
    const mine = derived.get(p.id)
    if (!mine) rows.push({ key: `p:${p.id}`, group, problem: p, objective: null })
    else
      for (const o of mine.sort(byPosition))
        rows.push({ key: `o:${o.id}`, group, problem: p, objective: o })
  }
  for (const o of [...objectives].sort(byPosition)) {
    if (o.derivedFrom === null)
      rows.push({ key: `o:${o.id}`, group: 'added', problem: null, objective: o })
    else if (!problemIds.has(o.derivedFrom))
      rows.push({ key: `o:${o.id}`, group: 'orphan', problem: null, objective: o })
  }
  const order = (g: ComparisonGroup) => COMPARISON_GROUPS.indexOf(g)
  // stable sort: the reading order inside each group stays
  return rows.sort((a, b) => order(a.group) - order(b.group))
}
