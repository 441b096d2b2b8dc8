/**
 * Sync-server benchmark, one load: Trama vs the reference y-websocket server (@y/websocket-server), each in
 * its own child process, one after the other, driven by identical stock y-websocket clients
 * living in this process. Run: `npx tsx bench/server.ts [--boards N --clients N --rate N
 * --seconds N]` (or `npm run bench:pair -- …`; `npm run bench` runs the capacity ladder). Results: stdout and bench-results/server.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { killAllChildren } from './child.ts'
import { caveats, configText, summarize, table, type TargetResult } from './report.ts'
import { parseConfig, USAGE, type BenchConfig } from './config.ts'
import { runTarget, TARGETS } from './targets.ts'

const root = join(import.meta.dirname, '..')
// A GC between the two runs, so garbage of the first does not slow the clients of the second.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE)
    return
  }
  let config: BenchConfig
  try {
    config = parseConfig(process.argv.slice(2), process.env)
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  // Each y-websocket provider registers a process 'exit' listener.
  process.setMaxListeners(config.boards * config.clients + 20)

  // Hard bound on the run: both phases plus generous setup/teardown slack.
  const perTarget = config.warmupSeconds + config.seconds + config.drainSeconds + 75
  const watchdog = setTimeout(
    () => {
      console.error(`bench did not finish within ${2 * perTarget} s: aborting`)
      killAllChildren().finally(() => process.exit(1))
    },
    2 * perTarget * 1000,
  )
  watchdog.unref()
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      killAllChildren().finally(() => process.exit(130))
    })

  console.log('Trama sync server benchmark\n' + configText(config))
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  )

  const results: TargetResult[] = []
  for (const name of config.order) {
    collectGarbage()
    await new Promise((r) => setTimeout(r, 1_000))
    const target = TARGETS.find((t) => t.name === name)!
    results.push(await runTarget(target, config))
  }
  const summaryOf = (name: string) => summarize(results.find((r) => r.name === name)!)
  const ours = summaryOf('trama')
  const ref = summaryOf('reference')

  console.log('\nConfiguration\n' + configText(config))
  console.log('\n' + table(config, ours, ref))
  for (const line of caveats(ours, ref)) console.log(line)

  const outDir = join(root, 'bench-results')
  mkdirSync(outDir, { recursive: true })
  const outFile = join(outDir, 'server.json')
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        config,
        trama: ours,
        reference: ref,
        raw: results.map((r) => ({ name: r.name, server: r.server })),
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`\nResults written to ${outFile}`)
}

main().then(
  () => process.exit(0),
  async (err: Error) => {
    console.error(err.stack ?? err.message)
    await killAllChildren()
    process.exit(1)
  },
)
