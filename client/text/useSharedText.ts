import { useEffect, useLayoutEffect, useRef } from 'react'
import * as Y from 'yjs'
import {
  ROOM_ROOT,
  collectionRoot,
  moveThroughDelta,
  normaliseRoom,
  recordOf,
  textLimit,
  textValue,
  type CollectionName,
} from '../../shared/schema/index.ts'
import { useBoardSession } from '../store/context.tsx'
import { fieldText } from '../store/boardStore.ts'

export interface TextTarget {
  collection: CollectionName
  id: string
  field: string
}

type Field = HTMLTextAreaElement | HTMLInputElement

/** Who took this person's words away: someone, or a version restored (and by whom). */
export type LossCause = { restoredBy: string | null } | null

/**
 * Whether a transaction restored a version: the server writes the room's `restored` in the
 * same update as the restore (server/history/actions.ts); the name comes from the room as read
 * through its normaliser.
 */
function causeOf(doc: Y.Doc, transaction: Y.Transaction): LossCause {
  const room: unknown = doc.getMap(ROOM_ROOT)
  const changed = transaction.changed as Map<unknown, Set<string | null>>
  if (!changed.get(room)?.has('restored')) return null
  return { restoredBy: normaliseRoom(doc).restored?.by ?? null }
}

/**
 * Binds a text field of the page to a shared text of the document, both ways and live: what
 * the person types is written by character as they type; what others type appears at once,
 * and the person's caret and selection stay where they were in the text around them.
 */
export function useSharedText(
  target: TextTarget,
  /** More of the same change, written in the same transaction as each edit. */
  alongside?: (doc: Y.Doc, text: string) => void,
  /**
   * Someone else deleted the record: called with what the field showed, before it empties. A
   * replaced record (a new map under the same id) is not a deletion.
   */
  onGone?: (shown: string, cause: LossCause) => void,
  /**
   * A version restored while this person writes in the field changed its text: called with
   * what the field showed before (their words) and the version's text, before it shows it.
   */
  onRestored?: (shown: string, restoredBy: string | null, restored: string) => void,
): {
  ref: React.RefObject<Field | null>
  maxLength: number | undefined
  /** The field's text now (what the document holds, as this person sees it). */
  current: () => string
  /** Writes what the field shows now to the document (after typing). */
  write: (text?: string) => void
  /** Removes the blanks this person typed at either end of the text (leaving the field). */
  trim: () => void
} {
  const { doc, actions, store } = useBoardSession()
  const ref = useRef<Field | null>(null)
  const { collection, id, field } = target
  const alongsideRef = useRef(alongside)
  alongsideRef.current = alongside
  const onGoneRef = useRef(onGone)
  onGoneRef.current = onGone
  const onRestoredRef = useRef(onRestored)
  onRestoredRef.current = onRestored

  const read = () => {
    const record = recordOf(collectionRoot(doc, collection), id)
    // the board drawn from its preview: the document is not here yet, the preview's words are
    // (client/sync/preview.ts); the record arriving with the document shows its own
    if (!record && store.getState().preview)
      return fieldText(store.getState(), collection, id, field)
    return textValue(record?.get(field))
  }

  // The field starts with the document's text before the browser paints it.
  useLayoutEffect(() => {
    if (ref.current) ref.current.value = read()
  }, [doc, collection, id, field])

  useEffect(() => {
    const root = collectionRoot(doc, collection)
    let record: Y.Map<unknown> | undefined
    let text: Y.Text | undefined

    const show = (delta?: Y.YTextEvent['delta']) => {
      const el = ref.current
      if (!el) return
      const next = read()
      if (el.value === next) return
      if (delta && document.activeElement === el && el.selectionStart !== null) {
        const start = moveThroughDelta(el.selectionStart, delta)
        const end = moveThroughDelta(el.selectionEnd ?? el.selectionStart, delta)
        el.value = next
        el.setSelectionRange(start, end)
      } else el.value = next
    }
    /** A restore replaced the text under the person's caret: their words go aside first. */
    const noteRestore = (transaction: Y.Transaction) => {
      const el = ref.current
      if (transaction.local || !el || document.activeElement !== el) return
      const cause = causeOf(doc, transaction)
      const restored = read()
      if (cause && el.value !== restored)
        onRestoredRef.current?.(el.value, cause.restoredBy, restored)
    }
    const onText = (event: Y.YTextEvent) => {
      noteRestore(event.transaction)
      show(event.delta)
    }
    const bindText = () => {
      const value = record?.get(field)
      const nextText = value instanceof Y.Text ? value : undefined
      if (nextText === text) return
      text?.unobserve(onText)
      text = nextText
      text?.observe(onText)
    }
    const onRecord = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has(field)) return
      noteRestore(event.transaction)
      bindText()
      show()
    }
    const bindRecord = (remote: Y.Transaction | null = null) => {
      const next = root.get(id)
      if (next === record) return
      const shown = remote && record && !(next instanceof Y.Map) ? ref.current?.value : undefined
      if (shown !== undefined) onGoneRef.current?.(shown, causeOf(doc, remote!))
      record?.unobserve(onRecord)
      record = next instanceof Y.Map ? next : undefined
      record?.observe(onRecord)
      bindText()
      show()
    }
    const onRoot = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      if (event.keysChanged.has(id)) bindRecord(event.transaction.local ? null : event.transaction)
    }
    root.observe(onRoot)
    bindRecord()
    return () => {
      root.unobserve(onRoot)
      record?.unobserve(onRecord)
      text?.unobserve(onText)
    }
  }, [doc, collection, id, field])

  const write = (value?: string) => {
    const el = ref.current
    const next = value ?? el?.value ?? ''
    const more = alongsideRef.current
    // what the field shows, typed at its caret: the letter goes where the person put it
    const caret =
      value === undefined && el && el.selectionStart === el.selectionEnd
        ? (el.selectionEnd ?? undefined)
        : undefined
    const ok = actions.editText(collection, id, field, next, more && ((d) => more(d, next)), caret)
    // Refused (a viewer, a board too new): the field shows the document's text again.
    if (!ok && el) el.value = read()
  }

  const trim = () => {
    const more = alongsideRef.current
    actions.trimText(collection, id, field, more && ((d) => more(d, read())))
  }

  return { ref, maxLength: textLimit(collection, field), current: read, write, trim }
}
