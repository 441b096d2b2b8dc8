/** The logframe's rows as stored, read into plain rows, grouped and reordered by level. */
import { LOGFRAME_LEVELS, type LogframeLevel } from '../schema/vocabulary.ts'
import type { LogframeRow } from './logframe.ts'

type Loose = { id: string } & Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

export function isLogframeLevel(v: unknown): v is LogframeLevel {
  return (LOGFRAME_LEVELS as readonly unknown[]).includes(v)
}

/** Rows of a known level, in table order: by level, then order, then id. */
export function readLogframeRows(items: readonly Loose[]): LogframeRow[] {
  const rank = (level: LogframeLevel) => LOGFRAME_LEVELS.indexOf(level)
  return items
    .filter((r) => isLogframeLevel(r.level))
    .map((r) => ({
      id: r.id,
      level: r.level as LogframeLevel,
      objective: typeof r.objective === 'string' ? r.objective : null,
      text: str(r.text),
      indicators: str(r.indicators),
      sources: str(r.sources),
      assumptions: str(r.assumptions),
      order: typeof r.order === 'number' && Number.isFinite(r.order) ? r.order : 0,
    }))
    .sort(
      (a, b) =>
        rank(a.level) - rank(b.level) ||
        a.order - b.order ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
}

export function rowsByLevel(rows: readonly LogframeRow[]): Record<LogframeLevel, LogframeRow[]> {
  const out = Object.fromEntries(LOGFRAME_LEVELS.map((l) => [l, []])) as unknown as Record<
    LogframeLevel,
    LogframeRow[]
  >
  for (const row of rows) out[row.level].push(row)
  return out
}

/** The `order` of a row added at the end of its level. */
export function nextRowOrder(rows: readonly LogframeRow[], level: LogframeLevel): number {
  return rows.filter((r) => r.level === level).reduce((max, r) => Math.max(max, r.order), -1) + 1
}

/**
 * The order patches that move a row one step up (-1) or down (+1) inside its level; the level
 * is renumbered 0..n-1 so rows that shared an order are told apart from then on.
 */
export function moveRow(
  rows: readonly LogframeRow[],
  id: string,
  step: -1 | 1,
): Map<string, number> {
  const row = rows.find((r) => r.id === id)
  const patches = new Map<string, number>()
  if (!row) return patches
  const level = rows.filter((r) => r.level === row.level)
  const from = level.indexOf(row)
  const to = from + step
  if (to < 0 || to >= level.length) return patches
  ;[level[from], level[to]] = [level[to]!, level[from]!]
  level.forEach((r, order) => {
    if (r.order !== order) patches.set(r.id, order)
  })
  return patches
}
