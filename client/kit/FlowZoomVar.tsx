import { useEffect } from 'react'
import { useStore } from '@xyflow/react'

/**
 * Publishes the canvas's zoom as the CSS variable `--flow-zoom` on the React Flow element, so
 * that what must stay a usable size on screen (the link handles' click area) can be sized in
 * screen pixels whatever the zoom. Render it anywhere inside `<ReactFlow>`.
 */
export function FlowZoomVar() {
  const zoom = useStore((s) => s.transform[2])
  const dom = useStore((s) => s.domNode)
  useEffect(() => {
    dom?.style.setProperty('--flow-zoom', String(zoom))
  }, [dom, zoom])
  return null
}
