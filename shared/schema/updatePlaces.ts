import * as Y from 'yjs'

export type Decoded = ReturnType<typeof Y.decodeUpdate>
export type Struct = Decoded['structs'][number]

/** Where an item sits: directly in a root, or inside the type another item holds. */
export type Place =
  { root: string; key: string | null } | { holder: Y.ID; key: string | null } | null

/**
 * Reading a decoded update against a document without applying it: the structs per client, the
 * document's clock per client, an item by id (from the update, else from the document), and
 * where an item sits. The update guard and the history's classifier both read updates so.
 */
export function updatePlaces(doc: Y.Doc, update: Decoded) {
  const byClient = new Map<number, Struct[]>()
  /** The end of what the update writes, per client. */
  const ends = new Map<number, number>()
  for (const s of update.structs) {
    ends.set(s.id.client, Math.max(ends.get(s.id.client) ?? 0, s.id.clock + s.length))
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const known = new Map<number, number>()
  /** The document's clock for a client (what it already holds). */
  const state = (client: number) => {
    let clock = known.get(client)
    if (clock === undefined) {
      clock = Y.getState(doc.store, client)
      known.set(client, clock)
    }
    return clock
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
  return { ends, state, find, placeOf }
}
