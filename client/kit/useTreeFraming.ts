import { useCallback } from 'react'
import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react'
import { fitBelowToolbar } from './fitBelowToolbar.ts'
import { onPhone } from './phone.ts'
import { revealCard } from './treeWalk.ts'

/**
 * The zoom a phone shows a tree at, at least: a card's 14 px text is 11 px on the screen, two
 * cards side by side. A workshop's 25 cards fitted to a phone's width were at 0.11, specks.
 */
export const PHONE_READING_ZOOM = 0.8

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
    (duration?: number) =>
      flow.fitView({
        ...fitBelowToolbar(canvas(), options, flow.getNodesBounds(flow.getNodes())),
        duration,
      }),
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
