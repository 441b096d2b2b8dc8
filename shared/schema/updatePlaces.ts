import * as Y from 'yjs'

export type Decoded = ReturnType<typeof Y.decodeUpdate>
export type Struct = Decoded['structs'][number]

/**
 * Where an item sits: the root it is under and the keys from the root down to it (a record's
 * id, then its field…; null where the item sits in a list or a text rather than under a key).
 * Shared: never modified.
 */
export interface Location {
  readonly root: string
  readonly keys: readonly (string | null)[]
}

/** Deeper than any document the schema allows: a chain this long is not followed. */
const MAX_DEPTH = 64

/** An item of an update sits deeper than any board allows: nobody honest writes one. */
export class NestedTooDeep extends Error {
  constructor() {
    super(`an item nested more than ${MAX_DEPTH} levels deep`)
  }
}

/**
 * Where each type of a document sits, kept across updates: a type never moves (its item's
 * parent and key are fixed once it is integrated), so every update that reaches into the same
 * record climbs to its root once, not once per update. Keyed by the type object: a root that is
 * a new object under an old name (a loaded document's placeholder roots, replaced by the first
 * getMap) is a miss and is read again.
 */
const typeLocations = new WeakMap<Y.AbstractType<any>, Location>()

/**
 * The places one key (or list position, null) below a known place, kept with it: every item of
 * a document's text or map under one record shares its place, and a busy board locates tens of
 * them per update. Only places of what the document holds are kept (bounded by the document);
 * an update's own items, whose keys anyone can choose, are placed afresh.
 */
const childPlaces = new WeakMap<Location, Map<string | null, Location>>()

function childOf(above: Location, key: string | null): Location {
  let children = childPlaces.get(above)
  if (!children) childPlaces.set(above, (children = new Map()))
  let place = children.get(key)
  if (!place) children.set(key, (place = { root: above.root, keys: [...above.keys, key] }))
  return place
}

/** The location of a document's type: a root, or the place of the item that holds it. */
export function typeLocation(type: Y.AbstractType<any>, depth = 0): Location | null {
  const known = typeLocations.get(type)
  if (known) return known
  if (depth > MAX_DEPTH) return null
  const item = type._item
  let out: Location | null = null
  if (!item) {
    const doc = type.doc
    if (doc)
      for (const [name, root] of doc.share)
        if (root === type) {
          out = { root: name, keys: [] }
          break
        }
  } else if (item.parent instanceof Y.AbstractType) {
    const above = typeLocation(item.parent, depth + 1)
    out = above && childOf(above, item.parentSub)
  }
  if (out) typeLocations.set(type, out)
  return out
}

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
  /** An item of the document, or else of the update (by id). */
  const find = (id: Y.ID): Y.Item | null => {
    // What the document holds is what Yjs builds on: a resent copy of it in the update may
    // claim another place (a forged parent), and is not what new items are put next to.
    if (id.clock < state(id.client)) {
      const item = Y.getItem(doc.store, id)
      return item instanceof Y.Item ? item : null
    }
    // structs of one client come in clock order: binary search
    const list = byClient.get(id.client)
    if (list) {
      let lo = 0
      let hi = list.length - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const s = list[mid]!
        if (id.clock < s.id.clock) hi = mid - 1
        else if (id.clock >= s.id.clock + s.length) lo = mid + 1
        else return s instanceof Y.Item ? s : null
      }
    }
    return null
  }
  // the items of one update sit in the same few records and texts
  const located = new Map<Y.Item, Location | null>()
  /** Where an item of the update or of the document sits; null when it cannot be told. */
  const locate = (item: Y.Item, depth = 0): Location | null => {
    const parent = item.parent as unknown
    // an item of the document: its type's place is kept
    if (parent instanceof Y.AbstractType) {
      const above = typeLocation(parent)
      return above && childOf(above, item.parentSub)
    }
    const seen = located.get(item)
    if (seen !== undefined) return seen
    // never remembered as "nowhere": the caller refuses the whole update
    if (depth > MAX_DEPTH) throw new NestedTooDeep()
    let out: Location | null = null
    if (typeof parent === 'string') out = { root: parent, keys: [item.parentSub] }
    else if (parent instanceof Y.ID) {
      const holder = find(parent)
      const above = holder && locate(holder, depth + 1)
      out = above && { root: above.root, keys: [...above.keys, item.parentSub] }
    } else {
      // Not encoded: the item sits where its neighbour does (under its own key, if it has one).
      // Of an item the document partly holds, Yjs integrates only the rest, next to the
      // document's own last item of that client: that one is the neighbour, whatever the
      // update's copy claims.
      const known = state(item.id.client)
      const partly = item.id.clock < known && known < item.id.clock + item.length
      const neighbour = partly
        ? find(Y.createID(item.id.client, known - 1))
        : (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin))
      const beside = neighbour && locate(neighbour, depth + 1)
      out =
        beside &&
        (item.parentSub === null
          ? beside
          : { root: beside.root, keys: [...beside.keys.slice(0, -1), item.parentSub] })
    }
    located.set(item, out)
    return out
  }
  return { ends, state, find, locate }
}
