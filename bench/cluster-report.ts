/** The cluster bench's rows: what each run measured, and their table. */
import type { FailoverResult } from './cluster-ipc.ts'
import type { LoadResult } from './load.ts'
import { percentile } from './report.ts'

export type Setup = 'single' | 'cluster'

export const SETUP_TEXT: Record<Setup, string> = {
  single: 'one process, SQLite',
  cluster: 'two instances, PostgreSQL + Redis',
}

/** CPU used during the measured phase, % of one core. */
export interface CpuShares {
  /** The Trama process(es). */
  trama: number
  /** redis-server and PostgreSQL (postmaster and backends); null for the single process. */
  services: number | null
  /** The load generator's own process. */
  loadgen: number
  /** Everything else on the machine (other people's work). */
  other: number
}

export interface SteadyRow {
  round: number
  setup: Setup
  boards: number
  load1: number
  load5: number
  p50: number
  p99: number
  lost: number
  expected: number
  duplicates: number
  converged: number
  /** Write slots the load generator skipped because it fell behind (should be 0). */
  skipped: number
  loadgenLoopP99Ms: number
  cpu: CpuShares
  /** Highest RSS of the Trama process(es), MB each. */
  peakRssMb: number[]
}

export interface FailoverRow extends FailoverResult {
  boards: number
  load1: number
  load5: number
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits))

export function steadyRow(
  base: Pick<SteadyRow, 'round' | 'setup' | 'boards' | 'load1' | 'load5' | 'cpu' | 'peakRssMb'>,
  load: LoadResult,
): SteadyRow {
  return {
    ...base,
    p50: round(percentile(load.latencies, 50)),
    p99: round(percentile(load.latencies, 99)),
    lost: load.expected - load.received,
    expected: load.expected,
    duplicates: load.duplicates,
    converged: load.convergedBoards,
    skipped: load.skipped,
    loadgenLoopP99Ms: round(load.clientLoopDelayP99Ms),
  }
}

const pad = (v: string | number, n: number) => String(v).padStart(n)

export const STEADY_HEADER =
  'round setup                              p50 ms   p99 ms  lost/expected converged' +
  '  Trama %  Redis+PG %  loadgen % (loop p99 ms)  other %  load 1/5'

export function steadyText(r: SteadyRow): string {
  return [
    pad(r.round, 5),
    SETUP_TEXT[r.setup].padEnd(33),
    pad(r.p50, 7),
    pad(r.p99, 8),
    pad(`${r.lost}/${r.expected}`, 14),
    pad(`${r.converged}/${r.boards}`, 9),
    pad(r.cpu.trama, 8),
    pad(r.cpu.services ?? '—', 11),
    pad(`${r.cpu.loadgen} (${r.loadgenLoopP99Ms})`, 24),
    pad(r.cpu.other, 8),
    pad(`${r.load1.toFixed(2)} ${r.load5.toFixed(2)}`, 10),
  ].join(' ')
}

export function failoverText(r: FailoverRow): string[] {
  return [
    `failover: two instances, ${r.boards} boards; the first killed (kill -9) mid-load, its ` +
      `${r.movedClients} clients pointed at the second (all synced again ${r.resyncMs} ms ` +
      `after the kill); load ${r.load1.toFixed(2)} / ${r.load5.toFixed(2)}`,
    `  edits written ${r.written}, acknowledged (relayed to another client) ${r.acknowledged}`,
    `  lost: ${r.lostAcknowledged} acknowledged edits missing from the boards as a fresh ` +
      `instance loads them (${r.lostCards} of their cards); ${r.lostWritten} of all written`,
    `  boards converged ${r.convergedBoards}/${r.boards}, live clients differing from the ` +
      `stored board ${r.divergentClients}; load generator ${r.clientCpuPercent} % CPU, ` +
      `loop p99 ${r.clientLoopDelayP99Ms} ms`,
  ]
}

/** Problems that make a run's figures unreliable or wrong, to print after the table. */
export function warnings(rows: SteadyRow[], failover: FailoverRow | null): string[] {
  const out: string[] = []
  for (const r of rows) {
    const what = `round ${r.round}, ${SETUP_TEXT[r.setup]}`
    if (r.lost || r.converged !== r.boards)
      out.push(`${what}: ${r.lost} deliveries lost, ${r.converged}/${r.boards} converged`)
    if (r.skipped || r.loadgenLoopP99Ms > 50)
      out.push(
        `${what}: the load generator lagged (loop p99 ${r.loadgenLoopP99Ms} ms, ` +
          `${r.skipped} write slots skipped): latencies include its delay`,
      )
  }
  if (failover && (failover.lostAcknowledged || failover.lostCards))
    out.push(`failover: ${failover.lostAcknowledged} acknowledged edits LOST`)
  if (failover && failover.lostWritten)
    out.push(`failover: ${failover.lostWritten} edits never stored (their clients did not resend)`)
  if (failover && failover.divergentClients)
    out.push(`failover: ${failover.divergentClients} live clients differ from the stored board`)
  if (failover && failover.convergedBoards !== failover.boards)
    out.push(`failover: only ${failover.convergedBoards}/${failover.boards} boards converged`)
  return out
}
