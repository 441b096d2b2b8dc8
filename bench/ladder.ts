/**
 * Capacity ladder: Trama and the reference y-websocket server (@y/websocket-server, from its
 * package, in memory) under 12, 25, 50, 75, 100 boards × 10 clients at 4 edits/s, interleaved
 * (the order alternates at every step, so neither always runs on a warmer or busier machine),
 * with the load average printed beside each row. Capacity: the largest step with p99 under
 * 50 ms, nothing lost and every board converged.
 *
 * Every step runs `--rounds` times (default 3): round after round through the whole ladder, the
 * order alternating, and each server is judged on the median of its runs at a step
 * (bench/ladderRounds.ts): one run on a shared machine says as much about the machine as about
 * the server.
 *
 * Run: `npm run bench [-- --steps 12,25,50 --rounds 3 --seconds 10 …]`. Each server runs
 * compiled, in its own child process; the clients run in this process. Results: stdout and
 * bench-results/ladder.json. Then the cluster bench (bench/cluster.ts) runs with the same
 * clients, rate and timing, unless `--no-cluster`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { killAllChildren } from './child.ts'
import { CLUSTER_USAGE, parseClusterArgs, runClusterBench, stopCluster } from './cluster.ts'
import { parseConfig, USAGE, type BenchConfig, type TargetName } from './config.ts'
import { capacityOf, stepResult, type Row, type StepResult } from './ladderRounds.ts'
import { summarize, type Summary } from './report.ts'
import { runTarget, TARGETS } from './targets.ts'

const root = join(import.meta.dirname, '..')
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const P99_LIMIT_MS = 50
const DEFAULT_STEPS = [12, 25, 50, 75, 100]
const DEFAULT_ROUNDS = 3

function parseSteps(argv: string[]): { steps: number[]; rounds: number; rest: string[] } {
  const rest: string[] = []
  let steps = DEFAULT_STEPS
  let rounds = DEFAULT_ROUNDS
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const match = /^--(steps|rounds)(?:=(.*))?$/.exec(arg)
    if (!match) {
      rest.push(arg)
      continue
    }
    const raw = match[2] ?? argv[++i] ?? ''
    if (match[1] === 'rounds') {
      rounds = Number(raw)
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 9)
        throw new Error(`--rounds: expected a whole number from 1 to 9, got "${raw}"`)
      continue
    }
    steps = raw.split(',').map((n) => Number(n.trim()))
    if (!steps.length || steps.some((n) => !Number.isInteger(n) || n < 1 || n > 200))
      throw new Error(`--steps: expected boards per step such as 12,25,50, got "${raw}"`)
  }
  return { steps, rounds, rest }
}

const pad = (v: string | number, n: number) => String(v).padStart(n)

function rowText(r: Row): string {
  const s = r.summary
  const lost = `${s.deliveries.lost}/${s.deliveries.expected}`
  return [
    pad(r.boards, 6),
    r.target.padEnd(9),
    pad(s.latencyMs.p50, 9),
    pad(s.latencyMs.p99, 9),
    pad(lost, 14),
    pad(`${s.convergedBoards}/${r.boards}`, 9),
    pad(s.server.idleRssMb, 8),
    pad(s.server.peakRssMb, 8),
    pad(s.server.drainedHeapAfterGcMb, 8),
    pad(s.server.cpuPercentMeasured, 6),
    pad(`${s.server.loopP99Ms}/${s.server.loopMaxMs}`, 11),
    pad(s.foreignCpuPercent, 7),
    pad(`${r.load1.toFixed(2)} ${r.load5.toFixed(2)}`, 10),
    r.ok ? '  ok' : '  over',
  ].join(' ')
}

const HEADER = [
  'boards target    p50 (ms)  p99 (ms)  lost/expected converged',
  'RSS idle RSS peak  heap GC  CPU % loop p99/max other %   load 1/5 verdict',
].join(' ')

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(
      `${USAGE}\n  --steps    boards per step, default ${DEFAULT_STEPS.join(',')}\n` +
        `  --rounds   runs of every step, the median judged, default ${DEFAULT_ROUNDS}\n` +
        CLUSTER_USAGE,
    )
    return
  }
  const { cluster, rest: ladderArgs } = parseClusterArgs(process.argv.slice(2))
  const { steps, rounds, rest } = parseSteps(ladderArgs)
  const base: BenchConfig = parseConfig(
    rest.length ? rest : ['--seconds', '10', '--warmup', '2'],
    process.env,
  )
  process.setMaxListeners(Math.max(...steps) * base.clients + 20)
  const perRun = base.warmupSeconds + base.seconds + base.drainSeconds + 75
  const budgetS = rounds * steps.length * 2 * perRun
  const watchdog = setTimeout(() => {
    console.error(`ladder did not finish within ${budgetS} s: aborting`)
    killAllChildren().finally(() => process.exit(1))
  }, budgetS * 1000)
  watchdog.unref()
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      Promise.allSettled([killAllChildren(), stopCluster()]).finally(() => process.exit(130))
    })

  console.log(
    `Capacity ladder: ${steps.join(', ')} boards × ${base.clients} clients × ${base.rate} ` +
      `edits/s; warm-up ${base.warmupSeconds} s, measured ${base.seconds} s; ` +
      `p99 limit ${P99_LIMIT_MS} ms; ${rounds} round${rounds > 1 ? 's' : ''}, each step judged ` +
      `on the median of its runs`,
  )
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  )
  if (process.env.BENCH_STORE === 'memory')
    console.log('Trama keeps its boards in memory (BENCH_STORE=memory): a diagnostic, not storing')
  const rows: (Row & { round: number })[] = []
  const failures: { boards: number; target: TargetName; round: number; error: string }[] = []
  for (let round = 1; round <= rounds; round++) {
    for (const [i, boards] of steps.entries()) {
      const order: TargetName[] =
        (i + round) % 2 === 1 ? ['trama', 'reference'] : ['reference', 'trama']
      for (const name of order) {
        collectGarbage()
        await new Promise((r) => setTimeout(r, 1_000))
        const [load1, load5] = loadavg() as [number, number]
        const config = { ...base, boards, order }
        let summary: Summary
        try {
          summary = summarize(
            await runTarget(
              TARGETS.find((t) => t.name === name)!,
              config,
              { light: true },
            ),
          )
        } catch (err) {
          // A server that stops answering under load fails its run, not the whole ladder.
          console.error(`[${name}] ${boards} boards, round ${round}: ${(err as Error).message}`)
          await killAllChildren()
          failures.push({ boards, target: name, round, error: (err as Error).message })
          continue
        }
        const ok =
          summary.latencyMs.p99 < P99_LIMIT_MS &&
          summary.deliveries.lost === 0 &&
          summary.convergedBoards === boards
        const row = { boards, target: name, load1, load5, summary, ok, round }
        rows.push(row)
        // Printed as it comes, so an aborted ladder still shows its finished rows.
        console.log(`\nround ${round} of ${rounds}\n${HEADER}\n${rowText(row)}`)
      }
    }
  }

  console.log(`\nEvery run\n${HEADER}\n${rows.map(rowText).join('\n')}`)
  for (const f of failures)
    console.log(`${pad(f.boards, 6)} ${f.target.padEnd(9)} failed in round ${f.round}: ${f.error}`)
  const results: StepResult[] = []
  for (const boards of steps)
    for (const target of ['trama', 'reference'] as const) {
      const failed = failures.filter((f) => f.boards === boards && f.target === target).length
      const ran = rows.filter((r) => r.boards === boards && r.target === target)
      const result = stepResult(boards, target, ran, failed, P99_LIMIT_MS)
      if (result) results.push(result)
    }
  const runsText = (r: StepResult) =>
    `  p99 of the runs: ${r.p99s.map((v) => (Number.isFinite(v) ? v : 'failed')).join(', ')}`
  console.log(
    `\nMedian of the ${rounds} run${rounds > 1 ? 's' : ''} of each step (lost: the most any ` +
      `run lost; converged: the fewest)\n${HEADER}\n` +
      results.map((r) => rowText(r.row) + (rounds > 1 ? runsText(r) : '')).join('\n'),
  )
  const medians = results.map((r) => r.row)
  const capacity = {
    trama: capacityOf(medians, 'trama'),
    reference: capacityOf(medians, 'reference'),
  }
  console.log(
    `\ncapacity (largest step whose median p99 < ${P99_LIMIT_MS} ms, nothing lost and all ` +
      `converged in every run): Trama ${capacity.trama} boards, reference ` +
      `${capacity.reference} boards (× ${base.clients} clients)`,
  )
  if (rounds > 1) {
    const inRound = (round: number, target: TargetName) =>
      capacityOf(
        rows.filter((r) => r.round === round),
        target,
      )
    const each = Array.from({ length: rounds }, (_, i) => i + 1)
    console.log(
      `each round alone: Trama ${each.map((r) => inRound(r, 'trama')).join('/')}, reference ` +
        `${each.map((r) => inRound(r, 'reference')).join('/')}`,
    )
  }
  console.log(
    'CPU % and RSS are the server process; "other %" is the rest of the machine beside the ' +
      'server and the bench clients (above ~25 % the latencies are not reliable).',
  )
  const outDir = join(root, 'bench-results')
  mkdirSync(outDir, { recursive: true })
  const outFile = join(outDir, 'ladder.json')
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        config: { ...base, steps, rounds },
        capacity,
        medians: results,
        rows,
        failures,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`Results written to ${outFile}`)
  clearTimeout(watchdog)
  if (cluster.enabled) await runClusterBench(base, cluster)
  else console.log('\nCluster bench skipped (--no-cluster).')
}

main().then(
  () => process.exit(0),
  async (err: Error) => {
    console.error(err.stack ?? err.message)
    await Promise.allSettled([killAllChildren(), stopCluster()])
    process.exit(1)
  },
)
