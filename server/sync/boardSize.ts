import * as Y from 'yjs'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'

/** Sync message kinds that carry an update (y-protocols: step 2, update). */
const UPDATE_KINDS = new Set([1, 2])

/**
 * Keeps a board's document under `maxBoardBytes` against sync updates, cheaply. The exact size
 * (encodeStateAsUpdate) costs time in proportion to the board, so it is computed once, then each
 * written update's bytes are added on top — an overestimate, since updates that replace values
 * leave only small tombstones. Only when the estimate passes the limit is the exact size taken
 * again (at most every `recheckMs`), and an update that would take the board past the limit is
 * refused. A board far below the limit never pays more than the first measure.
 */
export class BoardSizeGuard {
  private estimate = -1
  private measuredAt = -Infinity

  constructor(
    /** Read only when measuring: a board still loading in slices finishes when read. */
    private readonly docOf: () => Y.Doc,
    private readonly maxBoardBytes: number,
    private readonly recheckMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the frame may be handled; false when the update would make the board too large. */
  admit(frame: Uint8Array): boolean {
    if (frame[0] !== MESSAGE_SYNC || !UPDATE_KINDS.has(frame[1] ?? -1)) return true
    // an empty update (a fresh client's sync step 2) cannot grow the board
    if (frame.length === 5 && frame[2] === 2 && frame[3] === 0 && frame[4] === 0) return true
    if (this.estimate < 0) this.measure()
    if (this.estimate + frame.byteLength <= this.maxBoardBytes) {
      this.estimate += frame.byteLength
      return true
    }
    if (this.now() - this.measuredAt >= this.recheckMs) {
      this.measure()
      if (this.estimate + frame.byteLength <= this.maxBoardBytes) {
        this.estimate += frame.byteLength
        return true
      }
    }
    return false
  }

  private measure(): void {
    this.estimate = Y.encodeStateAsUpdate(this.docOf()).byteLength
    this.measuredAt = this.now()
  }
}

const guards = new WeakMap<object, BoardSizeGuard>()

/** The guard of a loaded board (kept beside its room, gone with it). */
export function boardSizeGuard(room: { doc: Y.Doc }, maxBoardBytes: number): BoardSizeGuard {
  let guard = guards.get(room)
  if (!guard) {
    guard = new BoardSizeGuard(() => room.doc, maxBoardBytes)
    guards.set(room, guard)
  }
  return guard
}
