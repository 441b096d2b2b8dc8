import type { CollectionName } from '../../shared/schema/index.ts'
import { useBoard } from '../store/context.tsx'
import { fieldText, type BoardState } from '../store/boardStore.ts'

/**
 * A shared text for someone who may not write it (a projector, a locked phase): the words as
 * text, whole, wrapped, live. A disabled field cut them at its width and showed a resize handle.
 */
export function ReadOnlyText({
  collection,
  id,
  field,
  label,
  multiline = false,
  className = '',
}: {
  collection: CollectionName
  id: string
  field: string
  label: string
  multiline?: boolean
  /** The field's own classes (its input styling is left out). */
  className?: string
}) {
  const value = useBoard((s: BoardState) => fieldText(s, collection, id, field))
  // the field's classes without its input styling (`pm-input`, `pact-input`)
  const own = className.replace(/\b(pm|pact)-input\b/g, '').trim()
  return (
    <span
      className={`text-readonly${multiline ? ' multiline' : ''} ${own}`.trim()}
      data-field={field}
      aria-label={label}
    >
      {value || <span className="text-readonly-empty">—</span>}
    </span>
  )
}
