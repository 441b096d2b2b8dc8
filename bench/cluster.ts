/**
 * Cluster benchmark: the same steady load (default 12 boards × 10 clients × 4 edits/s) on
 * Trama as one process (SQLite) and as two compiled instances sharing a real redis-server and
 * PostgreSQL, each board's clients split between the two, interleaved over rounds with the load
 * average beside each row; then a failover run: two instances under load, one killed with
 * `kill -9` mid-load, its clients pointed at the other, and every edit that reached another
 * client looked up on a fresh instance (must be 0 lost).
 *
 * The load generator is a process of its own (bench/cluster-load.ts); Redis and PostgreSQL
 * start on free loopback ports in temporary folders (tests/helpers/realServers.ts) and
 * everything is stopped at the end, on error or on a signal. `npm run bench` runs it after the
 * ladder (`--no-cluster` skips it); alone: `npx tsx bench/cluster.ts [--seconds 10 …]`.
 * Results: stdout and bench-results/cluster.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  startPostgres,
  startRedis,
  type RealPostgres,
  type RealRedis,
} from '../tests/helpers/realServers.ts'
import { killAllChildren, ServerChild } from './child.ts'
import { LoadChild, type BoardAccess, type RunRequest } from './cluster-ipc.ts'
import {
  failoverText,
  STEADY_HEADER,
  steadyRow,
  steadyText,
  warnings,
  type FailoverRow,
  type Setup,
  type SteadyRow,
} from './cluster-report.ts'
import { parseConfig, USAGE, type BenchConfig } from './config.ts'
import type { ServerStats } from './ipc.ts'
import { treeCpuMs } from './procstat.ts'
import { createBoard } from './targets.ts'
import { machineCpu, sleep } from './util.ts'

const root = join(import.meta.dirname, '..')

export interface ClusterOptions {
  enabled: boolean
  boards: number
  rounds: number
}

export const CLUSTER_USAGE = `  --no-cluster       skip the cluster bench (it runs after the ladder)
  --cluster-boards   boards of the cluster bench, default 12 (× --clients at --rate)
  --cluster-rounds   single-process / two-instance rounds, interleaved, default 2`

/** Takes the cluster bench's flags out of `argv`; the rest goes to the ladder. */
export function parseClusterArgs(argv: string[]): { cluster: ClusterOptions; rest: string[] } {
  const cluster: ClusterOptions = { enabled: true, boards: 12, rounds: 2 }
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--no-cluster') {
      cluster.enabled = false
      continue
    }
    const match = /^--cluster-(boards|rounds)(?:=(.*))?$/.exec(arg)
    if (!match) {
      rest.push(arg)
      continue
    }
    const raw = match[2] ?? argv[++i] ?? ''
    const value = Number(raw)
    const max = match[1] === 'boards' ? 100 : 10
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new Error(`--cluster-${match[1]}: expected an integer in [1, ${max}], got "${raw}"`)
    cluster[match[1] as 'boards' | 'rounds'] = value
  }
  return { cluster, rest }
}

/** What is running now, so that any way out stops it. */
const running: { redis?: RealRedis; postgres?: RealPostgres; load?: LoadChild } = {}

/** Stops the load generator, every server child, Redis and PostgreSQL (safe to call twice). */
export async function stopCluster(): Promise<void> {
  const { redis, postgres, load } = running
  delete running.redis
  delete running.postgres
  delete running.load
  await load?.kill()
  await killAllChildren()
  await Promise.allSettled([redis?.stop(true), postgres?.stop()])
}

/** CPU counters of the processes under test, read together. */
function cpuSample(servers: ServerStats[], withServices: boolean) {
  const services = withServices
    ? (treeCpuMs(running.redis!.pid) ?? NaN) + (treeCpuMs(running.postgres!.pid) ?? NaN)
    : null
  const trama = servers.reduce((sum, s) => sum + (s.cpuUser + s.cpuSystem) / 1000, 0)
  return { trama, services, machine: machineCpu() }
}

async function newBoards(urls: string[], n: number): Promise<BoardAccess[]> {
  const boards: BoardAccess[] = []
  for (let b = 0; b < n; b++) {
    const created = await createBoard(urls[b % urls.length]!, `Bench cluster ${b + 1}`)
    boards.push({ id: created.id, key: created.keys.participant })
  }
  return boards
}

/** Compiled instances on a database of their own; `more` starts another on it. */
async function startInstances(names: string[]) {
  const env = {
    BENCH_DATABASE_URL: await running.postgres!.freshDatabase(),
    BENCH_REDIS_URL: running.redis!.url,
  }
  const more = (name: string) => ServerChild.spawn(name, 'cluster-server.ts', env)
  const servers: ServerChild[] = []
  for (const name of names) servers.push(await more(name))
  return { servers, more }
}

async function steadyRun(setup: Setup, config: BenchConfig, roundNo: number): Promise<SteadyRow> {
  const [load1, load5] = loadavg() as [number, number]
  const servers =
    setup === 'single'
      ? [await ServerChild.spawn('trama', 'trama-server.ts')]
      : (await startInstances(['trama-a', 'trama-b'])).servers
  const load = (running.load = await LoadChild.spawn())
  try {
    const urls = servers.map((s) => s.url)
    console.log(`[round ${roundNo}, ${setup}] servers ${urls.join(' ')}, load pid ${load.pid}`)
    const boards = await newBoards(urls, config.boards)
    const request: RunRequest = { kind: 'steady', config, boards, urls }
    let start: ReturnType<typeof cpuSample> | null = null
    let end: ReturnType<typeof cpuSample> | null = null
    const sample = async () =>
      cpuSample(await Promise.all(servers.map((s) => s.request('stats'))), setup === 'cluster')
    const { steady } = await load.run(request, async (phase) => {
      if (phase === 'measureStart') start = await sample()
      if (phase === 'measureEnd') end = await sample()
    })
    const final = await Promise.all(servers.map((s) => s.request('stats')))
    if (!steady || !start || !end) throw new Error('the load generator reported no result')
    const [s0, s1] = [start as ReturnType<typeof cpuSample>, end as ReturnType<typeof cpuSample>]
    const ms = steady.measuredMs
    const pct = (cpuMs: number) => Math.round((cpuMs / ms) * 1000) / 10
    const machine =
      ((s1.machine.busy - s0.machine.busy) / (s1.machine.total - s0.machine.total)) *
      cpus().length *
      100
    const trama = pct(s1.trama - s0.trama)
    const services = s0.services === null ? null : pct(s1.services! - s0.services)
    const loadgen = Math.round(steady.clientCpuPercent * 10) / 10
    const other = Math.max(0, Math.round((machine - trama - (services ?? 0) - loadgen) * 10) / 10)
    return steadyRow(
      {
        round: roundNo,
        setup,
        boards: config.boards,
        load1,
        load5,
        cpu: { trama, services, loadgen, other },
        peakRssMb: final.map((s) => Math.round(s.peakRss / 2 ** 20)),
      },
      steady,
    )
  } finally {
    await load.kill()
    await Promise.all(servers.map((s) => s.stop()))
  }
}

async function failoverRun(config: BenchConfig): Promise<FailoverRow> {
  const [load1, load5] = loadavg() as [number, number]
  const { servers, more } = await startInstances(['trama-a', 'trama-b'])
  const [victim, survivor] = servers as [ServerChild, ServerChild]
  const load = (running.load = await LoadChild.spawn())
  try {
    console.log(`[failover] servers ${victim.url} ${survivor.url}, load pid ${load.pid}`)
    const boards = await newBoards([survivor.url], config.boards)
    const urls: [string, string] = [victim.url, survivor.url]
    const { failover } = await load.run({ kind: 'failover', config, boards, urls }, async (p) => {
      if (p === 'killNow') {
        console.log(`[failover] kill -9 ${victim.name} (pid ${victim.pid})`)
        await victim.kill()
      } else if (p === 'converged') {
        // a fresh instance reads the boards from PostgreSQL
        const checker = await more('trama-check')
        servers.push(checker)
        return checker.url
      }
    })
    if (!failover) throw new Error('the load generator reported no result')
    return { ...failover, boards: config.boards, load1, load5 }
  } finally {
    await load.kill()
    await Promise.all(servers.map((s) => s.stop()))
  }
}

/** Starts Redis and PostgreSQL; false (and a message) when either is not installed. */
async function startServices(): Promise<boolean> {
  try {
    running.redis = await startRedis()
    running.postgres = await startPostgres()
    return true
  } catch (err) {
    const message = (err as Error).message
    if (!/is missing/.test(message)) throw err
    console.log(`\nCluster bench skipped: ${message}`)
    return false
  }
}

/**
 * Runs the cluster bench with the ladder's clients, rate and timing and `options.boards`
 * boards. Returns false when it was skipped (Redis or PostgreSQL not installed).
 */
export async function runClusterBench(
  base: BenchConfig,
  options: ClusterOptions,
): Promise<boolean> {
  const config: BenchConfig = { ...base, boards: options.boards }
  const perRun = config.warmupSeconds + config.seconds + config.drainSeconds + 60
  const budgetS = 60 + perRun * (options.rounds * 2 + 1)
  const watchdog = setTimeout(() => {
    console.error(`cluster bench did not finish within ${budgetS} s: aborting`)
    stopCluster().finally(() => process.exit(1))
  }, budgetS * 1000)
  watchdog.unref()
  try {
    console.log(
      `\nCluster bench: ${config.boards} boards × ${config.clients} clients × ${config.rate} ` +
        `edits/s; one process (SQLite) and two instances (PostgreSQL + Redis, each board's ` +
        `clients split between them), ${options.rounds} interleaved rounds, then a failover run; ` +
        `warm-up ${config.warmupSeconds} s, measured ${config.seconds} s`,
    )
    if (!(await startServices())) return false
    const rows: SteadyRow[] = []
    for (let r = 0; r < options.rounds; r++) {
      const order: Setup[] = r % 2 === 0 ? ['single', 'cluster'] : ['cluster', 'single']
      for (const setup of order) {
        await sleep(1_000)
        const row = await steadyRun(setup, config, r + 1)
        rows.push(row)
        console.log(`${STEADY_HEADER}\n${steadyText(row)}`)
      }
    }
    await sleep(1_000)
    const failover = await failoverRun(config)

    console.log(`\n${STEADY_HEADER}\n${rows.map(steadyText).join('\n')}\n`)
    console.log(failoverText(failover).join('\n'))
    console.log(
      'CPU is % of one core during the measured phase: the Trama process(es), redis-server and ' +
        'PostgreSQL (all its processes), the load generator (its own process) and the rest of ' +
        'the machine; for two instances about 5 of the 9 deliveries of each edit cross them.',
    )
    for (const line of warnings(rows, failover)) console.log(`warning: ${line}`)
    const outDir = join(root, 'bench-results')
    mkdirSync(outDir, { recursive: true })
    const outFile = join(outDir, 'cluster.json')
    const json = { date: new Date().toISOString(), node: process.version, config, rows, failover }
    writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n')
    console.log(`Results written to ${outFile}`)
    return true
  } finally {
    clearTimeout(watchdog)
    await stopCluster()
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`${USAGE.replace('bench/server.ts', 'bench/cluster.ts')}\n${CLUSTER_USAGE}`)
    return
  }
  let cluster: ClusterOptions
  let base: BenchConfig
  try {
    const parsed = parseClusterArgs(argv)
    cluster = parsed.cluster
    const rest = parsed.rest.length ? parsed.rest : ['--seconds', '10', '--warmup', '2']
    base = parseConfig(rest, process.env)
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopCluster().finally(() => process.exit(130)))
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  )
  await runClusterBench(base, { ...cluster, enabled: true })
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main().then(
    () => process.exit(0),
    async (err: Error) => {
      console.error(err.stack ?? err.message)
      await stopCluster()
      process.exit(1)
    },
  )
