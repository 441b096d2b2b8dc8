import type { CollectionName } from '../../shared/schema/index.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

/** The text of a record's field as the page holds it ('' when there is none). */
function fieldText(s: BoardState, collection: CollectionName, id: string, field: string): string {
  const [canvas, part] = collection.split('.') as [string, string | undefined]
  type Drawn = { id: string; data?: object }
  const drawn = (s.canvases as Record<string, { nodes: Drawn[]; edges: Drawn[] }>)[canvas]
  // a card or a link: its fields are its data; any other record: the list's item itself
  const item =
    drawn && (part === 'nodes' || part === 'edges')
      ? drawn[part].find((n) => n.id === id)?.data
      : (s.lists as Record<string, { id: string }[]>)[collection]?.find((i) => i.id === id)
  const value = (item as Record<string, unknown> | undefined)?.[field]
  return typeof value === 'string' ? value : ''
}

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
