import { useEffect } from 'react'
import type * as Y from 'yjs'
import { useReactFlow } from '@xyflow/react'
import { SharedTextField, type DoneReason } from '../text/SharedTextField.tsx'
import type { CanvasName } from '../../shared/schema/index.ts'

/**
 * The text field inside a card, for every canvas: the card's label as shared text, typed live
 * for everyone; Enter keeps it, Shift+Enter makes a new line, Escape gives up this edit.
 */
export function CardTextEditor({
  canvas,
  id,
  label,
  placeholder,
  alongside,
  onDone,
}: {
  canvas: CanvasName
  id: string
  label: string
  placeholder: string
  alongside?: (doc: Y.Doc, text: string) => void
  onDone: (reason: DoneReason) => void
}) {
  useReadableOnPhone(id)
  return (
    <SharedTextField
      target={{ collection: `${canvas}.nodes`, id, field: 'label' }}
      className="card-editor nodrag nowheel"
      label={label}
      placeholder={placeholder}
      rows={3}
      autoFocus
      discardEmptyNew
      tabEnds
      alongside={alongside}
      onDone={onDone}
    />
  )
}

/** A phone's screen this narrow or less shows a card being written at a zoom one can read. */
const PHONE = '(max-width: 700px)'
/** The zoom a card being written on a phone is shown at, at least. */
const READABLE_ZOOM = 1

/**
 * On a phone the tree is fitted to a narrow screen, where a card's text is a few pixels tall:
 * the card being written is brought to the middle at a zoom its text can be read at. Wider
 * screens keep the view their person chose.
 */
function useReadableOnPhone(id: string): void {
  const flow = useReactFlow()
  useEffect(() => {
    if (!window.matchMedia(PHONE).matches || flow.getZoom() >= READABLE_ZOOM) return
    const node = flow.getInternalNode(id)
    if (!node) return
    const w = node.measured.width ?? 0
    const h = node.measured.height ?? 0
    const at = node.internals.positionAbsolute
    void flow.setCenter(at.x + w / 2, at.y + h / 2, { zoom: READABLE_ZOOM, duration: 200 })
  }, [flow, id])
}
