import type { AwarenessEntry } from './frames.ts'
import { withValidFollowFields } from '../../shared/presence.ts'

/**
 * Presence (awareness) rules of a board, kept apart from the room so they can be tested alone.
 *
 * Ownership: a connection may set, change or remove only the presence of awareness client ids
 * it introduced — an id nobody holds becomes its own when it sends a state for it first; ids
 * another connection holds are refused. Refusal drops those entries and keeps the socket open:
 * the stock y-websocket client re-sends every presence change it hears (others' included), so
 * entries for foreign ids are normal traffic; they just never take effect. Whatever the role.
 *
 * Budget: a board fans out at most `bytesPerSecond` of presence (a state counts once per
 * recipient), shared evenly between its connections. A connection past its share has its
 * presence coalesced — only the newest state of each of its ids is kept — and delivered when
 * its share allows. Document updates never pass through here.
 */

/**
 * The entries `sender` may apply: those for ids it holds or that nobody holds, with the fields
 * that following reads (`follow`, `sight`, `join`) removed where they do not fit
 * (shared/presence.ts).
 */
export function ownEntries<C>(
  entries: readonly AwarenessEntry[],
  sender: C,
  ownerOf: (clientId: number) => C | undefined,
): { kept: AwarenessEntry[]; refused: AwarenessEntry[] } {
  const kept: AwarenessEntry[] = []
  const refused: AwarenessEntry[] = []
  for (const e of entries) {
    const owner = ownerOf(e.clientId)
    if (owner === undefined || owner === sender) {
      const state = withValidFollowFields(e.state)
      kept.push(state === e.state ? e : { ...e, state })
    } else refused.push(e)
  }
  return { kept, refused }
}

/** Who holds each id, from the connections' own records. */
export function ownersOf<C extends { awarenessIds: ReadonlySet<number> }>(
  connections: Iterable<C>,
): (clientId: number) => C | undefined {
  const owners = new Map<number, C>()
  for (const conn of connections) for (const id of conn.awarenessIds) owners.set(id, conn)
  return (id) => owners.get(id)
}

/** About the bytes an entry takes in a frame (ids and clock as varints, the state as JSON). */
export function entryBytes(e: AwarenessEntry): number {
  return 12 + (e.state === null ? 4 : JSON.stringify(e.state).length)
}

/**
 * Per-connection token buckets over a board's fan-out budget. A connection's rate is the
 * budget divided by the connections present now, so it adapts as people join and leave. One
 * frame larger than the bucket still passes when the bucket is not in debt (tokens go below
 * zero), so a big but legal state is slowed down, never stuck.
 */
export class PresenceBudget<C extends object> {
  private readonly buckets = new WeakMap<C, { tokens: number; at: number }>()

  constructor(private readonly bytesPerSecond: number) {}

  /**
   * Charges `bytes` (already multiplied by the recipients) to `conn` and returns 0, or returns
   * how many milliseconds to wait before it can be charged, without charging.
   */
  charge(conn: C, bytes: number, sharers: number, now: number): number {
    const rate = this.bytesPerSecond / Math.max(1, sharers) // bytes per second
    let bucket = this.buckets.get(conn)
    if (!bucket) {
      bucket = { tokens: rate, at: now }
      this.buckets.set(conn, bucket)
    }
    // a one-second burst: a cursor that rests and moves again is not delayed
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate)
    bucket.at = now
    if (bucket.tokens > 0) {
      bucket.tokens -= bytes
      return 0
    }
    return Math.ceil(((1 - bucket.tokens) / rate) * 1000)
  }
}

export interface PresenceGateDeps<C> {
  /** Connections on the board now (the fan-out, and the sharers of the budget). */
  sharers(): number
  /** Applies entries as if they arrived now (it checks ownership again). */
  apply(conn: C, entries: AwarenessEntry[]): void
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => void
}

/** Holds back, coalesces and releases one board's presence within its budget. */
export class PresenceGate<C extends object> {
  private readonly budget: PresenceBudget<C>
  private readonly held = new Map<C, Map<number, AwarenessEntry>>()
  private readonly now: () => number
  private readonly setTimer: (fn: () => void, ms: number) => void

  constructor(
    bytesPerSecond: number,
    private readonly deps: PresenceGateDeps<C>,
  ) {
    this.budget = new PresenceBudget(bytesPerSecond)
    this.now = deps.now ?? (() => performance.now())
    this.setTimer =
      deps.setTimer ??
      ((fn, ms) => {
        setTimeout(fn, ms).unref()
      })
  }

  /** Entries held back for `conn` right now (for tests and logs). */
  heldCount(conn: C): number {
    return this.held.get(conn)?.size ?? 0
  }

  /** Passes `entries` of `conn` on now, or holds them (newest state per id) until its share allows. */
  offer(conn: C, entries: AwarenessEntry[]): void {
    if (!entries.length) return
    const waiting = this.held.get(conn)
    if (waiting) {
      merge(waiting, entries)
      return
    }
    const wait = this.budget.charge(conn, this.cost(entries), this.deps.sharers(), this.now())
    if (wait === 0) {
      this.deps.apply(conn, entries)
      return
    }
    const pending = new Map<number, AwarenessEntry>()
    merge(pending, entries)
    this.held.set(conn, pending)
    this.setTimer(() => this.release(conn), wait)
  }

  private release(conn: C): void {
    const pending = this.held.get(conn)
    if (!pending) return
    const entries = [...pending.values()]
    const wait = this.budget.charge(conn, this.cost(entries), this.deps.sharers(), this.now())
    if (wait > 0) {
      this.setTimer(() => this.release(conn), wait)
      return
    }
    this.held.delete(conn)
    this.deps.apply(conn, entries)
  }

  private cost(entries: AwarenessEntry[]): number {
    let bytes = 0
    for (const e of entries) bytes += entryBytes(e)
    return bytes * Math.max(1, this.deps.sharers())
  }
}

/** Newest state per id: a later clock replaces an earlier one. */
function merge(into: Map<number, AwarenessEntry>, entries: AwarenessEntry[]): void {
  for (const e of entries) {
    const prev = into.get(e.clientId)
    if (!prev || e.clock >= prev.clock) into.set(e.clientId, e)
  }
}

const gates = new WeakMap<object, PresenceGate<object>>()

/**
 * The gate of a board, created on first use. Kept beside the room rather than in it, so the
 * room's construction stays as it is; it goes away with the room.
 */
export function presenceGateOf<C extends object>(
  room: object,
  create: () => PresenceGate<C>,
): PresenceGate<C> {
  let gate = gates.get(room) as PresenceGate<C> | undefined
  if (!gate) {
    gate = create()
    gates.set(room, gate as unknown as PresenceGate<object>)
  }
  return gate
}
