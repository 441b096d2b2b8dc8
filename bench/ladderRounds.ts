/**
 * The ladder's rounds: each step's runs of one server, taken together. One run's p99 on a shared
 * two-core machine moves with whatever else runs there (the reference's own p99 at 75 × 10 went
 * from 32 to 60 ms within an hour), so the ladder runs every step several times, interleaved,
 * and judges each server on the median of its runs: the median p99 under the limit, and nothing
 * lost and every board converged in every run (a loss is never averaged away).
 */
import type { TargetName } from './config.ts'
import type { Summary } from './report.ts'

export interface Row {
  boards: number
  target: TargetName
  load1: number
  load5: number
  summary: Summary
  ok: boolean
}

/** One step of one server over the rounds: the median row, and every run's p99. */
export interface StepResult {
  boards: number
  target: TargetName
  /** Medians of the runs (lost: the most any run lost; converged: the fewest). */
  row: Row
  /** Each run's p99, in the order they ran; a run that failed counts as Infinity. */
  p99s: number[]
  failedRuns: number
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const round2 = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : n)

/**
 * The step's verdict over its runs (`rows`: every run of this server at this step) and its
 * failed runs (a server that stopped answering). Not ok when the median p99 is not under
 * `limitMs`, when any run lost an update or left a board unconverged, or when half the runs or
 * more failed.
 */
export function stepResult(
  boards: number,
  target: TargetName,
  rows: readonly Row[],
  failedRuns: number,
  limitMs: number,
): StepResult | null {
  if (!rows.length) return null
  const m = (pick: (s: Summary) => number) => round2(median(rows.map((r) => pick(r.summary))))
  const p99s = [...rows.map((r) => r.summary.latencyMs.p99), ...Array(failedRuns).fill(Infinity)]
  const first = rows[0]!.summary
  const summary: Summary = {
    ...first,
    latencyMs: {
      ...first.latencyMs,
      p50: m((s) => s.latencyMs.p50),
      p99: round2(median(p99s)),
      max: Math.max(...rows.map((r) => r.summary.latencyMs.max)),
    },
    deliveries: {
      ...first.deliveries,
      lost: Math.max(...rows.map((r) => r.summary.deliveries.lost)),
      expected: Math.round(median(rows.map((r) => r.summary.deliveries.expected))),
    },
    convergedBoards: Math.min(...rows.map((r) => r.summary.convergedBoards)),
    server: {
      ...first.server,
      idleRssMb: m((s) => s.server.idleRssMb),
      peakRssMb: m((s) => s.server.peakRssMb),
      drainedHeapAfterGcMb: m((s) => s.server.drainedHeapAfterGcMb),
      cpuPercentMeasured: m((s) => s.server.cpuPercentMeasured),
      loopP99Ms: m((s) => s.server.loopP99Ms),
      loopMaxMs: m((s) => s.server.loopMaxMs),
    },
    foreignCpuPercent: m((s) => s.foreignCpuPercent),
  }
  const ok =
    summary.latencyMs.p99 < limitMs &&
    summary.deliveries.lost === 0 &&
    summary.convergedBoards === boards &&
    failedRuns * 2 < p99s.length
  return {
    boards,
    target,
    row: {
      boards,
      target,
      load1: round2(median(rows.map((r) => r.load1))),
      load5: round2(median(rows.map((r) => r.load5))),
      summary,
      ok,
    },
    p99s,
    failedRuns,
  }
}

/** The largest step a server passed (0 when none): of the medians' rows, or of one round's. */
export function capacityOf(
  rows: readonly Pick<Row, 'boards' | 'target' | 'ok'>[],
  target: TargetName,
): number {
  let best = 0
  for (const r of rows) if (r.target === target && r.ok) best = Math.max(best, r.boards)
  return best
}
