import type * as Y from 'yjs'
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
