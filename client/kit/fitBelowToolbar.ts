import type { FitViewOptions } from '@xyflow/react'
import { coveringBoxes } from '../projector/coveredEdge.ts'

/** Room between a canvas's floating toolbar and the cards fitted below it. */
const MARGIN_PX = 24

/** A canvas's box on screen, and the part of it no toolbar or warning covers. */
export interface ClearArea {
  /** The box of the canvas's React Flow element (the view): all the canvas but a strip under it. */
  box: DOMRect
  /** Screen y just below the toolbars above the tree (box.top when there are none). */
  top: number
  /** Screen y of the top of what sits below the tree (box.bottom when nothing does). */
  bottom: number
  /**
   * Screen x of the left of a panel over the page's right side beside the tree (the vote's
   * ranking), box.right when none does.
   */
  right: number
  /** Whether a toolbar is above, something below, and a panel beside. */
  above: boolean
  below: boolean
  beside: boolean
}

/**
 * Where a canvas's tree can be seen: below its floating toolbars (they wrap on narrow screens),
 * above what floats at its foot (the warnings — cards not linked, a cycle —, the toolbars and
 * the card's details a phone moves there). What sits in the lower half is below the tree; a
 * toolbar in the upper half is above it; the details at the top right of a wider screen leave
 * room beside them and do not count, nor does anything hidden. A panel fixed over the page's
 * right side (the vote's ranking) is beside the tree, unless it would leave it less than half
 * the canvas's width (a phone's ranking, across the screen's foot).
 */
export function clearArea(canvas: Element | null | undefined): ClearArea | null {
  if (!canvas) return null
  // a phone's vote draws the warnings in a strip under the view, not over it (canvasPhone.css)
  const view = canvas.matches('.react-flow') ? canvas : canvas.querySelector('.react-flow')
  const box = (view ?? canvas).getBoundingClientRect()
  const middle = box.top + box.height / 2
  let top = box.top
  let bottom = box.bottom
  let above = false
  let below = false
  for (const el of canvas.querySelectorAll('.toolbar, .tree-warnings, .inspector')) {
    const r = el.getBoundingClientRect()
    if (!r.height) continue
    if ((r.top + r.bottom) / 2 >= middle) {
      bottom = Math.min(below ? bottom : box.bottom, r.top)
      below = true
    } else if (el.classList.contains('toolbar')) {
      top = above ? Math.max(top, r.bottom) : r.bottom
      above = true
    }
  }
  let right = box.right
  for (const r of coveringBoxes())
    if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top)
      right = Math.min(right, r.left)
  const beside = right < box.right && right - box.left >= box.width / 2
  if (!beside) right = box.right
  return { box, top, bottom, right, above, below, beside }
}

/**
 * Fit options that keep a tree in its canvas's {@link clearArea}: the top padding reaches past
 * the lowest toolbar above, the bottom one above what is below, the right one left of a panel
 * beside, and none is less than `base` asks for.
 */
export function fitBelowToolbar(
  canvas: Element | null | undefined,
  base: FitViewOptions,
): FitViewOptions {
  const area = clearArea(canvas)
  if (!area || (!area.above && !area.below && !area.beside)) return base
  const padding = typeof base.padding === 'object' ? base.padding : {}
  const px = (v: unknown) => Number.parseInt(String(v ?? 0), 10) || 0
  const out = { ...padding }
  if (area.above)
    out.top = `${Math.max(px(padding.top), Math.round(area.top - area.box.top + MARGIN_PX))}px`
  if (area.below)
    out.bottom = `${Math.max(px(padding.bottom), Math.round(area.box.bottom - area.bottom + MARGIN_PX))}px`
  if (area.beside)
    out.right = `${Math.max(px(padding.right), Math.round(area.box.right - area.right + MARGIN_PX))}px`
  return { ...base, padding: out }
}
