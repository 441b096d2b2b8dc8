import * as Y from 'yjs'
import {
  COLLECTIONS,
  ROOT_NAMES,
  collectionSpec,
  normaliseRecord,
} from '../../shared/schema/index.ts'
import type { Fields } from '../../shared/schema/index.ts'

type Decoded = ReturnType<typeof Y.decodeUpdate>
type Struct = Decoded['structs'][number]
type Place = { root: string; key: string | null } | { holder: Y.ID; key: string | null } | null

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
  const byClient = new Map<number, Struct[]>()
  for (const s of decoded.structs) {
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const states = new Map<number, number>()
  const state = (client: number) => {
    let clock = states.get(client)
    if (clock === undefined) states.set(client, (clock = Y.getState(doc.store, client)))
    return clock
  }
  const find = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client) ?? []
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]!
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s instanceof Y.Item ? s : null
    }
    if (id.clock < state(id.client)) {
      const item = Y.getItem(doc.store, id)
      return item instanceof Y.Item ? item : null
    }
    return null
  }
  const placeOf = (item: Y.Item, depth = 0): Place => {
    if (depth > 64) return null
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { root: parent, key: item.parentSub }
    if (parent instanceof Y.ID) return { holder: parent, key: item.parentSub }
    if (parent instanceof Y.AbstractType) {
      if (parent._item) return { holder: parent._item.id, key: item.parentSub }
      return { root: Y.findRootTypeKey(parent), key: item.parentSub }
    }
    const neighbour =
      (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin))
    if (!neighbour) return null
    const place = placeOf(neighbour, depth + 1)
    return place && { ...place, key: item.parentSub ?? place.key }
  }
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
