import * as Y from 'yjs'
import type { CollectionName } from '../../shared/schema/index.ts'
import type { LostEdit } from '../store/boardStore.ts'

interface Written {
  collection: CollectionName
  id: string
  field: string
  text: string
}

/** The collection, record and field of a record's text (a card's label…), or null. */
function placeOf(doc: Y.Doc, text: Y.Text): Omit<Written, 'text'> | null {
  const field = text._item?.parentSub
  const record = text._item?.parent
  if (!field || !(record instanceof Y.Map)) return null
  const id = record._item?.parentSub
  const root = record._item?.parent
  if (!id || !(root instanceof Y.Map) || root._item) return null
  for (const [name, type] of doc.share)
    if ((type as Y.AbstractType<unknown>) === root)
      return { collection: name as CollectionName, id, field }
  return null
}

/**
 * Words this person wrote while the server could not hear them, by the text they went in. If
 * the server's answer on reconnection deletes that record (someone deleted the card meanwhile),
 * they went with it, unseen: the writer is offered them back (LostEditNotice), as when the card
 * goes from under their caret. Forgotten once the server has the changes (`sent`).
 */
export function watchOfflineTexts(
  doc: Y.Doc,
  opts: {
    /** Whether a transaction is this person's own edit. */
    mine: (origin: unknown) => boolean
    /** Whether the server cannot hear this page's edits now. */
    unheard: () => boolean
    onLost: (lost: Omit<LostEdit, 'n'>) => void
  },
): { sent(): void; destroy(): void } {
  const written = new Map<string, Written>()
  const onTransaction = (tr: Y.Transaction) => {
    if (opts.mine(tr.origin)) {
      if (!opts.unheard()) return
      for (const type of tr.changed.keys()) {
        if (!(type instanceof Y.Text)) continue
        const place = placeOf(doc, type)
        if (!place) continue
        const key = `${place.collection}\u0000${place.id}\u0000${place.field}`
        written.set(key, { ...place, text: type.toString() })
      }
      // a record this person deleted themselves takes their words with it, as they meant
      for (const [key, w] of written)
        if (!(doc.getMap(w.collection).get(w.id) instanceof Y.Map)) written.delete(key)
      return
    }
    for (const [key, w] of written) {
      if (doc.getMap(w.collection).get(w.id) instanceof Y.Map) continue
      written.delete(key)
      opts.onLost({ ...w, kind: 'deleted', whileAway: true })
    }
  }
  doc.on('afterTransaction', onTransaction)
  return {
    sent: () => written.clear(),
    destroy: () => doc.off('afterTransaction', onTransaction),
  }
}
