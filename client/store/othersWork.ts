import * as Y from 'yjs'
import {
  REGISTRY,
  collectionRoot,
  forEachRecord,
  type CollectionName,
} from '../../shared/schema/index.ts'

/** Fields that only say where a card stands: moving someone's card is not working on it. */
const PLACE_FIELDS = new Set(['x', 'y'])

type Step = Y.UndoManager['undoStack'][number]

/**
 * The records a step of this user's history created (or brought back) that someone else has
 * worked on since, and who. Undoing (or redoing) the step keeps them: it takes back this
 * user's own change, never others' words with it.
 */
export interface OthersWork {
  /** The records' entries in their collections (what the undo must not delete). */
  entries: Set<Y.Item>
  /** How many records stay because someone else worked on them. */
  count: number
  /** The others' client ids (awareness names them while they are on the board). */
  by: Set<number>
}

/** The entry of the record `item` is part of (its item in a collection's root), or null. */
export function recordEntryOf(item: Y.Item): Y.Item | null {
  let at = item
  for (;;) {
    const parent = at.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent._item === null) return at.parentSub === null ? null : at
    at = parent._item
  }
}

/**
 * Someone not in `own` has words in `type` still (any field but a card's place), or null. What
 * they wrote and then took back (or someone overwrote) is not theirs any more: only what shows.
 */
function authorIn(type: Y.AbstractType<unknown>, own: Set<number>, top: boolean): number | null {
  const of = (it: Y.Item): number | null => {
    if (it.deleted) return null
    if (!own.has(it.id.client)) return it.id.client
    return it.content instanceof Y.ContentType
      ? authorIn(it.content.type as Y.AbstractType<unknown>, own, false)
      : null
  }
  for (const [key, item] of type._map) {
    const who = top && PLACE_FIELDS.has(key) ? null : of(item)
    if (who !== null) return who
  }
  for (let it = type._start; it; it = it.right) {
    const who = of(it)
    if (who !== null) return who
  }
  return null
}

/**
 * The records that refer to others (a link to its cards, a score to its candidate), by what
 * they refer to (`collection\0id`): a record made, or pointed there, by someone not in `own`
 * gives that someone; one of this user's own, the entry of the record referring.
 */
function references(doc: Y.Doc, own: Set<number>) {
  const others = new Map<string, number>()
  const mine = new Map<string, Y.Item[]>()
  for (const spec of REGISTRY) {
    const fields = Object.entries(spec.refs)
    if (fields.length === 0) continue
    const root = collectionRoot(doc, spec.name)
    forEachRecord(root, (record, rid) => {
      const entry = root._map.get(rid)!
      for (const [field, target] of fields) {
        const id = record.get(field)
        if (typeof id !== 'string') continue
        const key = `${target}\u0000${id}`
        const author = [entry, record._map.get(field)!].find((it) => !own.has(it.id.client))
        if (author) others.set(key, author.id.client)
        else mine.set(key, [...(mine.get(key) ?? []), entry])
      }
    })
  }
  return { others, mine }
}

/** What `step` of this doc's history would undo that others have worked on (null: nothing). */
export function othersWork(doc: Y.Doc, step: Step): OthersWork | null {
  const roots = new Map<unknown, CollectionName>(
    REGISTRY.map((spec) => [collectionRoot(doc, spec.name), spec.name]),
  )
  // the records the step created, as they are now (an undone deletion brought them back anew)
  const created = new Map<Y.Item, CollectionName>()
  step.insertions.clients.forEach((ranges, client) => {
    const structs = doc.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        let s: Y.Item | Y.GC = structs[i]!
        if (s.id.clock >= clock + len) break
        if (!(s instanceof Y.Item) || s.parentSub === null) continue
        const name = s.parent instanceof Y.AbstractType ? roots.get(s.parent) : undefined
        if (!name) continue
        while (s instanceof Y.Item && s.redone !== null) s = Y.getItem(doc.store, s.redone)
        if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentType)
          created.set(s, name)
      }
    }
  })
  if (created.size === 0) return null
  // this user's own: whatever the step wrote, and this page
  const own = new Set([doc.clientID, ...step.insertions.clients.keys()])
  const refs = references(doc, own)
  const keyOf = (entry: Y.Item) => `${created.get(entry)}\u0000${entry.parentSub}`
  const entries = new Set<Y.Item>()
  const by = new Set<number>()
  for (const entry of created.keys()) {
    const type = (entry.content as Y.ContentType).type as Y.AbstractType<unknown>
    const who = authorIn(type, own, true) ?? refs.others.get(keyOf(entry)) ?? null
    if (who === null) continue
    entries.add(entry)
    by.add(who)
  }
  if (entries.size === 0) return null
  const count = entries.size
  // a link the step made to a record that stays stays with it (a new cause's link to the card
  // it was added to), unless the undo takes its other card: then it goes, as it would have
  const going = new Set([...created.keys()].filter((e) => !entries.has(e)).map(keyOf))
  const kept = [...entries]
  for (const entry of kept)
    for (const link of refs.mine.get(keyOf(entry)) ?? []) {
      if (!created.has(link) || entries.has(link)) continue
      const spec = REGISTRY.find((s) => s.name === created.get(link))!
      const record = (link.content as Y.ContentType).type as Y.Map<unknown>
      const ends = Object.entries(spec.refs).map(([f, target]) => `${target}\u0000${record.get(f)}`)
      if (!ends.some((end) => going.has(end))) entries.add(link)
    }
  return { entries, count, by }
}
