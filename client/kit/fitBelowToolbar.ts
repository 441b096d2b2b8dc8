import type { FitViewOptions } from '@xyflow/react'

/** Room between a canvas's floating toolbar and the cards fitted below it. */
const MARGIN_PX = 24

/**
 * Fit options that keep a tree below the floating toolbars of its canvas, however tall they are
 * (they wrap on narrow screens), and above the warnings at its foot (cards not linked, a cycle):
 * the top padding reaches past the lowest toolbar, the bottom one above the warnings, and
 * neither is less than `base` asks for.
 */
export function fitBelowToolbar(
  canvas: Element | null | undefined,
  base: FitViewOptions,
): FitViewOptions {
  const box = canvas?.getBoundingClientRect()
  const bars = canvas ? [...canvas.querySelectorAll('.toolbar')] : []
  const notes = canvas ? [...canvas.querySelectorAll('.tree-warnings')] : []
  if (!box || (!bars.length && !notes.length)) return base
  const padding = typeof base.padding === 'object' ? base.padding : {}
  const px = (v: unknown) => Number.parseInt(String(v ?? 0), 10) || 0
  const out = { ...padding }
  if (bars.length) {
    const bottom = Math.max(...bars.map((b) => b.getBoundingClientRect().bottom))
    out.top = `${Math.max(px(padding.top), Math.round(bottom - box.top + MARGIN_PX))}px`
  }
  if (notes.length) {
    const top = Math.min(...notes.map((n) => n.getBoundingClientRect().top))
    out.bottom = `${Math.max(px(padding.bottom), Math.round(box.bottom - top + MARGIN_PX))}px`
  }
  return { ...base, padding: out }
}
