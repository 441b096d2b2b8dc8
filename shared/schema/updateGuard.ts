import * as Y from 'yjs'
import { ROOT_NAMES, COLLECTIONS } from './roots.ts'
import { collectionSpec, isIdSet, textLimit } from './registry.ts'
import { FIELD_DEPTH, idSchema, jsonWithin } from './spec.ts'
import { ROOM_ROOT, SERVER_ROOM_KEYS, roomValueFits } from './room.ts'
import {
  participantMayNotTouch,
  plainValue,
  recordType,
  roomControl,
  type Refusal,
  type RoomControl,
} from './control.ts'

export * from './control.ts'

import type { z } from 'zod'
import { fitsSchema } from './normalise.ts'
import { NestedTooDeep, typeLocation, updatePlaces, type Decoded } from './updatePlaces.ts'
import { integrationProblem } from './integrable.ts'
import { dotFields, type LateDot, type LateDots } from './lateDots.ts'

const COLLECTION_NAMES = new Set<string>(COLLECTIONS)
/** The board's roots: nothing is written anywhere else (no reader would see it, no restore or
 * export would take it away, and it would weigh on every client that joins). */
const KNOWN_ROOTS = new Set<string>([ROOT_NAMES.meta, ROOM_ROOT, ...COLLECTIONS])
const DOTS = 'votes.dots'
const VOTES = 'votes'

/** What an update does to the dots of a dot vote, gathered while it is read. */
interface DotTouch {
  /** The `vote` and `voter` the update writes, if it does. */
  vote?: unknown
  voter?: unknown
  deleted?: boolean
  /** A field the update writes two different values into (see noteDot). */
  twice?: 'vote' | 'voter'
}

/** An update that needs content the document does not hold (see {@link judgeUpdate}). */
export interface Unintegrable {
  kind: 'unintegrable'
  reason: string
}

/**
 * Why the server must refuse an update before applying it, or null when it may go in. Checked
 * on the decoded update against the document as it is, without applying anything, in time
 * proportional to the update (and to the items its delete set reaches):
 *
 * - `unintegrable`: what would not integrate fully into the document as it is, with what the
 *   update itself brings, in Yjs's order (shared/schema/integrable.ts): a struct whose origin,
 *   right origin or parent is neither in the document nor in the update, a client's structs
 *   starting past the document's clock for that client, a deletion range over clocks the
 *   document will not hold (the "black hole": Yjs would keep it pending and delete the
 *   victims' next cards on arrival, for everyone), an empty deletion range. Yjs would keep
 *   such content pending, on the server and on every client it was relayed to.
 *   Not final: an honest client can send one (an edit made as it reconnects, before its sync
 *   step 2; an edit building on one another tab of the same browser passed it over the
 *   BroadcastChannel and that has not reached the server yet). The server drops it, stores
 *   and relays nothing of it, and answers with its own sync step 1: the client's sync step 2,
 *   computed from its whole document against the server's state vector, carries everything
 *   the server lacks, the dropped update included (server/sync/updateIntake.ts);
 * - `malformed`, final: what no Yjs encoder writes (a client's structs in two blocks, an item
 *   referring to its own client's later content, on which Yjs throws); something other than a
 *   map where a record goes (a string or a plain object under a card's id), a nested type where
 *   a plain field goes, a plain field of the wrong type (a string where the registry says a
 *   number), anything but text in a shared-text field, or a value of the `room` root that does
 *   not fit its schema;
 * - from anyone but the facilitator: any insertion or deletion in what only the facilitator
 *   decides (the `room` root, collections written by the facilitator only such as `votes`,
 *   `meta.phase` and `meta.chosenStrategy`); any change at all while the board is frozen; a
 *   change to a collection whose phase is locked; a dot placed, moved or taken back in a vote
 *   that is not open, or past the vote's dots for one voter.
 *
 * `bytes`, the encoded update, lets the guard also read its header (a client written twice);
 * `queued`, the clocks of updates accepted and still waiting to be stored (integrable.ts).
 */
export function judgeUpdate(
  doc: Y.Doc,
  update: Decoded,
  writer: { facilitator: boolean } = { facilitator: true },
  bytes?: Uint8Array,
  queued?: ReadonlyMap<number, number>,
): Refusal | Unintegrable | LateDots | null {
  const integration = integrationProblem(doc, update, bytes, queued)
  if (integration) return integration
  const { state, locate } = updatePlaces(doc, update)
  const malformed = (reason: string): Refusal => ({ kind: 'malformed', reason })
  const control: RoomControl | null = writer.facilitator ? null : roomControl(doc)
  const dots = new Map<string, DotTouch>()

  // What a participant deletes of the document: deleting is changing.
  if (control) {
    const refusal = judgeDeletions(doc, update, control, dots)
    if (refusal) return refusal
  }
  // What only the server writes into the room (a restore's notice), nobody deletes either.
  const serverKey = deletesServerRoomKey(doc, update)
  if (serverKey) return malformed(`room.${serverKey} is written by the server only`)

  for (const s of update.structs) {
    if (!(s instanceof Y.Item)) continue
    // already in the document (a resent update): nothing new
    if (s.id.clock + s.length <= state(s.id.client)) continue
    if (control?.frozen) return { kind: 'frozen', reason: 'the board is paused' }
    let where
    try {
      where = locate(s)
    } catch (err) {
      if (err instanceof NestedTooDeep) return malformed(err.message)
      throw err
    }
    if (!where) continue
    if (!KNOWN_ROOTS.has(where.root)) return malformed(`${where.root}: not a root of the board`)
    const [key = null, field = null] = where.keys
    if (where.root === ROOM_ROOT && key !== null && SERVER_ROOM_KEYS.has(key))
      return malformed(`room.${key} is written by the server only`)
    if (control) {
      // a deleted item under a key replaces (deletes) what the key held: it is a change too
      const refusal = participantMayNotTouch(where.root, key, control)
      if (refusal) return refusal
      if (where.root === DOTS && key !== null) noteDot(dots, key, field, where.keys.length, s)
    }
    if (s.content instanceof Y.ContentDeleted) continue
    const problem =
      where.keys.length === 1
        ? checkInRoot(where.root, key, s)
        : !COLLECTION_NAMES.has(where.root)
          ? null
          : where.keys.length === 2
            ? field === null
              ? `${where.root}: a record is a map, not a list`
              : checkField(where.root, field, s)
            : field !== null && isIdSet(where.root, field) && where.keys.length === 3
              ? checkInIdSet(where.root, field, where.keys[2]!, s)
              : field !== null && textLimit(where.root, field) !== undefined
                ? checkInText(where.root, field, where.keys.length, s)
                : `${where.root} field ${field}: nothing nests in it`
    if (problem) return malformed(problem)
  }
  return dots.size ? judgeDots(doc, dots) : null
}

/**
 * {@link judgeUpdate}'s reason, or null: the update guard as a plain message. Dots in a vote
 * that is not open are a reason here (a change the server builds, such as a restore, must not
 * write them); a participant's own update with them goes in and has them taken back.
 */
export function refuseUpdate(
  doc: Y.Doc,
  update: Decoded,
  writer: { facilitator: boolean } = { facilitator: true },
  bytes?: Uint8Array,
): string | null {
  return judgeUpdate(doc, update, writer, bytes)?.reason ?? null
}

/**
 * What a participant's delete set does to the document: each item it deletes that is still
 * there, found through its parents up to its root (each type's place is kept, updatePlaces.ts).
 */
function judgeDeletions(
  doc: Y.Doc,
  update: Decoded,
  control: RoomControl,
  dots: Map<string, DotTouch>,
): Refusal | null {
  const store = doc.store
  for (const [client, ranges] of update.ds.clients) {
    const structs = store.clients.get(client)
    if (!structs) continue
    const state = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, state)
      if (len === 0 || clock >= end) continue
      let index = Y.findIndexSS(structs, clock)
      for (let s = structs[index]; s && s.id.clock < end; s = structs[++index]) {
        if (!(s instanceof Y.Item) || s.deleted) continue
        if (control.frozen) return { kind: 'frozen', reason: 'the board is paused' }
        const above = s.parent instanceof Y.AbstractType ? typeLocation(s.parent) : null
        if (!above) continue
        // the item's place is its type's and its own key (no array made per deleted item:
        // deleting a paragraph reaches one item per run of characters)
        const key = above.keys.length ? above.keys[0]! : s.parentSub
        const refusal = participantMayNotTouch(above.root, key, control)
        if (refusal) return refusal
        if (above.root === DOTS && key) {
          const touch = dots.get(key) ?? {}
          if (above.keys.length === 0) touch.deleted = true
          dots.set(key, touch)
        }
      }
    }
  }
  return null
}

/** The server-only room key (SERVER_ROOM_KEYS) whose value the update's delete set reaches. */
function deletesServerRoomKey(doc: Y.Doc, update: Decoded): string | null {
  const room = doc.share.get(ROOM_ROOT)
  if (!room) return null
  for (const key of SERVER_ROOM_KEYS) {
    const item = room._map.get(key)
    if (!item || item.deleted) continue
    // read range by range: a hand-made delete set need not be sorted
    const { client, clock } = item.id
    for (const r of update.ds.clients.get(client) ?? [])
      if (clock >= r.clock && clock < r.clock + r.len) return key
  }
  return null
}

/** Notes a participant's write into a dot record (its creation, or its vote or voter). */
function noteDot(
  dots: Map<string, DotTouch>,
  id: string,
  field: string | null,
  depth: number,
  s: Y.Item,
): void {
  const touch = dots.get(id) ?? {}
  dots.set(id, touch)
  if (depth !== 2 || (field !== 'vote' && field !== 'voter')) return
  const content = s.content
  // a value overwritten within the update (deleted): it never counts
  if (content instanceof Y.ContentDeleted) return
  const value = content instanceof Y.ContentAny ? content.arr[content.arr.length - 1] : null
  // Which of two values one update writes wins is Yjs's to decide as it integrates (by client
  // and origin), not the order the update lists them in: one value per field, or the vote
  // checked and the vote the dot lands in could differ. No client moves a dot twice at once.
  if (field in touch && touch[field] !== value) touch.twice = field
  touch[field] = value
}

/**
 * The dots a participant placed, moved or took back: each vote they were or are in must be
 * open, and no voter may hold more dots in a vote than it grants. Counting reads the vote's
 * dots once, and only for updates that place or move dots.
 */
function judgeDots(doc: Y.Doc, touched: Map<string, DotTouch>): Refusal | LateDots | null {
  const openDots = new Map<string, number>()
  const isOpen = (vote: unknown): boolean => {
    if (typeof vote !== 'string') return false
    if (openDots.has(vote)) return true
    const type = recordType(doc, VOTES, vote)
    if (!type || plainValue(type, 'state') !== 'open') return false
    const n = plainValue(type, 'dots')
    openDots.set(vote, typeof n === 'number' ? n : Number(collectionSpec(VOTES).defaults.dots))
    return true
  }
  const placed = new Map<string, number>() // `${vote}\n${voter}` → dots the update places
  // dots that reach a vote not open: the update goes in, the server takes them back (lateDots.ts)
  const late: LateDot[] = []
  for (const [id, touch] of touched) {
    if (touch.twice)
      return { kind: 'malformed', reason: `dot ${id}: two values of its ${touch.twice} at once` }
    const record = recordType(doc, DOTS, id)
    const before = record && plainValue(record, 'vote')
    if (record && before !== undefined && !isOpen(before)) {
      late.push({ id, before: dotFields(record) })
      continue
    }
    if (touch.deleted) continue
    const vote = touch.vote !== undefined ? touch.vote : before
    if (vote === undefined) continue // a dot in no vote counts for nothing
    if (!isOpen(vote)) {
      late.push({ id, before: dotFields(record) })
      continue
    }
    if (touch.vote === undefined && touch.voter === undefined) continue
    const voter = touch.voter !== undefined ? touch.voter : record && plainValue(record, 'voter')
    const slot = `${String(vote)}\n${String(voter)}`
    placed.set(slot, (placed.get(slot) ?? 0) + 1)
  }
  const lateDots = (): LateDots | null =>
    late.length
      ? {
          kind: 'late-dots',
          reason: `dots in a vote not open: ${late.map((d) => d.id)}`,
          dots: late,
        }
      : null
  if (!placed.size) return lateDots()
  // the dots already there, but those this update rewrites or deletes
  const root = doc.share.get(DOTS)
  if (root)
    for (const [id, item] of root._map) {
      if (item.deleted || touched.has(id) || !(item.content instanceof Y.ContentType)) continue
      const type = item.content.type as Y.AbstractType<any>
      const slot = `${String(plainValue(type, 'vote'))}\n${String(plainValue(type, 'voter'))}`
      if (placed.has(slot)) placed.set(slot, placed.get(slot)! + 1)
    }
  for (const [slot, count] of placed) {
    const vote = slot.slice(0, slot.indexOf('\n'))
    if (count > openDots.get(vote)!)
      return {
        kind: 'locked',
        reason: `vote ${vote}: more than ${openDots.get(vote)} dots for one voter`,
      }
  }
  return lateDots()
}

function checkInRoot(root: string, key: string | null, s: Y.Item): string | null {
  if (COLLECTION_NAMES.has(root)) {
    if (key === null) return `${root}: records go under an id`
    const content = s.content
    if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map))
      return `${root}.${key}: a record must be a map`
    return null
  }
  if (root === ROOT_NAMES.meta && (key === null || !(s.content instanceof Y.ContentAny)))
    return `meta.${key}: meta holds plain values under keys`
  if (root === ROOM_ROOT) {
    const content = s.content
    if (key === null || !(content instanceof Y.ContentAny)) return `room.${key}: plain values only`
    for (const value of content.arr)
      if (!roomValueFits(key, value)) return `room.${key}: ${JSON.stringify(value)} does not fit`
  }
  return null
}

/** An item inside a record's id set (idSets.ts): ids only, in the list (not under a key). */
function checkInIdSet(
  collection: string,
  field: string,
  key: string | null,
  s: Y.Item,
): string | null {
  const where = `${collection} field ${field}`
  if (key !== null || !(s.content instanceof Y.ContentAny))
    return `${where}: a list of ids expected`
  for (const value of s.content.arr)
    if (!fitsSchema(idSchema, value)) return `${where}: ${JSON.stringify(value)} is not an id`
  return null
}

/** An item inside a shared-text field: characters, as a text field's typing writes them. */
function checkInText(collection: string, field: string, depth: number, s: Y.Item): string | null {
  if (depth === 3 && s.parentSub === null && s.content instanceof Y.ContentString) return null
  return `${collection} field ${field}: shared text holds characters only`
}

function checkField(collection: string, field: string, s: Y.Item): string | null {
  const spec = collectionSpec(collection)
  const content = s.content
  const where = `${collection} field ${field}`
  if (field === '__proto__') return `${where}: not a field name`
  if (Object.hasOwn(spec.texts, field)) {
    if (content instanceof Y.ContentType)
      return content.type instanceof Y.Text ? null : `${where}: shared text expected`
    if (content instanceof Y.ContentAny)
      return content.arr.every((v) => typeof v === 'string') ? null : `${where}: text expected`
    return `${where}: text expected`
  }
  const schema = Object.hasOwn(spec.record.shape, field)
    ? (spec.record.shape[field] as z.ZodType)
    : undefined
  // unknown fields are kept, for newer exports: JSON that exports and imports again
  if (!schema) {
    if (!(content instanceof Y.ContentAny)) return `${where}: a plain value expected`
    for (const value of content.arr)
      if (!jsonWithin(value)) return `${where}: not JSON of at most ${FIELD_DEPTH} levels`
    return null
  }
  // an id set: a shared list (what is in it is checked item by item), or a plain list
  if (content instanceof Y.ContentType && spec.idSets?.includes(field))
    return content.type instanceof Y.Array ? null : `${where}: a shared list of ids expected`
  if (!(content instanceof Y.ContentAny)) return `${where}: a plain value expected`
  for (const value of content.arr)
    if (!fitsSchema(schema, value)) return `${where}: ${JSON.stringify(value)} does not fit`
  return null
}
