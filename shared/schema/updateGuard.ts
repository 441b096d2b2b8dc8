import * as Y from 'yjs'
import { ROOT_NAMES, COLLECTIONS } from './roots.ts'
import { FACILITATOR_META_KEYS, collectionSpec } from './registry.ts'

type Decoded = ReturnType<typeof Y.decodeUpdate>
type Struct = Decoded['structs'][number]

/** Where an item sits: directly in a root, or inside the type another item holds. */
type Place = { root: string; key: string | null } | { holder: Y.ID; key: string | null } | null

const COLLECTION_NAMES = new Set<string>(COLLECTIONS)

/**
 * Why the server must refuse an update before applying it, or null when it may go in. Checked
 * on the decoded update against the document as it is, without applying anything:
 *
 * - a delete set that reaches clocks nobody has written yet (the "black hole": Yjs would keep
 *   it pending and delete the victims' next cards on arrival, for everyone);
 * - something other than a map where a record goes (a string or a plain object under a card's
 *   id), a nested type where a plain field goes, a plain field of the wrong type (a string where
 *   the registry says a number), or anything but text in a shared-text field.
 *
 * - a change of what only the facilitator decides (`meta.phase`, `meta.chosenStrategy`, see
 *   {@link FACILITATOR_META_KEYS}) by anyone else.
 *
 * Content that depends on something this document does not hold is left alone: Yjs keeps it
 * pending until the rest arrives.
 */
export function refuseUpdate(
  doc: Y.Doc,
  update: Decoded,
  writer: { facilitator: boolean } = { facilitator: true },
): string | null {
  const known = new Map<number, number>()
  const ends = new Map<number, number>()
  const byClient = new Map<number, Struct[]>()
  for (const s of update.structs) {
    ends.set(s.id.client, Math.max(ends.get(s.id.client) ?? 0, s.id.clock + s.length))
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const state = (client: number) => {
    let clock = known.get(client)
    if (clock === undefined) {
      clock = Y.getState(doc.store, client)
      known.set(client, clock)
    }
    return clock
  }

  // what the facilitator decides, as the document holds it now: deleting it is changing it
  const guarded = writer.facilitator ? [] : facilitatorItems(doc)
  for (const [client, deletes] of update.ds.clients)
    for (const d of deletes) {
      const reach = Math.max(state(client), ends.get(client) ?? 0)
      if (d.clock + d.len > reach)
        return `deletes content never written (client ${client}, clock ${d.clock + d.len - 1})`
      for (const { key, id } of guarded)
        if (id.client === client && id.clock >= d.clock && id.clock < d.clock + d.len)
          return `only the facilitator changes meta.${key}`
    }

  /** An item of the update (by id), or of the document. */
  const find = (id: Y.ID): Y.Item | null => {
    // structs of one client come in clock order: binary search
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
    // Not encoded: the item sits where its neighbour does.
    const neighbour =
      (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin))
    if (!neighbour) return null
    const place = placeOf(neighbour, depth + 1)
    return place && { ...place, key: item.parentSub ?? place.key }
  }

  for (const s of update.structs) {
    if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue
    // already in the document (a resent update): nothing new
    if (s.id.clock + s.length <= state(s.id.client)) continue
    const place = placeOf(s)
    if (!place) continue
    if (
      !writer.facilitator &&
      'root' in place &&
      place.root === ROOT_NAMES.meta &&
      FACILITATOR_META_KEYS.includes(place.key as never)
    )
      return `only the facilitator changes meta.${place.key}`
    const problem = 'root' in place ? checkInRoot(place.root, place.key, s) : checkNested(place, s)
    if (problem) return problem
  }
  return null

  function checkNested(place: { holder: Y.ID; key: string | null }, s: Y.Item): string | null {
    const holder = find(place.holder)
    if (!holder) return null
    const holderPlace = placeOf(holder)
    // a field of a record: the record's map is held by an item directly in a collection root
    if (!holderPlace || !('root' in holderPlace) || !COLLECTION_NAMES.has(holderPlace.root))
      return null
    if (place.key === null) return `${holderPlace.root}: a record is a map, not a list`
    return checkField(holderPlace.root, place.key, s)
  }
}

/** The items that hold the facilitator's decisions in the document now. */
function facilitatorItems(doc: Y.Doc): { key: string; id: Y.ID }[] {
  const meta = doc.getMap(ROOT_NAMES.meta)
  const out: { key: string; id: Y.ID }[] = []
  for (const key of FACILITATOR_META_KEYS) {
    const item = meta._map.get(key)
    if (item && !item.deleted) out.push({ key, id: item.id })
  }
  return out
}

function checkInRoot(root: string, key: string | null, s: Y.Item): string | null {
  if (COLLECTION_NAMES.has(root)) {
    if (key === null) return `${root}: records go under an id`
    const content = s.content
    if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map))
      return `${root}.${key}: a record must be a map`
    return null
  }
  if (root === ROOT_NAMES.meta && !(s.content instanceof Y.ContentAny))
    return `meta.${key}: meta holds plain values`
  return null
}

function checkField(collection: string, field: string, s: Y.Item): string | null {
  const spec = collectionSpec(collection)
  const content = s.content
  const where = `${collection} field ${field}`
  if (field in spec.texts) {
    if (content instanceof Y.ContentType)
      return content.type instanceof Y.Text ? null : `${where}: shared text expected`
    if (content instanceof Y.ContentAny)
      return content.arr.every((v) => typeof v === 'string') ? null : `${where}: text expected`
    return `${where}: text expected`
  }
  const schema = spec.record.shape[field] as { safeParse(v: unknown): { success: boolean } }
  if (!schema) return null // unknown fields are kept, for newer clients
  if (!(content instanceof Y.ContentAny)) return `${where}: a plain value expected`
  for (const value of content.arr)
    if (!schema.safeParse(value).success) return `${where}: ${JSON.stringify(value)} does not fit`
  return null
}
