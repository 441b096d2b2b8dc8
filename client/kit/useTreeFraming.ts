import { useCallback } from 'react'
import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react'
import { viewportBelowToolbar } from './fitBelowToolbar.ts'
import { onPhone } from './phone.ts'
import { revealCard } from './treeWalk.ts'

/**
 * The zoom a phone shows a tree at, at least: a card's 14 px text is 11 px on the screen, two
 * cards side by side. A workshop's 25 cards fitted to a phone's width were at 0.11, specks.
 */
export const PHONE_READING_ZOOM = 0.8

/** The frames a framing waits at most for the cards to have their size (a second or so). */
const MEASURE_FRAMES = 60

/**
 * Resolves on the first frame where React Flow has measured every card (the tree's frame is
 * worked out from their sizes: unmeasured, a card counts as a point), or after MEASURE_FRAMES.
 */
function cardsMeasured(flow: ReactFlowInstance): Promise<void> {
  const ready = () =>
    flow.getNodes().every((n) => {
      const size = flow.getInternalNode(n.id)?.measured
      return n.hidden || (!!size?.width && !!size.height)
    })
  return new Promise((resolve) => {
    let left = MEASURE_FRAMES
    const check = () => {
      if (ready() || left-- <= 0) resolve()
      else requestAnimationFrame(check)
    }
    check()
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
    async (duration?: number): Promise<unknown> => {
      await cardsMeasured(flow)
      const nodes = flow.getNodes()
      if (!nodes.length) return
      const view = viewportBelowToolbar(canvas(), options, flow.getNodesBounds(nodes))
      // a canvas not laid out (hidden): React Flow fits once it can
      if (!view) return flow.fitView({ ...options, duration })
      return flow.setViewport(view, { duration })
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
