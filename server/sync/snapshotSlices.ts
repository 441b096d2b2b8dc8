import { isUtf8 } from 'node:buffer'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ROOT_NAMES } from '../../shared/schema/roots.ts'

/**
 * A stored snapshot (a Yjs update, format v1) read without building it: where each struct
 * starts and ends, what it depends on, and the board's schema version. From that, the snapshot
 * is cut into pieces that apply one after the other, each depending only on pieces before it,
 * so a large board loads in slices of a few milliseconds instead of one long stall; and the
 * state vector and schema version are known before the document holds anything.
 *
 * The reader follows Yjs's own (readClientsStructRefs, readItemContent, 13.6) field by field
 * and refuses (answers null) anything it would refuse, and anything unusual besides (skips,
 * empty structs, clients starting past clock 0, a dependency the snapshot does not hold): the
 * caller then applies the snapshot whole, as before.
 */

const BITS5 = 31
const BIT6 = 32
const BIT7 = 64
const BIT8 = 128
const META = ROOT_NAMES.meta
const SCHEMA_KEY = 'schemaVersion'

export interface SnapshotPlan {
  /** Updates to apply in this order; together they are exactly the snapshot. */
  pieces: Uint8Array[]
  /** The state vector of the snapshot, encoded as Yjs encodes a document's. */
  stateVector: Uint8Array
  /**
   * The schema version the document will hold (`meta.schemaVersion`), when it is certain:
   * every live value of that key in the snapshot is this number. Null when absent or unclear.
   */
  schemaVersion: number | null
}

/** One client's run of structs, as read. */
interface ClientRun {
  client: number
  /** Byte offset of each struct, and of the end of the last (length n + 1). */
  offsets: number[]
  /** Clock of each struct, and the clock after the last (length n + 1). */
  clocks: number[]
  /** Dependencies of each struct: flat (client, clock) pairs, `depStart[i]..depStart[i+1]`. */
  deps: number[]
  depStart: number[]
}

/** A map value of a key: whose left neighbour it was put after, and its value. */
interface KeyedValue {
  client: number
  clock: number
  length: number
  originClient: number
  originClock: number
  /** Its number, for a live single value; undefined for a deleted or other value. */
  value: unknown
  live: boolean
}

/** Skips a string's bytes without decoding it. */
function skipString(d: decoding.Decoder): void {
  const len = decoding.readVarUint(d)
  if (d.pos + len > d.arr.length) throw new Error('unexpected end')
  d.pos += len
}

/**
 * The length in UTF-16 code units (what Yjs counts) of a string, from its UTF-8 bytes, without
 * building it. Bytes that are not valid UTF-8 make Yjs's decoder throw: so does this.
 */
function stringLength(d: decoding.Decoder): number {
  const bytes = decoding.readVarUint8Array(d)
  if (!isUtf8(bytes)) throw new Error('invalid utf-8')
  let units = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1
  }
  return units
}

/** Reads an item's content as Yjs would; answers its length, and its value when it is one. */
function readContent(d: decoding.Decoder, ref: number, out: { value: unknown }): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(d)
    case 2: {
      // JSON
      const len = decoding.readVarUint(d)
      for (let i = 0; i < len; i++) {
        const s = decoding.readVarString(d)
        if (s !== 'undefined') JSON.parse(s)
      }
      return len
    }
    case 3: // binary
      decoding.readVarUint8Array(d)
      return 1
    case 4: // string
      return stringLength(d)
    case 5: // embed
      JSON.parse(decoding.readVarString(d))
      return 1
    case 6: // format
      decoding.readVarString(d)
      JSON.parse(decoding.readVarString(d))
      return 1
    case 7: {
      // type
      const typeRef = decoding.readVarUint(d)
      if (typeRef > 6) throw new Error('unknown type')
      if (typeRef === 3 || typeRef === 5) skipString(d)
      return 1
    }
    case 8: {
      // any
      const len = decoding.readVarUint(d)
      for (let i = 0; i < len; i++) out.value = decoding.readAny(d)
      if (len !== 1) out.value = undefined
      return len
    }
    case 9: // subdocument
      skipString(d)
      decoding.readAny(d)
      return 1
    default:
      throw new Error('unknown content')
  }
}

/** Reads every struct; throws on anything Yjs would refuse or this reader does not expect. */
function readRuns(update: Uint8Array): {
  runs: ClientRun[]
  keyed: KeyedValue[]
  deleted: number[]
  dsStart: number
} {
  const d = decoding.createDecoder(update)
  const runs: ClientRun[] = []
  const keyed: KeyedValue[] = []
  const clients = decoding.readVarUint(d)
  const seen = new Set<number>()
  const content = { value: undefined as unknown }
  for (let c = 0; c < clients; c++) {
    const n = decoding.readVarUint(d)
    const client = decoding.readVarUint(d)
    let clock = decoding.readVarUint(d)
    if (seen.has(client) || clock !== 0 || n === 0) throw new Error('unusual client run')
    seen.add(client)
    const run: ClientRun = { client, offsets: [], clocks: [], deps: [], depStart: [] }
    for (let i = 0; i < n; i++) {
      run.offsets.push(d.pos)
      run.clocks.push(clock)
      run.depStart.push(run.deps.length)
      if (d.pos >= update.length) throw new Error('unexpected end')
      const info = decoding.readUint8(d)
      const ref = info & BITS5
      let length: number
      if (ref === 0) length = decoding.readVarUint(d)
      else if (ref === 10) throw new Error('skip')
      else {
        let originClient = -1
        let originClock = -1
        if (info & BIT8) {
          originClient = decoding.readVarUint(d)
          originClock = decoding.readVarUint(d)
          // a dependency on the item's own client is always on an earlier struct
          if (originClient !== client) run.deps.push(originClient, originClock)
        }
        if (info & BIT7) {
          const rightClient = decoding.readVarUint(d)
          const rightClock = decoding.readVarUint(d)
          if (rightClient !== client) run.deps.push(rightClient, rightClock)
        }
        let schemaKey = false
        if ((info & (BIT7 | BIT8)) === 0) {
          let atMeta = false
          if (decoding.readVarUint(d) === 1) atMeta = decoding.readVarString(d) === META
          else {
            const parentClient = decoding.readVarUint(d)
            const parentClock = decoding.readVarUint(d)
            if (parentClient !== client) run.deps.push(parentClient, parentClock)
          }
          if (info & BIT6) {
            if (atMeta) schemaKey = decoding.readVarString(d) === SCHEMA_KEY
            else skipString(d)
          }
        }
        content.value = undefined
        length = readContent(d, ref, content)
        const live = ref === 8
        // a map value is put after the one it replaces (its origin), never before another
        if (schemaKey || (originClient !== -1 && (ref === 1 || live) && !(info & BIT7)))
          keyed.push({
            client,
            clock,
            length,
            originClient: schemaKey ? -1 : originClient,
            originClock: schemaKey ? -1 : originClock,
            value: content.value,
            live,
          })
      }
      if (!(length > 0)) throw new Error('empty struct')
      clock += length
    }
    run.offsets.push(d.pos)
    run.clocks.push(clock)
    run.depStart.push(run.deps.length)
    runs.push(run)
  }
  const dsStart = d.pos
  // the delete set, read as Yjs reads it: flat (client, clock, length) triples
  const deleted: number[] = []
  const dsClients = decoding.readVarUint(d)
  for (let i = 0; i < dsClients; i++) {
    const client = decoding.readVarUint(d)
    const ranges = decoding.readVarUint(d)
    for (let j = 0; j < ranges; j++)
      deleted.push(client, decoding.readVarUint(d), decoding.readVarUint(d))
  }
  return { runs, keyed, deleted, dsStart }
}

/**
 * The live values of `meta.schemaVersion`: the values put with that key at the root, and those
 * put after them (a map value's origin is the value it replaced), less those the delete set
 * removes. Null unless they are all the same integer.
 */
function schemaVersionOf(keyed: KeyedValue[], deleted: number[]): number | null {
  const chain = keyed.filter((k) => k.originClient === -1)
  if (!chain.length) return null
  const inChain = new Set(chain)
  const rest = keyed.filter((k) => k.originClient !== -1)
  const holds = (k: KeyedValue, client: number, clock: number) =>
    k.client === client && k.clock <= clock && clock < k.clock + k.length
  for (let grew = true; grew;) {
    grew = false
    for (const k of rest) {
      if (inChain.has(k)) continue
      if (chain.some((c) => holds(c, k.originClient, k.originClock))) {
        chain.push(k)
        inChain.add(k)
        grew = true
      }
    }
  }
  const isDeleted = (k: KeyedValue) => {
    for (let i = 0; i < deleted.length; i += 3) {
      const [client, clock, len] = [deleted[i]!, deleted[i + 1]!, deleted[i + 2]!]
      if (client === k.client && clock < k.clock + k.length && k.clock < clock + len) return true
    }
    return false
  }
  const live = chain.filter((k) => k.live && !isDeleted(k))
  if (!live.length) return null
  const v = live[0]!.value
  return typeof v === 'number' && Number.isInteger(v) && live.every((k) => k.value === v) ? v : null
}

/**
 * Cuts the snapshot into pieces of about `pieceBytes`, in an order where every struct's
 * dependencies (origin, right origin, parent) are in its own piece or an earlier one.
 */
export function planSnapshot(update: Uint8Array, pieceBytes: number): SnapshotPlan | null {
  let read: ReturnType<typeof readRuns>
  try {
    read = readRuns(update)
  } catch {
    return null
  }
  const { runs, keyed, deleted, dsStart } = read
  const byClient = new Map(runs.map((r) => [r.client, r]))
  const next = runs.map(() => 0)
  /** Clock integrated so far per client (pieces emitted, the current one included). */
  const state = new Map<number, number>(runs.map((r) => [r.client, 0]))
  const ready = (run: ClientRun, i: number): boolean => {
    for (let k = run.depStart[i]!; k < run.depStart[i + 1]!; k += 2) {
      const client = run.deps[k]!
      const clock = run.deps[k + 1]!
      if (!byClient.has(client)) return false
      if ((state.get(client) ?? 0) <= clock) return false
    }
    return true
  }
  const pieces: Uint8Array[] = []
  let left = runs.reduce((sum, r) => sum + r.offsets.length - 1, 0)
  while (left > 0) {
    /** Per run: the struct index range in this piece. */
    const ranges = new Map<number, [number, number]>()
    let bytes = 0
    for (let moved = true; moved && bytes < pieceBytes;) {
      moved = false
      runs.forEach((run, r) => {
        const count = run.offsets.length - 1
        const start = next[r]!
        while (next[r]! < count && bytes < pieceBytes && ready(run, next[r]!)) {
          const i = next[r]!
          bytes += run.offsets[i + 1]! - run.offsets[i]!
          state.set(run.client, run.clocks[i + 1]!)
          next[r] = i + 1
        }
        if (next[r]! > start) {
          moved = true
          left -= next[r]! - start
          const had = ranges.get(r)
          ranges.set(r, [had ? had[0] : start, next[r]!])
        }
      })
    }
    // a dependency the snapshot does not hold: leave it to Yjs (whole apply)
    if (!ranges.size) return null
    const enc = encoding.createEncoder()
    encoding.writeVarUint(enc, ranges.size)
    for (const [r, [from, to]] of ranges) {
      const run = runs[r]!
      encoding.writeVarUint(enc, to - from)
      encoding.writeVarUint(enc, run.client)
      encoding.writeVarUint(enc, run.clocks[from]!)
      encoding.writeUint8Array(enc, update.subarray(run.offsets[from]!, run.offsets[to]!))
    }
    if (left > 0) encoding.writeVarUint(enc, 0)
    else encoding.writeUint8Array(enc, update.subarray(dsStart))
    pieces.push(encoding.toUint8Array(enc))
  }
  if (!pieces.length) return null
  const sv = encoding.createEncoder()
  const sorted = [...runs].sort((a, b) => b.client - a.client)
  encoding.writeVarUint(sv, sorted.length)
  for (const run of sorted) {
    encoding.writeVarUint(sv, run.client)
    encoding.writeVarUint(sv, run.clocks[run.clocks.length - 1]!)
  }
  return {
    pieces,
    stateVector: encoding.toUint8Array(sv),
    schemaVersion: schemaVersionOf(keyed, deleted),
  }
}
