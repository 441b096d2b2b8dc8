/** Turns the raw results of both runs into the printed table and the JSON file. */
import type { BenchConfig } from './config.ts'
import type { ServerStats } from './ipc.ts'
import type { LoadResult, Phase } from './load.ts'

export interface TargetResult {
  name: string
  load: LoadResult
  /** Server stats at each phase; `idle` and `drained` are taken right after a forced GC. */
  server: Partial<Record<Phase | 'idle' | 'final', ServerStats>>
}

const MB = 1024 * 1024

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!
}

export interface Summary {
  latencyMs: { count: number; mean: number; p50: number; p90: number; p99: number; max: number }
  deliveries: { received: number; expected: number; lost: number; duplicates: number }
  measuredSent: number
  skippedSlots: number
  sentTotal: number
  updatesPerSecond: number
  closes: Record<string, number>
  reconnects: number
  unknownEdits: number
  convergedBoards: number
  connectMs: number
  drainMs: number
  server: {
    idleRssMb: number
    idleHeapMb: number
    peakRssMb: number
    peakHeapMb: number
    drainedRssMb: number
    drainedHeapAfterGcMb: number
    cpuPercentMeasured: number
    /** The server's event-loop delay during the measured phase: p99 and the longest stall. */
    loopP99Ms: number
    loopMaxMs: number
    dataDirMb: number | null
  }
  client: { cpuPercent: number; loopDelayP99Ms: number }
  /** CPU of other processes on the machine during the measured phase (% of one core). */
  foreignCpuPercent: number
  unsyncedAtStart: number
}

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)

export function summarize(result: TargetResult): Summary {
  const { load, server } = result
  const lat = load.latencies
  const mean = lat.reduce((s, v) => s + v, 0) / (lat.length || 1)
  const start = server.measureStart
  const end = server.measureEnd
  const cpu =
    start && end
      ? (end.cpuUser + end.cpuSystem - start.cpuUser - start.cpuSystem) / 1000 / load.measuredMs
      : NaN
  const peak = server.final ?? server.drained
  const data = server.final?.dataBytes ?? server.drained?.dataBytes ?? null
  return {
    latencyMs: {
      count: lat.length,
      mean: round(mean),
      p50: round(percentile(lat, 50)),
      p90: round(percentile(lat, 90)),
      p99: round(percentile(lat, 99)),
      max: round(percentile(lat, 100)),
    },
    deliveries: {
      received: load.received,
      expected: load.expected,
      lost: load.expected - load.received,
      duplicates: load.duplicates,
    },
    measuredSent: load.measuredSent,
    skippedSlots: load.skipped,
    sentTotal: load.sent,
    updatesPerSecond: round(load.measuredSent / (load.measuredMs / 1000), 1),
    closes: load.closes,
    reconnects: load.reconnects,
    unknownEdits: load.unknown,
    convergedBoards: load.convergedBoards,
    connectMs: round(load.connectMs, 0),
    drainMs: round(load.drainMs, 0),
    server: {
      idleRssMb: round((server.idle?.rss ?? NaN) / MB, 1),
      idleHeapMb: round((server.idle?.heapUsed ?? NaN) / MB, 1),
      peakRssMb: round((peak?.peakRss ?? NaN) / MB, 1),
      peakHeapMb: round((peak?.peakHeapUsed ?? NaN) / MB, 1),
      drainedRssMb: round((server.drained?.rss ?? NaN) / MB, 1),
      drainedHeapAfterGcMb: round((server.drained?.heapUsed ?? NaN) / MB, 1),
      cpuPercentMeasured: round(cpu * 100, 1),
      loopP99Ms: round(end?.loopDelayP99Ms ?? NaN, 1),
      loopMaxMs: round(end?.loopDelayMaxMs ?? NaN, 1),
      dataDirMb: data === null ? null : round(data / MB, 2),
    },
    foreignCpuPercent: round(
      Math.max(0, load.machineCpuPercent - load.clientCpuPercent - cpu * 100),
      1,
    ),
    unsyncedAtStart: load.unsyncedAtStart,
    client: {
      cpuPercent: round(load.clientCpuPercent, 1),
      loopDelayP99Ms: round(load.clientLoopDelayP99Ms, 1),
    },
  }
}

type Cell = number | string | null

interface Row {
  metric: string
  ours: Cell
  ref: Cell
  /** Numbers to divide for the ratio column, when it makes sense. */
  ratio?: [number, number]
}

function fmt(cell: Cell): string {
  if (cell === null) return '—'
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : 'n/a'
  return cell
}

function closesText(closes: Record<string, number>): string {
  const entries = Object.entries(closes)
  return entries.length ? entries.map(([code, n]) => `${n}×${code}`).join(' ') : 'none'
}

export function table(config: BenchConfig, ours: Summary, ref: Summary): string {
  const pct = (s: Summary) => (s.deliveries.received / (s.deliveries.expected || 1)) * 100
  const del = (s: Summary) =>
    `${s.deliveries.received}/${s.deliveries.expected} (${pct(s).toFixed(2)}%)`
  const num = (metric: string, pick: (s: Summary) => number | null): Row => {
    const a = pick(ours)
    const b = pick(ref)
    return { metric, ours: a, ref: b, ...(a !== null && b !== null ? { ratio: [a, b] } : {}) }
  }
  const rows: Row[] = [
    num('latency p50 (ms)', (s) => s.latencyMs.p50),
    num('latency p90 (ms)', (s) => s.latencyMs.p90),
    num('latency p99 (ms)', (s) => s.latencyMs.p99),
    num('latency max (ms)', (s) => s.latencyMs.max),
    {
      metric: 'deliveries recv/expected',
      ours: del(ours),
      ref: del(ref),
      ratio: [pct(ours), pct(ref)],
    },
    num('deliveries lost', (s) => s.deliveries.lost),
    num('deliveries duplicated', (s) => s.deliveries.duplicates),
    num('edits/s written (measured)', (s) => s.updatesPerSecond),
    num('write slots skipped (bench lag)', (s) => s.skippedSlots),
    num('boards converged', (s) => s.convergedBoards),
    {
      metric: 'connections closed (code)',
      ours: closesText(ours.closes),
      ref: closesText(ref.closes),
    },
    num('reconnects', (s) => s.reconnects),
    num('clients unsynced at measure start', (s) => s.unsyncedAtStart),
    num('server RSS idle (MB)', (s) => s.server.idleRssMb),
    num('server RSS peak (MB)', (s) => s.server.peakRssMb),
    num('server heap peak (MB)', (s) => s.server.peakHeapMb),
    num('server heap idle, after GC (MB)', (s) => s.server.idleHeapMb),
    num('server heap after GC, loaded (MB)', (s) => s.server.drainedHeapAfterGcMb),
    num('server CPU, measured (% core)', (s) => s.server.cpuPercentMeasured),
    num('server loop delay p99 (ms)', (s) => s.server.loopP99Ms),
    num('server loop delay max (ms)', (s) => s.server.loopMaxMs),
    { metric: 'server data dir (MB)', ours: ours.server.dataDirMb, ref: ref.server.dataDirMb },
    num('clients connect+sync (ms)', (s) => s.connectMs),
    num('bench client CPU (% core)', (s) => s.client.cpuPercent),
    num('bench loop delay p99 (ms)', (s) => s.client.loopDelayP99Ms),
    num('other processes CPU (% core)', (s) => s.foreignCpuPercent),
  ]
  const cells = rows.map((r) => {
    const [a, b] = r.ratio ?? [NaN, NaN]
    const ratio = r.ratio && b !== 0 && Number.isFinite(a / b) ? (a / b).toFixed(2) : '—'
    return [r.metric, fmt(r.ours), fmt(r.ref), ratio]
  })
  const header = ['metric', 'Trama', 'reference', 'ratio (ours/ref)']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n')
}

/** Warnings about the run itself (e.g. other processes competing for the CPU). */
export function caveats(ours: Summary, ref: Summary): string[] {
  const out: string[] = []
  for (const [name, s] of [
    ['Trama', ours],
    ['reference', ref],
  ] as const) {
    if (s.foreignCpuPercent > 25)
      out.push(
        `warning: other processes used ${s.foreignCpuPercent}% of a core during the ${name} ` +
          'run; its latencies are not reliable, run again on a quiet machine',
      )
    if (s.client.loopDelayP99Ms > 50)
      out.push(
        `warning: the bench's own event loop lagged (p99 ${s.client.loopDelayP99Ms} ms) during ` +
          `the ${name} run; latencies include client-side delay`,
      )
  }
  return out
}

export function configText(config: BenchConfig): string {
  const total = config.boards * config.clients
  return [
    `boards ${config.boards} × clients ${config.clients} = ${total} connections per server`,
    `each client writes ${config.rate} edits/s (${round(total * config.rate, 1)} edits/s in all, ` +
      `${round(total * config.rate * (config.clients - 1), 1)} deliveries/s expected)`,
    `warm-up ${config.warmupSeconds} s, measured ${config.seconds} s, ` +
      `drain ≤ ${config.drainSeconds} s, seed ${config.seed}, order ${config.order.join(' → ')}`,
    `edits: 20% create card (putCard in problems.nodes), 65% move own card, 15% relabel own card`,
  ].join('\n')
}
