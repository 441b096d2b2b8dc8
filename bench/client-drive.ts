/** Drives one page of the client benchmark: opens it, waits for the board, drags a card. */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { probeScript, type DragSample, type LoadTimes, type RenderCount } from './client-page.ts'
import {
  nameFunctions,
  summarizeProfile,
  type CpuProfile,
  type CpuSummary,
  type Symbolizer,
} from './client-profile.ts'
import { sleep } from './util.ts'

export type TargetName = 'trama' | 'baseline'

export interface PageTarget {
  name: TargetName
  url: string
  cards: number
  links: number
  /** The URL the baseline fetches its board from (its arrival is read from resource timing). */
  boardJson: string | null
}

export interface OpenPage {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  errors: string[]
}

const VIEWPORT = { width: 1280, height: 800 }
/** The card every run drags: the core problem, in the middle of the tree. */
const DRAGGED = 'core'
const THRESHOLD_MOVE = 3
/**
 * The zoom both pages are brought to before a drag, around the dragged card. Fitted, a large
 * board sits at React Flow's smallest zoom, where a card is 22 × 9 screen px and Trama's link
 * dots (click areas of 24 screen px at any zoom) cover it: a press there starts a link, not a
 * drag. At this zoom a card is about 100 × 45 px, as when someone works on part of a big tree.
 */
export const DRAG_ZOOM = 0.5

/**
 * A fresh context (empty cache, storage and IndexedDB) with the probe installed;
 * `markFirstRender` for a load that is profiled (see ProbeOptions).
 */
export async function openPage(
  browser: Browser,
  target: PageTarget,
  timeoutMs: number,
  markFirstRender = false,
): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  // A remembered name, so Trama shows no name prompt (as tests/helpers/browser.ts does).
  await context.addInitScript({
    content: `localStorage.setItem('trama.name', 'Banco di prova'); localStorage.setItem('trama.lang', 'it');`,
  })
  await context.addInitScript({
    content: probeScript({
      nodes: target.cards,
      edges: target.links,
      stableMs: 500,
      timeoutMs,
      boardJson: target.boardJson,
      markFirstRender,
    }),
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return { context, page, cdp, errors }
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

/** Main-thread time by kind between two metric snapshots (ms). */
function mainThread(before: Record<string, number>, after: Record<string, number>) {
  const d = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000
  return {
    scriptMs: d('ScriptDuration'),
    layoutMs: d('LayoutDuration'),
    styleMs: d('RecalcStyleDuration'),
    taskMs: d('TaskDuration'),
  }
}

export interface LoadResult {
  times: LoadTimes
  /** Main-thread time from navigation until the page was stable. */
  scriptMs: number
  layoutMs: number
  styleMs: number
  taskMs: number
  heapMb: number
  domNodes: number
  /** Where the load's main-thread time went (profiled runs only). */
  cpu?: CpuSummary
}

/** Opens the target and waits for a complete, still board; `symbols`: CPU-profile the load. */
export async function measureLoad(
  p: OpenPage,
  target: PageTarget,
  symbols?: Symbolizer,
): Promise<LoadResult> {
  if (symbols) await startProfiler(p.cdp)
  await p.page.goto(target.url, { waitUntil: 'domcontentloaded' })
  const times = (await p.page.evaluate('window.__bench.whenStable()')) as LoadTimes
  const cpu = symbols && (await stopProfiler(p.cdp, symbols))
  const m = mainThread({}, await metrics(p.cdp))
  await p.cdp.send('HeapProfiler.collectGarbage')
  const after = await metrics(p.cdp)
  return {
    times,
    ...m,
    heapMb: (after.JSHeapUsedSize ?? NaN) / 2 ** 20,
    domNodes: after.Nodes ?? NaN,
    ...(cpu ? { cpu } : {}),
  }
}

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable')
  // 1 ms sampling: finer intervals starve the sampler on a busy machine (all '(program)').
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
}

async function stopProfiler(cdp: CDPSession, symbols: Symbolizer): Promise<CpuSummary> {
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.send('Profiler.disable')
  return summarizeProfile(profile as CpuProfile, symbols)
}

export interface DragResult {
  sample: DragSample
  scriptMs: number
  layoutMs: number
  styleMs: number
  taskMs: number
  /** Mouse moves sent; each waits until the page has taken the previous one. */
  movesSent: number
  /** How far (px) the card ended from where the pointer left it (about 0 when all is well). */
  missedBy: number
}

type Box = { x: number; y: number; width: number; height: number }

const scaleOf = async (page: Page) =>
  (await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.react-flow__viewport')
    const m = el && /scale\(([\d.e-]+)\)/.exec(el.style.transform)
    return m ? Number(m[1]) : NaN
  })) as number

/**
 * Zooms the page to `zoom` around the dragged card with the mouse wheel (React Flow zooms by
 * 2^(−deltaY × 0.002) per event), as a person would, and waits until the view is still.
 * Returns the zoom reached.
 */
export async function zoomForDrag(p: OpenPage, zoom = DRAG_ZOOM): Promise<number> {
  const { page } = p
  for (let i = 0; i < 12; i++) {
    const scale = await scaleOf(page)
    if (!(Math.abs(Math.log2(zoom / scale)) > 0.02)) break
    const box = (await page.evaluate(
      `window.__bench.cardBox(${JSON.stringify(DRAGGED)})`,
    )) as Box | null
    if (!box) throw new Error('the core card is not on the page')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const deltaY = Math.max(-600, Math.min(600, -Math.log2(zoom / scale) / 0.002))
    await page.mouse.wheel(0, deltaY)
    await settledBox(page)
  }
  return scaleOf(page)
}

/** The dragged card's box once it stops moving (a slow page renders the last move late). */
async function settledBox(page: Page): Promise<Box | null> {
  let last = ''
  for (let i = 0; i < 50; i++) {
    await sleep(100)
    const box = (await page.evaluate(
      `window.__bench.cardBox(${JSON.stringify(DRAGGED)})`,
    )) as Box | null
    const key = JSON.stringify(box)
    if (key === last) return box
    last = key
  }
  return null
}

/**
 * Presses the mouse on the core card and moves it along 1.5 turns of a circle for `seconds`,
 * one move every 16 ms at most (as fast as the page takes them when it is slower); then brings
 * it back and drops it where it was.
 */
export async function dragCard(p: OpenPage, seconds: number): Promise<DragResult> {
  const { page, cdp } = p
  const box = (await page.evaluate(`window.__bench.cardBox(${JSON.stringify(DRAGGED)})`)) as Box
  if (!box) throw new Error('the core card is not on the page')
  const x0 = box.x + box.width / 2
  const y0 = box.y + box.height / 2
  // The press must land on the card itself (not a link dot or another card over it).
  const pressed = (await page.evaluate(
    ([x, y, id]) => {
      const el = document.elementFromPoint(x as number, y as number)
      const card = el?.closest('.react-flow__node')
      return el?.closest('.react-flow__handle')
        ? 'a link dot'
        : card?.getAttribute('data-id') === id
          ? ''
          : (card?.getAttribute('data-id') ?? el?.className ?? 'nothing')
    },
    [x0, y0, DRAGGED],
  )) as string
  if (pressed) throw new Error(`a press on the middle of the card would hit ${pressed}`)
  const radius = 90
  const at = (turn: number) => {
    const angle = 3 * Math.PI * turn
    return [x0 + radius * Math.sin(angle), y0 - radius * (1 - Math.cos(angle))] as const
  }
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  // React Flow starts the drag once the pointer has moved a pixel, and keeps the card at the
  // offset it has from the pointer then: start it with a small move, before the timed path.
  await page.mouse.move(x0 - THRESHOLD_MOVE, y0)
  const before = await metrics(cdp)
  await page.evaluate('window.__bench.dragStart()')
  const total = seconds * 1000
  const start = performance.now()
  let sent = 0
  for (;;) {
    const elapsed = performance.now() - start
    if (elapsed >= total) break
    await page.mouse.move(...at(elapsed / total))
    sent++
    const wait = start + sent * 16 - performance.now()
    if (wait > 0) await sleep(wait)
  }
  await page.mouse.move(...at(1))
  const sample = (await page.evaluate('window.__bench.dragStop()')) as DragSample
  const after = await metrics(cdp)
  // Did the card follow? Then drop it where it was, so the next run finds the same board.
  const end = await settledBox(page)
  const [xEnd, yEnd] = at(1)
  const missedBy = end
    ? Math.hypot(end.x + end.width / 2 - THRESHOLD_MOVE - xEnd, end.y + end.height / 2 - yEnd)
    : Infinity
  await page.mouse.move(x0 - THRESHOLD_MOVE, y0, { steps: 4 })
  await page.mouse.up()
  await settledBox(page)
  return { sample, ...mainThread(before, after), movesSent: sent + 1, missedBy }
}

export interface ProfileResult {
  cpu: CpuSummary
  commitsPerFrame: number
  /** Function and class components rendered per React commit while dragging. */
  rendersPerCommit: number
  components: { name: string; perCommit: number }[]
}

/**
 * A CPU profile of one drag, then a second drag counting the components that render per commit
 * (kept apart: walking the fiber tree costs time the profile should not show).
 */
export async function profileDrag(
  p: OpenPage,
  seconds: number,
  symbols: Symbolizer,
): Promise<ProfileResult> {
  const { page, cdp } = p
  await startProfiler(cdp)
  await dragCard(p, seconds)
  const cpu = await stopProfiler(cdp, symbols)

  await page.evaluate('window.__bench.setWalking(true)')
  const walked = await dragCard(p, Math.max(1, seconds / 2))
  const renders = (await page.evaluate('window.__bench.topRenders(10)')) as {
    total: number
    commits: number
    top: RenderCount[]
  }
  await page.evaluate('window.__bench.setWalking(false)')
  const names = await nameFunctions(
    cdp,
    renders.top.map((r) => r.label),
    symbols,
  )
  const commits = Math.max(1, renders.commits)
  return {
    cpu,
    commitsPerFrame: walked.sample.commits / Math.max(1, walked.sample.frames.length),
    rendersPerCommit: renders.total / commits,
    components: renders.top.map((r, i) => ({
      name: names[i] ?? r.label,
      perCommit: r.count / commits,
    })),
  }
}

export async function closePage(p: OpenPage): Promise<void> {
  await p.cdp.detach().catch(() => {})
  await p.context.close().catch(() => {})
}
