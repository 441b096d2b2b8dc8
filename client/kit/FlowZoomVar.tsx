import { useId, useLayoutEffect, useRef } from 'react'
import { useStore } from '@xyflow/react'

/**
 * The zoom the link handles' click area is sized for (kit/canvas.css): below 0.25 and above 4
 * the area no longer changes, and within, a step of 0.01 (rounded down: the area is never
 * smaller than asked) is finer than a pixel of it.
 */
export function handleZoom(zoom: number): number {
  return Math.floor(Math.min(Math.max(zoom, 0.25), 4) * 100) / 100
}

/** A zoom still moving (the wheel, a pinch, a fit's glide) is published once it has settled. */
const SETTLE_MS = 150

/**
 * Publishes the canvas's zoom as the CSS variable `--flow-zoom` on its link handles (and on the
 * elements of class `flow-zoom`, such as the objective links' «Verificato» and a dot vote's
 * control on the cards), so that their click area can be sized in screen pixels whatever the
 * zoom. Render it anywhere inside `<ReactFlow>` (it draws an empty, hidden element).
 *
 * The variable is set by a rule of its own (`<style>`) that only the handles match, not on the
 * canvas's element: an inherited custom property changed there makes the browser compute the
 * style of every element under it again (~150 ms on a 2,000-card board, against ~50 for the
 * handles alone). And it is written once a zoom has settled, not at every step of the wheel:
 * nobody grabs a link handle while zooming.
 */
export function FlowZoomVar() {
  const zoom = useStore((s) => handleZoom(s.transform[2]))
  const scope = useId()
  /** An empty element of this component's, to find the canvas it is in. */
  const marker = useRef<HTMLSpanElement>(null)
  const rule = useRef<HTMLStyleElement | null>(null)
  /** Whether the rule holds a zoom yet: the first is written at once. */
  const written = useRef(false)
  // Layout effects, in the commit that draws the cards: the rule is there before the browser
  // first styles their handles. Written after the first paint (as React Flow's store gives its
  // element), it had the browser style every handle again (~8,000 elements at 2,000 cards).
  useLayoutEffect(() => {
    const flow = marker.current?.closest<HTMLElement>('.react-flow')
    if (!flow) return
    flow.dataset.zoomScope = scope
    const style = document.createElement('style')
    document.head.append(style)
    rule.current = style
    written.current = false
    return () => {
      rule.current = null
      style.remove()
      if (flow.dataset.zoomScope === scope) delete flow.dataset.zoomScope
    }
  }, [scope])
  useLayoutEffect(() => {
    const style = rule.current
    if (!style) return
    const write = () => {
      const flowEl = `.react-flow[data-zoom-scope="${CSS.escape(scope)}"]`
      style.textContent = `${flowEl} .react-flow__handle,${flowEl} .flow-zoom{--flow-zoom:${zoom}}`
      written.current = true
    }
    if (!written.current) return write()
    const timer = setTimeout(write, SETTLE_MS)
    return () => clearTimeout(timer)
  }, [scope, zoom])
  return <span ref={marker} hidden />
}
