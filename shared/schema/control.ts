import * as Y from 'yjs'
import { CLOSE } from '../protocol.ts'
import { FACILITATOR_META_KEYS, collectionSpec } from './registry.ts'
import { fitsSchema } from './normalise.ts'
import { ROOM_FIELDS, ROOM_ROOT } from './room.ts'
import { ROOT_NAMES } from './roots.ts'
import type { Phase } from './vocabulary.ts'

/**
 * Why an update was refused, as the client is told (each kind has its close code):
 * - `malformed`: not something Trama writes (a broken or hostile client);
 * - `facilitator`: what only the facilitator decides (the room, the votes, the phase…);
 * - `frozen`: the facilitator has paused the board;
 * - `locked`: a phase the facilitator has locked, or a vote that is not open.
 */
export type RefusalKind = 'malformed' | 'facilitator' | 'frozen' | 'locked'
export interface Refusal {
  kind: RefusalKind
  reason: string
}

/**
 * The close code and reason for each refusal. All are in 4400–4499, which the stock
 * y-websocket provider treats as final: it stops reconnecting (resending the same update
 * would be refused again) and the page says why.
 */
export const REFUSAL_CLOSE = {
  malformed: CLOSE.MALFORMED,
  facilitator: { code: 4403, reason: 'only the facilitator may change this' },
  frozen: { code: 4423, reason: 'board paused by the facilitator' },
  locked: { code: 4424, reason: 'phase locked or vote not open' },
} as const satisfies Record<RefusalKind, { code: number; reason: string }>

/** The refusal a close code stands for, or null. */
export function refusalOfClose(code: number | undefined): RefusalKind | null {
  for (const [kind, close] of Object.entries(REFUSAL_CLOSE))
    if (close.code === code) return kind as RefusalKind
  return null
}

/** Thrown by the server for a refused update: carries how to close that connection. */
export class RefusedUpdate extends Error {
  constructor(readonly refusal: Refusal) {
    super(`update refused: ${refusal.reason}`)
  }
  get close(): { code: number; reason: string } {
    return REFUSAL_CLOSE[this.refusal.kind]
  }
}

/** The latest value of a key in a map type, or undefined (deleted, absent, not plain). */
export function plainValue(type: Y.AbstractType<any> | undefined, key: string): unknown {
  const item = type?._map.get(key)
  if (!item || item.deleted || !(item.content instanceof Y.ContentAny)) return undefined
  return item.content.arr[item.content.arr.length - 1]
}

/** The map type of a record in a collection, or undefined. */
export function recordType(
  doc: Y.Doc,
  collection: string,
  id: string,
): Y.AbstractType<any> | undefined {
  const item = doc.share.get(collection)?._map.get(id)
  if (!item || item.deleted || !(item.content instanceof Y.ContentType)) return undefined
  return item.content.type as Y.AbstractType<any>
}

/** What the room's state lets a participant do now, read from the document as it is. */
export interface RoomControl {
  frozen: boolean
  locks: ReadonlySet<Phase>
}

export function roomControl(doc: Y.Doc): RoomControl {
  const room = doc.share.get(ROOM_ROOT)
  const frozen = plainValue(room, 'frozen') === true
  // read for every participant's update: no locks (most boards) and locks that fit cost no zod
  const locks = plainValue(room, 'locks')
  const fits = locks !== undefined && fitsSchema(ROOM_FIELDS.locks.schema, locks)
  return { frozen, locks: new Set(fits ? (locks as Phase[]) : []) }
}

/**
 * Whether a participant may touch `key` of root `root` (a record's id in a collection, a key of
 * meta or of the room): null when allowed, otherwise why not. The facilitator may touch all.
 */
export function participantMayNotTouch(
  root: string,
  key: string | null,
  control: RoomControl,
): Refusal | null {
  if (root === ROOM_ROOT)
    return { kind: 'facilitator', reason: 'only the facilitator changes the room' }
  if (root === ROOT_NAMES.meta)
    return FACILITATOR_META_KEYS.includes(key as never)
      ? { kind: 'facilitator', reason: `only the facilitator changes meta.${key}` }
      : null
  const spec = collectionSpec(root) as ReturnType<typeof collectionSpec> | undefined
  if (!spec) return null
  if (spec.writers === 'facilitator')
    return { kind: 'facilitator', reason: `only the facilitator changes ${root}` }
  if (spec.phase && control.locks.has(spec.phase))
    return { kind: 'locked', reason: `${root}: the phase ${spec.phase} is locked` }
  return null
}
