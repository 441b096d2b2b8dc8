import type { FitViewOptions } from '@xyflow/react'

/** Room between a canvas's floating toolbar and the cards fitted below it. */
const MARGIN_PX = 24

/**
 * Fit options that keep a tree below the floating toolbars of its canvas, however tall they are
 * (they wrap on narrow screens): the top padding reaches past the lowest toolbar, and is never
 * less than `base` asks for.
 */
export function fitBelowToolbar(
  canvas: Element | null | undefined,
  base: FitViewOptions,
): FitViewOptions {
  const box = canvas?.getBoundingClientRect()
  const bars = canvas ? [...canvas.querySelectorAll('.toolbar')] : []
  if (!box || !bars.length) return base
  const bottom = Math.max(...bars.map((b) => b.getBoundingClientRect().bottom))
  const padding = typeof base.padding === 'object' ? base.padding : {}
  const least = Number.parseInt(String(padding.top ?? 0), 10) || 0
  const top = Math.max(least, Math.round(bottom - box.top + MARGIN_PX))
  return { ...base, padding: { ...padding, top: `${top}px` } }
}
