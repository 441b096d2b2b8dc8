import { useEffect } from 'react'
import { coveringBoxes, useCoveredEdge } from '../projector/coveredEdge.ts'
import { clearArea } from './fitBelowToolbar.ts'

/** The glide to the new frame: people see the tree make room rather than jump. */
const GLIDE_MS = 300

/** Whether a card of the canvas is under a panel fixed over the page's right side. */
function cardUnderPanel(canvas: Element): boolean {
  const panels = coveringBoxes()
  if (!panels.length) return false
  for (const card of canvas.querySelectorAll('.react-flow__node')) {
    const r = card.getBoundingClientRect()
    for (const p of panels)
      if (r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom) return true
  }
  return false
}

/**
 * When a panel comes over the right side of the page (the vote's ranking, as the facilitator
 * shows the results, or unfolded again) and covers cards of the tree, the tree is framed again
 * whole left of it (`all`: «Mostra tutto», which keeps clear of it, see fitBelowToolbar.ts): on a
 * 1366 px laptop the ranking hid the lowest row's right cards, and who did not think of folding
 * it could not click them. A view that leaves the panel's place empty is kept as it is. Not on
 * a phone (its ranking comes folded, across the foot when opened), nor on the projector (its
 * screen layout makes the room), `active` false.
 */
export function useClearOfPanels(
  all: (duration?: number) => unknown,
  canvas: () => Element | null,
  active: boolean,
): void {
  const coveredFrom = useCoveredEdge()
  useEffect(() => {
    if (!active || coveredFrom === null) return
    const el = canvas()
    // (a panel that would leave the tree less than half the canvas is not made room for)
    if (!el || !clearArea(el)?.beside || !cardUnderPanel(el)) return
    void all(GLIDE_MS)
  }, [active, coveredFrom, canvas, all])
}
