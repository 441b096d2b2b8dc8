import * as Y from 'yjs'
import {
  COLLECTIONS,
  ROOT_NAMES,
  collectionSpec,
  normaliseRecord,
} from '../../shared/schema/index.ts'
import type { Fields } from '../../shared/schema/index.ts'

import { updatePlaces, type Decoded, type Location } from '../../shared/schema/updatePlaces.ts'

const COLLECTION_NAMES = new Set<string>(COLLECTIONS)

/** Record ids a change created, edited and deleted, per collection. */
export interface RecordIds {
  created: Set<string>
  edited: Set<string>
  deleted: Set<string>
}

export interface Classification {
  /** Per collection (registry name); collections the change did not touch are absent. */
  records: Map<string, RecordIds>
  /** The deleted records with their content just before the change (normalised). */
  removed: { collection: string; id: string; fields: Fields }[]
  /** Keys of the board's meta the change wrote (`phase`, `title`…). */
  meta: Set<string>
}

/**
 * What an update does to the board's records, read from the decoded update against the document
 * as it is BEFORE the update is applied (so deleted records can still be read): which records
 * it creates (a new map under an id of a collection root), edits (anything inside a record, or
 * a record replaced) and deletes (the map under an id), and which meta keys it writes.
 */
export function classifyUpdate(doc: Y.Doc, update: Uint8Array | Decoded): Classification {
  const decoded = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  const out: Classification = { records: new Map(), removed: [], meta: new Set() }
  const { state, locate } = updatePlaces(doc, decoded)
  /** The record (collection, id) an item sits in, at any depth. */
  const recordOf = (at: Location): { collection: string; id: string } | null => {
    const id = at.keys[0]
    return COLLECTION_NAMES.has(at.root) && id != null ? { collection: at.root, id } : null
  }
  /** Ids whose live map the update replaces with a new one (an edit, not a deletion). */
  let replaced: Set<string> | null = null
  const ids = (collection: string) => {
    let r = out.records.get(collection)
    if (!r)
      out.records.set(
        collection,
        (r = { created: new Set(), edited: new Set(), deleted: new Set() }),
      )
    return r
  }

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue
    if (s.id.clock + s.length <= state(s.id.client)) continue // already in the document
    const at = locate(s)
    if (!at) continue
    const key = at.keys.length === 1 ? at.keys[0] : null
    if (at.root === ROOT_NAMES.meta && key != null) {
      out.meta.add(key)
      continue
    }
    if (COLLECTION_NAMES.has(at.root) && key != null) {
      const live = doc.getMap(at.root).get(key) instanceof Y.Map
      if (live) (replaced ??= new Set()).add(`${at.root}\u0000${key}`)
      ids(at.root)[live ? 'edited' : 'created'].add(key)
      continue
    }
    const record = recordOf(at)
    if (record) ids(record.collection).edited.add(record.id)
  }

  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    const known = state(client)
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known)
      if (clock >= end) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!
        if (s.id.clock >= end) break
        if (!(s instanceof Y.Item) || s.deleted) continue
        const at = locate(s)
        if (!at) continue
        const key = at.keys.length === 1 ? at.keys[0] : null
        if (COLLECTION_NAMES.has(at.root) && key != null) {
          const root = doc.getMap(at.root)
          // only the map the id holds now: an older value under the id is long gone
          if (root._map.get(key) !== s) continue
          ids(at.root).deleted.add(key)
          const fields = normaliseRecord(collectionSpec(at.root), key, root.get(key))
          if (fields) out.removed.push({ collection: at.root, id: key, fields })
          continue
        }
        if (at.root === ROOT_NAMES.meta && key != null) {
          out.meta.add(key)
          continue
        }
        const record = recordOf(at)
        if (record) ids(record.collection).edited.add(record.id)
      }
    }
  }

  const wasReplaced = (collection: string, id: string) =>
    replaced !== null && replaced.has(`${collection}\u0000${id}`)
  if (replaced) out.removed = out.removed.filter((d) => !wasReplaced(d.collection, d.id))
  for (const [collection, r] of out.records) {
    for (const id of r.deleted) {
      if (wasReplaced(collection, id)) {
        r.deleted.delete(id)
        continue
      }
      r.edited.delete(id)
      // made and removed in one change: nothing happened to the board
      if (r.created.delete(id)) r.deleted.delete(id)
    }
    for (const id of r.created) r.edited.delete(id)
    if (!r.created.size && !r.edited.size && !r.deleted.size) out.records.delete(collection)
  }
  return out
}

/** How many records a change deletes, all collections together. */
export function deletedCount(c: Classification): number {
  let n = 0
  for (const r of c.records.values()) n += r.deleted.size
  return n
}

/** How many records a change creates, all collections together. */
export function createdCount(c: Classification): number {
  let n = 0
  for (const r of c.records.values()) n += r.created.size
  return n
}

/** Whether a change touches the board's content: a record, or a meta key other than the phase. */
export function changesContent(c: Classification): boolean {
  if (c.records.size) return true
  for (const key of c.meta) if (key !== 'phase') return true
  return false
}
