/**
 * Client benchmark: Trama's problem-tree canvas vs a bare React Flow page (bench/client-baseline)
 * drawing the same generated board, in headless Chromium on loopback. Builds both, starts Trama's
 * server in-process and a static server for the baseline, then measures for each board size the
 * time to first render, the frame times while dragging a card, and the initial JavaScript.
 * Run: `npx tsx bench/client.ts [--sizes 500,2000 --runs 3 --drag-seconds 2 --no-build
 * --no-profile --baseline-chrome]` (or `npm run bench:client -- …`).
 * Results: stdout and bench-results/client.json.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { createTramaServer, type TramaServer } from '../server/app.ts'
import type { NewBoardAnswer } from '../server/http/routes.ts'
import { generateBoard } from './client-board.ts'
import {
  closePage,
  measureLoad,
  openPage,
  type PageTarget,
  type TargetName,
} from './client-drive.ts'
import { Symbolizer } from './client-profile.ts'
import { bundleSize, bundleTable, medians, profileText, sizeTable } from './client-report.ts'
import { measureSizes } from './client-runs.ts'
import { startStaticServer, type StaticServer } from './client-static.ts'

const root = join(import.meta.dirname, '..')
const CLIENT_DIST = 'dist/client-bench'
const BASELINE_DIST = 'dist/bench-baseline'
/** No optional run starts that would end later than this (builds included)… */
const BUDGET_S = 160
/** …and the run is aborted after this. */
const WATCHDOG_S = 240
/** Longest wait for one page to show its board. */
const PAGE_TIMEOUT_MS = 30_000

const USAGE = `Usage: npx tsx bench/client.ts [options]   (or npm run bench:client -- [options])
  --sizes N,N        board sizes in cards (default 500,2000)
  --runs N           measured runs per size and page (default 3, median reported)
  --drag-seconds S   length of each drag (default 2)
  --no-build         reuse ${CLIENT_DIST} and ${BASELINE_DIST}
  --client-dist DIR  measure the Trama client built in DIR (relative to the repo), not a
                     fresh build: e.g. a build of a fix, to compare with the baseline
  --no-profile       skip the CPU profile and render count of a drag
  --baseline-chrome  give the baseline Trama's Background, Controls and MiniMap`

interface Config {
  sizes: number[]
  runs: number
  dragSeconds: number
  build: boolean
  profile: boolean
  baselineChrome: boolean
  clientDist: string
}

function parseArgs(argv: string[]): Config {
  const config: Config = {
    sizes: [500, 2000],
    runs: 3,
    dragSeconds: 2,
    build: true,
    profile: true,
    baselineChrome: false,
    clientDist: CLIENT_DIST,
  }
  const number = (raw: string | undefined, flag: string, min: number, max: number) => {
    const n = Number(raw)
    if (raw === undefined || !Number.isFinite(n) || n < min || n > max)
      throw new Error(`${flag}: expected a number in [${min}, ${max}], got "${raw}"\n${USAGE}`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined]
    const value = () => inline ?? argv[++i]
    if (flag === '--sizes')
      config.sizes = (value() ?? '').split(',').map((s) => Math.round(number(s, flag, 2, 10_000)))
    else if (flag === '--runs') config.runs = Math.round(number(value(), flag, 1, 20))
    else if (flag === '--drag-seconds') config.dragSeconds = number(value(), flag, 0.5, 20)
    else if (flag === '--no-build') config.build = false
    else if (flag === '--no-profile') config.profile = false
    else if (flag === '--baseline-chrome') config.baselineChrome = true
    else if (flag === '--client-dist') config.clientDist = value() ?? CLIENT_DIST
    else throw new Error(`unknown argument "${argv[i]}"\n${USAGE}`)
  }
  return config
}

function build(what: string, args: string[]): void {
  const started = Date.now()
  const res = spawnSync('npx', ['vite', 'build', ...args], { cwd: root, encoding: 'utf8' })
  if (res.status !== 0)
    throw new Error(`build of ${what} failed:\n${res.stdout ?? ''}\n${res.stderr ?? ''}`)
  console.log(`built ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

async function importBoard(server: TramaServer, board: unknown): Promise<NewBoardAnswer> {
  const res = await fetch(`${server.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(board),
  })
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`)
  return (await res.json()) as NewBoardAnswer
}

/** Everything to close on the way out, normal or not. */
const cleanups: (() => Promise<unknown> | unknown)[] = []
let cleaning: Promise<void> | null = null
/** Runs the cleanups once, last registered first; every caller waits for the same run. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => {})
  })()
  return cleaning
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) return console.log(USAGE)
  let config: Config
  try {
    config = parseArgs(process.argv.slice(2))
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  const started = Date.now()
  const watchdog = setTimeout(() => {
    console.error(`bench did not finish within ${WATCHDOG_S} s: aborting`)
    setTimeout(() => process.exit(1), 10_000).unref()
    void cleanUp().finally(() => process.exit(1))
  }, WATCHDOG_S * 1000)
  watchdog.unref()
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
  const load = loadavg()
  console.log(
    `Trama client benchmark: ${config.sizes.join(' and ')} cards, ${config.runs} runs each, ` +
      `${config.dragSeconds} s drags; node ${process.version}, ${cpus().length} CPUs, ` +
      `load average ${load.map((l) => l.toFixed(2)).join(' ')}`,
  )

  const clientDir = resolve(root, config.clientDist)
  if (config.build) {
    if (config.clientDist === CLIENT_DIST)
      build(CLIENT_DIST, ['--outDir', `../${CLIENT_DIST}`, '--emptyOutDir', '--logLevel', 'warn'])
    build(BASELINE_DIST, ['--config', 'bench/vite.baseline.config.ts'])
  }
  const bundles = {
    trama: bundleSize(clientDir),
    baseline: bundleSize(join(root, BASELINE_DIST)),
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'trama-bench-client-'))
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true })
  cleanups.push(removeDataDir)
  // Playwright ends the process itself on Ctrl-C, before our async cleanups are through.
  process.once('exit', removeDataDir)
  const server = await createTramaServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: clientDir,
    logLevel: false,
  })
  cleanups.push(() => server.close())
  const boardFiles = new Map<string, string>()
  const baseline: StaticServer = await startStaticServer(join(root, BASELINE_DIST), boardFiles)
  cleanups.push(() => baseline.close())
  const symbols = new Symbolizer(
    new Map([
      [server.url, clientDir],
      [baseline.url, join(root, BASELINE_DIST)],
    ]),
  )

  // Boards: the same export, imported into Trama and served as JSON to the baseline.
  const targets = new Map<number, Record<TargetName, PageTarget>>()
  for (const size of config.sizes) {
    const { board, cards, links } = generateBoard(size)
    const answer = await importBoard(server, board)
    const jsonPath = `/board-${size}.json`
    boardFiles.set(jsonPath, JSON.stringify(board))
    const chrome = config.baselineChrome ? '&chrome=1' : ''
    targets.set(size, {
      trama: { name: 'trama', url: answer.links.participant, cards, links, boardJson: null },
      baseline: {
        name: 'baseline',
        url: `${baseline.url}/?board=${encodeURIComponent(jsonPath)}${chrome}`,
        cards,
        links,
        boardJson: `${baseline.url}${jsonPath}`,
      },
    })
  }

  // launchBrowser checks the built client it is told about, read when its module loads.
  process.env.TRAMA_CLIENT_DIST = relative(root, clientDir)
  const { launchBrowser } = await import('../tests/helpers/browser.ts')
  const browser: Browser = await launchBrowser()
  cleanups.push(() => browser.close())
  console.log(`Chromium ${browser.version()}, Trama at ${server.url}, baseline at ${baseline.url}`)
  const pageErrors: string[] = []
  const warnings: string[] = []

  // One unmeasured load of each page: first-run costs (disk, compilation caches) go here.
  for (const target of Object.values(targets.get(config.sizes[0]!)!)) {
    const p = await openPage(browser, target, PAGE_TIMEOUT_MS)
    await measureLoad(p, target).finally(() => closePage(p))
  }

  const results = await measureSizes(
    browser,
    targets,
    {
      ...config,
      deadline: started + BUDGET_S * 1000,
      pageTimeoutMs: PAGE_TIMEOUT_MS,
    },
    symbols,
    warnings,
    pageErrors,
  )

  // Report.
  const summary = results.map((r) => ({
    cards: r.cards,
    links: r.links,
    trama: medians(r.trama),
    baseline: medians(r.baseline),
  }))
  console.log(`\nInitial JavaScript (what index.html loads before the first render)`)
  console.log(bundleTable(bundles.trama, bundles.baseline))
  for (const [i, s] of summary.entries()) {
    const baselineKind = config.baselineChrome ? 'React Flow + MiniMap/Controls' : 'bare React Flow'
    const runs = config.runs - results[i]!.skippedRuns
    console.log(
      `\n${s.cards} cards, ${s.links} links — median of ${runs} run${runs > 1 ? 's' : ''} ` +
        `(baseline: ${baselineKind})`,
    )
    const r = results[i]!
    console.log(sizeTable(r.trama, r.baseline))
    if (config.profile) {
      console.log(`\nWhere the time goes, ${s.cards} cards (one profiled load and drag each)`)
      console.log(profileText('Trama', r.trama))
      console.log(profileText('baseline', r.baseline))
    }
  }
  const loadAfter = loadavg()
  if (loadAfter[0]! > cpus().length * 0.75)
    console.log(
      `\nwarning: load average ${loadAfter[0]!.toFixed(2)} on ${cpus().length} CPUs: other ` +
        'processes competed for the CPU; absolute times are inflated, ratios less so',
    )
  for (const w of warnings) console.log(`warning: ${w}`)
  for (const e of [...new Set(pageErrors)]) console.log(`page error: ${e}`)

  const outDir = join(root, 'bench-results')
  mkdirSync(outDir, { recursive: true })
  const outFile = join(outDir, 'client.json')
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        chromium: browser.version(),
        cpus: cpus().length,
        loadAverage: { before: load, after: loadAfter },
        config,
        bundle: bundles,
        sizes: summary.map((s, i) => ({ ...s, raw: results[i] })),
        warnings,
        pageErrors,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`\nResults written to ${outFile} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

main().then(
  async () => {
    await cleanUp()
    process.exit(0)
  },
  async (err: Error) => {
    console.error(err.stack ?? err.message)
    await cleanUp()
    process.exit(1)
  },
)
