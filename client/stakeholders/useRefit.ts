import { useCallback, useEffect, useRef, type RefObject } from 'react'
import {
  getViewportForBounds,
  type FitViewOptions,
  type OnMoveEnd,
  type OnMoveStart,
  type ReactFlowInstance,
} from '@xyflow/react'
import { onPhone } from '../kit/phone.ts'

/**
 * How a canvas is framed whole, as it opens and as its «Mostra tutto» frames it: its padding,
 * the zoom it stays within, the nodes framed (without them, every node on it).
 */
export type Framing = FitViewOptions & { padding: NonNullable<FitViewOptions['padding']> }

/** How long the view glides to its new frame when the actor's card opens or closes beside it. */
const GLIDE_MS = 150

/**
 * On a laptop the power/interest grid and the relation map are framed whole (`fit`, as they
 * open): when their room changes they are framed again, so all of the grid (its quadrants, the
 * axes, the tray) or every actor of the map stays in sight.
 * - The window resized: at once, in the first frame drawn at the new size, as it opens. It was
 *   framed a frame later and glided there for 150 ms, each step of a window being dragged
 *   starting the glide again: the view trailed the window's edge, cut off or small, and a
 *   screenshot or the projector caught it so.
 * - The actor's card opening or closing beside it, the legend wrapping: gliding, so the eye
 *   follows the card just chosen, which stays in sight with the rest.
 * Not while the person pans or zooms, or carries a card, or follows someone's view (`busy`):
 * the view is under their hand (or the leader's), and where they leave it stays. Nor on a
 * phone, where the view is one's own, at a zoom one reads, panned to the actors one is looking
 * at (the card's sheet opening under the canvas would take the view away from the card just
 * tapped). `canvas` is the canvas's element, `zoom` React Flow's bounds (the fit's own, if it
 * has any, instead, as React Flow frames it); the returned handlers go to React Flow's onMoveStart/onMoveEnd.
 */
export function useRefit(
  flow: ReactFlowInstance,
  canvas: RefObject<HTMLElement | null>,
  fit: Framing,
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
      const framed = fit.nodes ? fit.nodes.map((n) => n.id) : flow.getNodes()
      if (!framed.length) return
      const bounds = flow.getNodesBounds(framed)
      if (!bounds.width || !el.offsetWidth || !el.offsetHeight) return
      const view = getViewportForBounds(
        bounds,
        el.offsetWidth,
        el.offsetHeight,
        fit.minZoom ?? zoom.min,
        fit.maxZoom ?? zoom.max,
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
