/** Turns the client benchmark's runs into medians, the printed tables and the bundle budget. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { DragResult, LoadResult, ProfileResult } from './client-drive.ts'
import type { CpuSummary } from './client-profile.ts'
import { percentile } from './report.ts'

export const JS_BUDGET_KIB = 300

export interface BundleSize {
  /** The entry: scripts index.html loads right away (entry + modulepreload), gzip level 6. */
  initialJs: { file: string; bytes: number; gzipBytes: number }[]
  initialJsGzipKiB: number
  /** The first view's chunks, announced in the page (`data-first-view`) and fetched beside it. */
  firstViewJsGzipKiB: number
  initialCssGzipKiB: number
  /** Scripts loaded later (dynamic import), for information. */
  lazyJsGzipKiB: number
  underBudget: boolean
}

export function bundleSize(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1]
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? []
  const js = new Set<string>()
  const firstView = new Set<string>()
  const css = new Set<string>()
  for (const tag of tags) {
    const src = attr(tag, 'src')
    const rel = attr(tag, 'rel')
    const href = attr(tag, 'href')
    if (tag.startsWith('<script') && src) js.add(src)
    else if (rel === 'modulepreload' && href)
      (tag.includes('data-first-view') ? firstView : js).add(href)
    else if (rel === 'stylesheet' && href) css.add(href)
  }
  const gz = (file: string) => {
    const bytes = readFileSync(join(distDir, file))
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length }
  }
  const initialJs = [...js].map(gz)
  const kib = (list: { gzipBytes: number }[]) =>
    round(list.reduce((s, f) => s + f.gzipBytes, 0) / 1024, 1)
  const lazy = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js') && !js.has(`/assets/${f}`) && !firstView.has(`/assets/${f}`))
    .map((f) => gz(`/assets/${f}`))
  const initialJsGzipKiB = kib(initialJs)
  return {
    initialJs,
    initialJsGzipKiB,
    firstViewJsGzipKiB: kib([...firstView].map(gz)),
    initialCssGzipKiB: kib([...css].map(gz)),
    lazyJsGzipKiB: kib(lazy),
    // the first view's chunks load with the page too
    underBudget: initialJsGzipKiB + kib([...firstView].map(gz)) <= JS_BUDGET_KIB,
  }
}

const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : NaN)

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return NaN
  const mid = v.length >> 1
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2
}

export interface TargetRuns {
  loads: LoadResult[]
  drags: DragResult[]
  /** CPU profile of one load, and of one drag (with the components rendered per commit). */
  loadCpu?: CpuSummary
  profile?: ProfileResult
}

/** Per-run figures, whose medians make the table. */
export function runFigures(load: LoadResult, drag: DragResult | undefined) {
  const t = load.times
  const frames = [...(drag?.sample.frames ?? [])].sort((a, b) => a - b)
  const n = Math.max(1, frames.length)
  const seconds = (drag?.sample.durationMs ?? NaN) / 1000
  const dropped = frames.filter((f) => f > 33.4).length
  // Chromium coalesces pointer moves into one per frame: a busy page handles fewer.
  const moves = Math.max(1, drag?.sample.pointerMoves ?? NaN)
  return {
    domContentLoadedMs: t.domContentLoaded ?? NaN,
    infoFetchedMs: t.infoFetched ?? NaN,
    syncOpenMs: t.wsOpen ?? NaN,
    dataReceivedMs: t.dataReceived ?? NaN,
    previewMs: t.previewFetched ?? NaN,
    socketDataMs: t.socketData ?? NaN,
    cardsInDomMs: t.nodes ?? NaN,
    linksInDomMs: t.edges ?? NaN,
    linksDrawn: t.linksDrawn ?? NaN,
    paintedMs: t.painted ?? NaN,
    viewportFittedMs: t.viewportLast ?? NaN,
    readyMs: Math.max(t.painted ?? NaN, t.viewportLast ?? NaN),
    loadScriptMs: load.scriptMs,
    loadLayoutStyleMs: load.layoutMs + load.styleMs,
    loadBlockingMs: t.longTasks.blockingMs,
    loadLongestTaskMs: t.longTasks.maxMs,
    heapMb: load.heapMb,
    domNodes: load.domNodes,
    frameP50Ms: percentile(frames, 50),
    frameP95Ms: percentile(frames, 95),
    frameMaxMs: percentile(frames, 100),
    droppedFrames: drag ? dropped : NaN,
    droppedPct: drag ? (dropped / n) * 100 : NaN,
    fps: frames.length / seconds,
    movesPerSecond: moves / seconds,
    dragBusyPct: ((drag?.taskMs ?? NaN) / (drag?.sample.durationMs ?? NaN)) * 100,
    dragTaskMsPerMove: (drag?.taskMs ?? NaN) / moves,
    dragScriptMsPerMove: (drag?.scriptMs ?? NaN) / moves,
    dragLayoutStyleMsPerMove: ((drag?.layoutMs ?? NaN) + (drag?.styleMs ?? NaN)) / moves,
    commitsPerMove: (drag?.sample.commits ?? NaN) / moves,
  }
}
export type Figures = ReturnType<typeof runFigures>

export function medians(runs: TargetRuns): Figures {
  const all = runs.loads.map((l, i) => runFigures(l, runs.drags[i]))
  const keys = Object.keys(all[0] ?? runFigures(runs.loads[0]!, undefined)) as (keyof Figures)[]
  return Object.fromEntries(keys.map((k) => [k, round(median(all.map((f) => f[k])), 2)])) as Figures
}

const ROWS: [keyof Figures, string][] = [
  ['domContentLoadedMs', 'load: JS loaded and run (DOMContentLoaded, ms)'],
  ['infoFetchedMs', 'load: board info fetched, Trama (ms)'],
  ['syncOpenMs', 'load: sync WebSocket open, Trama (ms)'],
  ['dataReceivedMs', 'load: board data received (ms)'],
  ['previewMs', 'load: board preview received, Trama (ms)'],
  ['socketDataMs', 'load: board document received on the socket, Trama (ms)'],
  ['cardsInDomMs', 'load: first render, all cards in DOM (ms)'],
  ['linksInDomMs', 'load: all links (in view) in DOM (ms)'],
  ['linksDrawn', 'load: links in DOM then'],
  ['paintedMs', 'load: first frame with cards + links (ms)'],
  ['viewportFittedMs', 'load: viewport fitted, last change (ms)'],
  ['readyMs', 'load: ready (painted and fitted, ms)'],
  ['loadScriptMs', 'load: main-thread script until stable (ms)'],
  ['loadLayoutStyleMs', 'load: style + layout until stable (ms)'],
  ['loadBlockingMs', 'load: blocking time of long tasks (ms)'],
  ['loadLongestTaskMs', 'load: longest task (ms)'],
  ['heapMb', 'JS heap after load, after GC (MB)'],
  ['domNodes', 'DOM nodes'],
  ['frameP50Ms', 'drag: frame time p50 (ms)'],
  ['frameP95Ms', 'drag: frame time p95 (ms)'],
  ['frameMaxMs', 'drag: frame time max (ms)'],
  ['droppedFrames', 'drag: frames > 33 ms (count)'],
  ['droppedPct', 'drag: frames > 33 ms (%)'],
  ['fps', 'drag: frames per second'],
  ['movesPerSecond', 'drag: pointer moves handled per s'],
  ['dragBusyPct', 'drag: main thread busy (% of the drag)'],
  ['dragTaskMsPerMove', 'drag: main-thread time per pointer move (ms)'],
  ['dragScriptMsPerMove', 'drag: script per pointer move (ms)'],
  ['dragLayoutStyleMsPerMove', 'drag: style + layout per pointer move (ms)'],
  ['commitsPerMove', 'drag: React commits per pointer move'],
]

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '—'
  return Math.abs(n) >= 100 ? String(Math.round(n)) : String(round(n, 1))
}

export function renderTable(header: string[], cells: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n')
}

export function sizeTable(ours: TargetRuns, base: TargetRuns): string {
  const a0 = medians(ours)
  const b0 = medians(base)
  const rows: [string, number, number][] = ROWS.map(([key, label]) => [label, a0[key], b0[key]])
  if (ours.profile && base.profile)
    rows.push([
      'drag: components rendered per commit (profiled)',
      ours.profile.rendersPerCommit,
      base.profile.rendersPerCommit,
    ])
  const cells = rows.map(([label, a, b]) => {
    const ratio = Number.isFinite(a / b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '—'
    return [label, fmt(a), fmt(b), ratio]
  })
  return renderTable(['metric', 'Trama', 'baseline', 'ratio'], cells)
}

export function bundleTable(ours: BundleSize, base: BundleSize): string {
  const budget = (b: BundleSize) => (b.underBudget ? 'yes' : 'NO')
  const cells = [
    [
      'initial JS (entry), gzip (KiB)',
      String(ours.initialJsGzipKiB),
      String(base.initialJsGzipKiB),
    ],
    [
      "first view's JS, fetched beside it (KiB)",
      String(ours.firstViewJsGzipKiB),
      String(base.firstViewJsGzipKiB),
    ],
    [`under the ${JS_BUDGET_KIB} KiB budget`, budget(ours), budget(base)],
    ['initial CSS, gzip (KiB)', String(ours.initialCssGzipKiB), String(base.initialCssGzipKiB)],
    ['lazy JS chunks, gzip (KiB)', String(ours.lazyJsGzipKiB), String(base.lazyJsGzipKiB)],
  ]
  return renderTable(['bundle', 'Trama', 'baseline'], cells)
}

const shares = (list: { name: string; pct: number }[], n: number) =>
  list.slice(0, n).map((b) => `    ${fmt(b.pct).padStart(6)}%  ${b.name}`)

export function profileText(name: string, runs: TargetRuns): string {
  const lines: string[] = []
  if (runs.loadCpu)
    lines.push(
      `${name}, load: main thread busy ${runs.loadCpu.busyMs} ms; by package / file:`,
      ...shares(runs.loadCpu.buckets, 8),
    )
  const first = runs.loadCpu?.untilFirstRender
  if (first)
    lines.push(
      `${name}, load until the first render: main thread busy ${first.busyMs} ms; by package / file:`,
      ...shares(first.buckets, 10),
      '  hottest functions:',
      ...shares(first.functions, 8),
    )
  const p = runs.profile
  if (p)
    lines.push(
      `${name}, drag: ${fmt(p.commitsPerFrame)} React commits per frame, ` +
        `${fmt(p.rendersPerCommit)} component renders per commit; main thread busy ` +
        `${p.cpu.busyMs} of ${p.cpu.totalMs} ms`,
      '  components rendered per commit:',
      ...p.components.slice(0, 6).map((c) => `    ${fmt(c.perCommit).padStart(7)}  ${c.name}`),
      '  self time by package / file:',
      ...shares(p.cpu.buckets, 8),
      '  hottest functions:',
      ...shares(p.cpu.functions, 8),
    )
  return lines.join('\n')
}
