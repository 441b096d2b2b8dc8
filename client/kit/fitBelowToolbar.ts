import type { FitViewOptions } from '@xyflow/react'

/** Room between a canvas's floating toolbar and the cards fitted below it. */
const MARGIN_PX = 24

/**
 * Fit options that keep a tree below the floating toolbars of its canvas, however tall they are
 * (they wrap on narrow screens), and above the warnings at its foot (cards not linked, a cycle)
 * and the toolbars a phone moves there: the top padding reaches past the lowest toolbar above,
 * the bottom one above what is below, and neither is less than `base` asks for.
 */
export function fitBelowToolbar(
  canvas: Element | null | undefined,
  base: FitViewOptions,
): FitViewOptions {
  const box = canvas?.getBoundingClientRect()
  if (!canvas || !box) return base
  // a toolbar in the upper half keeps the tree below it; one in the lower half (a phone moves
  // some there) and the warnings keep it above them
  const middle = box.top + box.height / 2
  const above: DOMRect[] = []
  const below: DOMRect[] = []
  for (const el of canvas.querySelectorAll('.toolbar, .tree-warnings')) {
    const r = el.getBoundingClientRect()
    const upper = el.classList.contains('toolbar') && (r.top + r.bottom) / 2 < middle
    ;(upper ? above : below).push(r)
  }
  if (!above.length && !below.length) return base
  const padding = typeof base.padding === 'object' ? base.padding : {}
  const px = (v: unknown) => Number.parseInt(String(v ?? 0), 10) || 0
  const out = { ...padding }
  if (above.length) {
    const bottom = Math.max(...above.map((r) => r.bottom))
    out.top = `${Math.max(px(padding.top), Math.round(bottom - box.top + MARGIN_PX))}px`
  }
  if (below.length) {
    const top = Math.min(...below.map((r) => r.top))
    out.bottom = `${Math.max(px(padding.bottom), Math.round(box.bottom - top + MARGIN_PX))}px`
  }
  return { ...base, padding: out }
}
