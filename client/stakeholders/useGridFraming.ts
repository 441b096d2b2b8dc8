import { useCallback, useEffect, useRef, type RefObject } from 'react'
import {
  getViewportForBounds,
  type FitViewOptions,
  type OnMoveEnd,
  type OnMoveStart,
  type ReactFlowInstance,
} from '@xyflow/react'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import { quadrantOf, type Quadrant } from '../../shared/stakeholders/grid.ts'
import { onPhone } from '../kit/phone.ts'
import { revealCard } from '../kit/treeWalk.ts'
import { PHONE_READING_ZOOM } from '../kit/useTreeFraming.ts'

/** How the grid is framed: its padding, and the nodes framed (the grid, with its axes, and the tray). */
export type GridFit = FitViewOptions & {
  padding: NonNullable<FitViewOptions['padding']>
  nodes: { id: string }[]
}

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
          // (actors not drawn are left out; none drawn: an empty box)
          const { x, y, width, height } = flow.getNodesBounds(phoneFocus(actors()))
          if (!width && !height) return
          const area = { position: { x, y }, measured: { width, height } }
          revealCard(flow, canvas(), area, PHONE_READING_ZOOM)
        })
      }),
    [flow, canvas, fit, actors],
  )
}

/** How long the grid glides to its new frame when the actor's card opens or closes beside it. */
const GLIDE_MS = 150

/**
 * On a laptop the grid is a fixed drawing framed whole (`fit`, as it opens): when its room
 * changes it is framed again, so all four quadrants, the axes and the tray stay in sight.
 * - The window resized: at once, in the first frame drawn at the new size, as it opens. It was
 *   framed a frame later and glided there for 150 ms, each step of a window being dragged
 *   starting the glide again: the grid trailed the window's edge, cut off or small, and a
 *   screenshot or the projector caught it so.
 * - The actor's card opening or closing beside it, the legend wrapping: gliding, so the eye
 *   follows the card just chosen, which stays in sight with the whole grid.
 * Not while the person pans or zooms the grid, or carries a card (`busy`): the view is under
 * their hand, and where they leave it stays. Nor on a phone, where the view is one's own, at
 * a zoom one reads, panned to the actors one is looking at (the card's sheet opening under the
 * grid would take the view away from the card just tapped). `canvas` is the grid's element,
 * `zoom` React Flow's bounds; the returned handlers go to React Flow's onMoveStart/onMoveEnd.
 */
export function useGridRefit(
  flow: ReactFlowInstance,
  canvas: RefObject<HTMLElement | null>,
  fit: GridFit,
  zoom: { min: number; max: number },
  busy: boolean,
): { onMoveStart: OnMoveStart; onMoveEnd: OnMoveEnd } {
  const handling = useRef(false)
  const carrying = useRef(busy)
  carrying.current = busy
  useEffect(() => {
    const el = canvas.current
    if (!el) return
    let room = ''
    let screen = ''
    const observer = new ResizeObserver(() => {
      const now = `${el.offsetWidth}x${el.offsetHeight}`
      const shown = `${innerWidth}x${innerHeight}`
      const resized = shown !== screen
      const changed = room !== '' && now !== room
      room = now
      screen = shown
      if (!changed || onPhone() || handling.current || carrying.current) return
      const bounds = flow.getNodesBounds(fit.nodes.map((n) => n.id))
      if (!bounds.width || !el.offsetWidth || !el.offsetHeight) return
      const view = getViewportForBounds(
        bounds,
        el.offsetWidth,
        el.offsetHeight,
        zoom.min,
        zoom.max,
        fit.padding,
      )
      void flow.setViewport(view, { duration: resized ? 0 : GLIDE_MS })
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [flow, canvas, fit, zoom])
  // React Flow tells of the person's pans and zooms with the event that made them, and of the
  // view's own moves (a framing) with none: a glide the person's press interrupts ends after
  // their pan has begun, and is not the end of it
  const onMoveStart: OnMoveStart = useCallback((event) => {
    if (event) handling.current = true
  }, [])
  const onMoveEnd: OnMoveEnd = useCallback((event) => {
    if (event) handling.current = false
  }, [])
  return { onMoveStart, onMoveEnd }
}
