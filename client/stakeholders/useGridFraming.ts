import { useCallback } from 'react'
import { type FitViewOptions, type ReactFlowInstance } from '@xyflow/react'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import { quadrantOf, type Quadrant } from '../../shared/stakeholders/grid.ts'
import { onPhone } from '../kit/phone.ts'
import { revealCard } from '../kit/treeWalk.ts'
import { PHONE_READING_ZOOM } from '../kit/useTreeFraming.ts'
import type { Framing } from './useRefit.ts'

/** How the grid is framed: its padding, and the nodes framed (the grid, with its axes, and the tray). */
export type GridFit = Framing & { nodes: { id: string }[] }

/** On a tie, «Gestire da vicino» first (the quadrant the method asks most of), then the others. */
const PREFERRED: readonly Quadrant[] = [
  'manage-closely',
  'keep-satisfied',
  'keep-informed',
  'monitor',
]

/**
 * The actors a phone opens the grid on: those of the quadrant holding the most of them; with
 * none placed yet, those waiting in the tray.
 */
export function phoneFocus(actors: readonly Actor[]): string[] {
  const placed = actors.filter((a) => a.placed)
  if (!placed.length) return actors.map((a) => a.id)
  const inQuadrant = (q: Quadrant) => placed.filter((a) => quadrantOf(a) === q)
  const busiest = PREFERRED.reduce((best, q) =>
    inQuadrant(q).length > inQuadrant(best).length ? q : best,
  )
  return inQuadrant(busiest).map((a) => a.id)
}

/**
 * How the power/interest grid is framed: the whole of it (`fit`: the quadrants, their axes and
 * the tray), as the room and a laptop see it. On a phone that is a zoom of 0.26, names 3.6 px
 * tall: there the view goes on to the actors {@link phoneFocus} names, centred at the zoom a
 * phone reads a tree at, the grid around them as far as the screen goes; «Mostra tutto» (the
 * fit button) still shows all of it. `canvas` gives the grid's element, `actors` the latest
 * actors; the returned function frames it a frame later (the cards drawn), moving for `duration`.
 */
export function useGridFraming(
  flow: ReactFlowInstance,
  canvas: () => Element | null,
  fit: FitViewOptions,
  actors: () => readonly Actor[],
) {
  return useCallback(
    (duration = 0) =>
      requestAnimationFrame(() => {
        void flow.fitView({ ...fit, duration }).then(() => {
          if (!onPhone() || flow.getZoom() >= PHONE_READING_ZOOM) return
          let box: { left: number; top: number; right: number; bottom: number } | undefined
          for (const id of phoneFocus(actors())) {
            const node = flow.getInternalNode(id)
            if (!node) continue
            const { x, y } = node.internals.positionAbsolute
            const right = x + (node.measured.width ?? 0)
            const bottom = y + (node.measured.height ?? 0)
            box = box
              ? {
                  left: Math.min(box.left, x),
                  top: Math.min(box.top, y),
                  right: Math.max(box.right, right),
                  bottom: Math.max(box.bottom, bottom),
                }
              : { left: x, top: y, right, bottom }
          }
          if (!box) return
          const { left, top, right, bottom } = box
          const area = {
            position: { x: left, y: top },
            measured: { width: right - left, height: bottom - top },
          }
          revealCard(flow, canvas(), area, PHONE_READING_ZOOM)
        })
      }),
    [flow, canvas, fit, actors],
  )
}
