import { useMemo, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useBoard, useBoardSession, useCardInputs } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { writersIn, type Writers } from '../store/writers.ts'
import './writtenField.css'

/** The others writing a card on a canvas (from the card inputs: a drag re-renders nothing). */
export function useWriter(id: string): Writers | undefined {
  return useCardInputs((s) => s.writers.get(id))
}

/**
 * The others writing record `id` (its `field`, or any text of it), outside the canvases. One
 * selector reads them, as a key of what a mark shows (the first writer and colour, the names):
 * a writer's cursor moving elsewhere leaves the key as it is, so nothing re-renders for it.
 */
export function useWritersOf(id: string, field?: string): Writers | undefined {
  const { store } = useBoardSession()
  const key = useBoard((s: BoardState) => {
    const w = writersIn(s.peers, id, field)
    return w ? JSON.stringify([w.first.clientId, w.first.user.color, w.names]) : ''
  })
  return useMemo(
    () => (key ? writersIn(store.getState().peers, id, field) : undefined),
    [key, store, id, field],
  )
}

/** "Anna sta scrivendo", "Anna e Bruno stanno scrivendo", "Anna e altri 2 stanno scrivendo". */
export function writersText(t: TFunction<'board'>, w: Writers): string {
  const [name, other] = w.names
  if (w.names.length === 1) return t('card.editingBy', { name })
  if (w.names.length === 2) return t('card.editingByTwo', { name, other })
  return t('card.editingByMore', { name, count: w.names.length - 1 })
}

/**
 * {@link writersText} in the page's language. A canvas's cards take `t` from their canvas
 * instead: a translation hook per card is a measurable part of a large board's first render.
 */
export function useWritersText(): (writers: Writers) => string {
  const { t } = useTranslation('board')
  return (w) => writersText(t, w)
}

/** "Anna sta scrivendo" on a card, in the (first) writer's colour. */
export function WriterMark({ writer }: { writer: Writers | undefined }) {
  // a card nobody else is writing pays for nothing here
  return writer ? <WriterLabel writer={writer} /> : null
}

/** {@link WriterMark} for a card that knows it has a writer (no component of its own otherwise). */
export function WriterLabel({ writer }: { writer: Writers }) {
  const text = useWritersText()
  return (
    <div className="card-writer" style={{ background: writer.first.user.color }}>
      {text(writer)}
    </div>
  )
}

/**
 * A text field others may be writing in, outside the canvases: outlined in the first writer's
 * colour, named on hover and, with `named` (a field with room above it), in a label over it.
 */
export function WrittenField({
  id,
  field,
  named = false,
  className,
  children,
}: {
  id: string
  field: string
  named?: boolean
  className: string
  children: ReactNode
}) {
  const writer = useWritersOf(id, field)
  const text = useWritersText()
  return (
    <span
      className={`${className} written-field${writer ? ' being-written' : ''}`}
      style={writer ? { outlineColor: writer.first.user.color } : undefined}
      title={writer ? text(writer) : undefined}
    >
      {children}
      {writer && named && (
        <span className="field-writer" style={{ background: writer.first.user.color }}>
          {text(writer)}
        </span>
      )}
    </span>
  )
}
