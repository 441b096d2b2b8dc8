/**
 * The measured runs of the client benchmark, in rounds within a time budget: round 1 runs every
 * size once, with a profiled load and drag; later rounds add runs while they fit in the budget,
 * each size timed by its own first run.
 */
import type { Browser } from 'playwright-core'
import {
  closePage,
  DRAG_ZOOM,
  dragCard,
  measureLoad,
  openPage,
  profileDrag,
  type PageTarget,
  type TargetName,
  zoomForDrag,
} from './client-drive.ts'
import type { Symbolizer } from './client-profile.ts'
import type { TargetRuns } from './client-report.ts'

export interface RunPlan {
  sizes: number[]
  runs: number
  dragSeconds: number
  profile: boolean
  /** No run after the first round starts if it would end after this time (Date.now() ms). */
  deadline: number
  pageTimeoutMs: number
}

export interface SizeResult {
  cards: number
  links: number
  trama: TargetRuns
  baseline: TargetRuns
  /** Runs left out to stay within the time budget. */
  skippedRuns: number
}

interface Context {
  browser: Browser
  plan: RunPlan
  symbols: Symbolizer
  pageErrors: string[]
  warnings: string[]
}

const ms = (n: number | null | undefined) => (n == null ? '—' : `${Math.round(n)} ms`)

/** One run: each page loaded and dragged once (the first of each pair profiled if asked). */
async function runOnce(
  ctx: Context,
  pair: Record<TargetName, PageTarget>,
  entry: SizeResult,
  run: number,
  profile: boolean,
): Promise<void> {
  const { plan, symbols } = ctx
  const size = entry.cards
  // Alternate who goes first, so drifting machine load hits both alike.
  const order: TargetName[] = run % 2 ? ['baseline', 'trama'] : ['trama', 'baseline']
  for (const name of order) {
    const target = pair[name]
    const p = await openPage(ctx.browser, target, plan.pageTimeoutMs, profile)
    try {
      const loaded = await measureLoad(p, target, profile ? symbols : undefined)
      const zoom = await zoomForDrag(p)
      if (!(Math.abs(Math.log2(zoom / DRAG_ZOOM)) <= 0.05))
        ctx.warnings.push(`${name} ${size} cards run ${run + 1}: dragged at zoom ${zoom}`)
      const dragged = await dragCard(p, plan.dragSeconds)
      if (!(dragged.missedBy < 6))
        ctx.warnings.push(
          `${name} ${size} cards run ${run + 1}: the dragged card ended ` +
            `${Math.round(dragged.missedBy)} px from the pointer`,
        )
      entry[name].loads.push(loaded)
      entry[name].drags.push(dragged)
      const frames = [...dragged.sample.frames].sort((a, b) => a - b)
      const ready = Math.max(loaded.times.painted ?? 0, loaded.times.viewportLast ?? 0)
      console.log(
        `[${size} cards] run ${run + 1} ${name.padEnd(8)} cards in DOM ` +
          `${ms(loaded.times.nodes)}, ready ${ms(ready)}, drag p95 ` +
          `${ms(frames[Math.ceil(frames.length * 0.95) - 1])}, ` +
          `${frames.filter((f) => f > 33.4).length}/${frames.length} frames > 33 ms`,
      )
      if (profile) {
        entry[name].loadCpu = loaded.cpu
        entry[name].profile = await profileDrag(p, plan.dragSeconds, symbols)
      }
    } finally {
      ctx.pageErrors.push(...p.errors.map((e) => `${name} ${size}: ${e}`))
      await closePage(p)
    }
  }
}

export async function measureSizes(
  browser: Browser,
  targets: Map<number, Record<TargetName, PageTarget>>,
  plan: RunPlan,
  symbols: Symbolizer,
  warnings: string[],
  pageErrors: string[],
): Promise<SizeResult[]> {
  const ctx: Context = { browser, plan, symbols, pageErrors, warnings }
  const results = plan.sizes.map((size) => {
    const pair = targets.get(size)!
    return {
      pair,
      took: 0,
      entry: {
        cards: pair.trama.cards,
        links: pair.trama.links,
        trama: { loads: [], drags: [] },
        baseline: { loads: [], drags: [] },
        skippedRuns: 0,
      } as SizeResult,
    }
  })
  for (let run = 0; run < plan.runs; run++)
    for (const r of results) {
      // A profiled run does two more drags per page: about 1.6 times a plain run.
      if (run > 0 && Date.now() + r.took > plan.deadline) {
        r.entry.skippedRuns++
        continue
      }
      const started = Date.now()
      await runOnce(ctx, r.pair, r.entry, run, run === 0 && plan.profile)
      if (run === 0) r.took = (Date.now() - started) / (plan.profile ? 1.6 : 1)
    }
  for (const { entry } of results)
    if (entry.skippedRuns)
      warnings.push(
        `${entry.cards} cards: ${plan.runs - entry.skippedRuns} run(s) instead of ${plan.runs}, ` +
          'to stay within the time budget',
      )
  return results.map((r) => r.entry)
}
