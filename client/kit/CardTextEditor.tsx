import { useEffect } from 'react'
import type * as Y from 'yjs'
import { useReactFlow } from '@xyflow/react'
import { SharedTextField, type DoneReason } from '../text/SharedTextField.tsx'
import { onPhone } from './phone.ts'
import { revealCard } from './treeWalk.ts'
import type { CanvasName } from '../../shared/schema/index.ts'

/**
 * The text field inside a card, for every canvas: the card's label as shared text, typed live
 * for everyone; Enter keeps it, Shift+Enter makes a new line, Escape gives up this edit. Left
 * with Enter or Escape, the card itself takes the focus, so a keyboard (and a screen reader) is
 * still on it, not on the page's body; left with Tab the next card's editor takes it.
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
  const done = (reason: DoneReason) => {
    // still on the field, before it lets go of the focus (to the page's body) and leaves the page
    const card = document.activeElement?.closest<HTMLElement>('.react-flow__node')
    onDone(reason)
    if ((reason === 'enter' || reason === 'escape') && card?.dataset.id === id && card.isConnected)
      card.focus({ preventScroll: true })
  }
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
      onDone={done}
    />
  )
}

/** The zoom a card being written on a phone is shown at, at least. */
const READABLE_ZOOM = 1

/**
 * On a phone the tree is fitted to a narrow screen, where a card's text is a few pixels tall:
 * the card being written is brought to the middle at a zoom its text can be read at; at that
 * zoom already, into the part of the screen the tools and the warnings leave clear, if it is
 * not there. Wider screens keep the view their person chose.
 */
function useReadableOnPhone(id: string): void {
  const flow = useReactFlow()
  useEffect(() => {
    if (!onPhone()) return
    const node = flow.getInternalNode(id)
    if (!node) return
    const canvas = document
      .querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      ?.closest('.react-flow')
    const card = { position: node.internals.positionAbsolute, measured: node.measured }
    revealCard(flow, canvas ?? null, card, Math.max(flow.getZoom(), READABLE_ZOOM))
  }, [flow, id])
}
