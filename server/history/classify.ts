import * as Y from 'yjs'
import {
  COLLECTIONS,
  ROOT_NAMES,
  collectionSpec,
  normaliseRecord,
} from '../../shared/schema/index.ts'
import type { Fields } from '../../shared/schema/index.ts'

import { updatePlaces, type Decoded, type Place } from '../../shared/schema/updatePlaces.ts'

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
  const { state, find, placeOf } = updatePlaces(doc, decoded)
  /** The record (collection, id) an item sits in, at any depth. */
  const recordOf = (place: Place, depth = 0): { collection: string; id: string } | null => {
    if (!place || depth > 16) return null
    if ('root' in place)
      return COLLECTION_NAMES.has(place.root) && place.key !== null
        ? { collection: place.root, id: place.key }
        : null
    const holder = find(place.holder)
    return holder ? recordOf(placeOf(holder), depth + 1) : null
  }
  /** Ids whose live map the update replaces with a new one (an edit, not a deletion). */
  const replaced = new Set<string>()
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
    const place = placeOf(s)
    if (!place) continue
    if ('root' in place && place.root === ROOT_NAMES.meta && place.key !== null) {
      out.meta.add(place.key)
      continue
    }
    if ('root' in place && COLLECTION_NAMES.has(place.root) && place.key !== null) {
      const live = doc.getMap(place.root).get(place.key) instanceof Y.Map
      if (live) replaced.add(`${place.root}\u0000${place.key}`)
      ids(place.root)[live ? 'edited' : 'created'].add(place.key)
      continue
    }
    const record = recordOf(place)
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
        const place = placeOf(s)
        if (!place) continue
        if ('root' in place && COLLECTION_NAMES.has(place.root) && place.key !== null) {
          const root = doc.getMap(place.root)
          // only the map the id holds now: an older value under the id is long gone
          if (root._map.get(place.key) !== s) continue
          ids(place.root).deleted.add(place.key)
          const fields = normaliseRecord(collectionSpec(place.root), place.key, root.get(place.key))
          if (fields) out.removed.push({ collection: place.root, id: place.key, fields })
          continue
        }
        if ('root' in place && place.root === ROOT_NAMES.meta && place.key !== null) {
          out.meta.add(place.key)
          continue
        }
        const record = recordOf(place)
        if (record) ids(record.collection).edited.add(record.id)
      }
    }
  }

  out.removed = out.removed.filter((d) => !replaced.has(`${d.collection}\u0000${d.id}`))
  for (const [collection, r] of out.records) {
    for (const id of r.deleted) {
      if (replaced.has(`${collection}\u0000${id}`)) {
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
