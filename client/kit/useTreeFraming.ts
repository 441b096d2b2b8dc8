import { useCallback } from 'react'
import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react'
import { fitBelowToolbar, viewportBelowToolbar } from './fitBelowToolbar.ts'
import { onPhone } from './phone.ts'
import { revealCard } from './treeWalk.ts'

/**
 * The zoom a phone shows a tree at, at least: a card's 14 px text is 11 px on the screen, two
 * cards side by side. A workshop's 25 cards fitted to a phone's width were at 0.11, specks.
 */
export const PHONE_READING_ZOOM = 0.8

/** Whether React Flow has measured every card (unmeasured, a card counts as a point). */
function cardsMeasured(flow: ReactFlowInstance): boolean {
  return flow.getNodes().every((n) => {
    const size = flow.getInternalNode(n.id)?.measured
    return n.hidden || (!!size?.width && !!size.height)
  })
}

/**
 * How a tree (the problems', the objectives') is framed in its canvas:
 * - `all`, «Mostra tutto»: every card, clear of the toolbars and of the vote's ranking (gliding
 *   there for `duration` ms);
 * - `open`, a frame later (the cards drawn), as the tree opens and after «Disponi albero» or a
 *   generation: all of it too, unless on a phone that would make its cards specks; then the card
 *   `centre` names (the core problem, the central objective) in the middle at a zoom one reads
 *   at, the cards around it as far as the screen goes.
 * `canvas` gives the element around the tree (its toolbars and warnings inside).
 */
export function useTreeFraming(
  flow: ReactFlowInstance,
  canvas: () => Element | null,
  options: FitViewOptions,
  centre: () => string | undefined,
) {
  const all = useCallback(
    (duration?: number): Promise<unknown> => {
      const nodes = flow.getNodes()
      const bounds = flow.getNodesBounds(nodes)
      // the cards measured («Mostra tutto», a layout): the view is set at once, worked out from
      // the page as it is now
      if (nodes.length && cardsMeasured(flow)) {
        const view = viewportBelowToolbar(canvas(), options, bounds)
        if (view) return flow.setViewport(view, { duration })
      }
      // as the tree opens, before its cards are measured: React Flow's own fit, which it applies
      // in the update that brings their sizes (a view set after that update had a board of 2,000
      // cards, drawn only where in view, unmount them and mount them again: ~300 ms)
      return flow.fitView({ ...fitBelowToolbar(canvas(), options, bounds), duration })
    },
    [flow, canvas, options],
  )
  const open = useCallback(
    () =>
      requestAnimationFrame(() => {
        void all().then(() => {
          if (!onPhone() || flow.getZoom() >= PHONE_READING_ZOOM) return
          const id = centre()
          const node = id ? flow.getInternalNode(id) : undefined
          if (!node) return
          const card = { position: node.internals.positionAbsolute, measured: node.measured }
          revealCard(flow, canvas(), card, PHONE_READING_ZOOM)
        })
      }),
    [flow, canvas, all, centre],
  )
  return { all, open }
}
