import * as Y from 'yjs'
import { SCHEMA_VERSION } from '../../shared/schema/index.ts'
import type { StoredDocument } from '../storage/types.ts'
import { planSnapshot } from './snapshotSlices.ts'

/** A snapshot at least this large loads in slices (smaller ones apply in well under 1 ms). */
const SLICED_LOAD_BYTES = 32 * 1024
/** Size of the pieces a snapshot is cut into. */
const PIECE_BYTES = 8 * 1024
/** How long after the room opens the pieces start going in. */
const START_AFTER_MS = 50
/** How long a slice applies pieces before the other boards get a turn of the event loop. */
const SLICE_MS = 4
/** Boards whose sliced load failed in this process: they load whole (and verified if need be). */
const failedBoards = new Set<string>()

/** What a sliced load tells its room. */
export interface SlicedLoadHost {
  readonly freed: boolean
  /** Every piece is in the document. */
  loaded(): void
  /** A piece could not be applied: the document holds part of the board. */
  failed(err: unknown): void
}

/**
 * A board stored as one large snapshot, applied a few milliseconds at a time with a turn of the
 * event loop between slices, so loading it does not stall the other boards. Only a snapshot
 * that snapshotSlices.ts reads fully, with no log after it and at this server's schema version
 * (nothing to migrate), loads this way; its state vector is known before it is applied, so the
 * room can serve it (fresh clients get the stored bytes) while it loads.
 */
export class SlicedLoad {
  private next = 0
  private done = false

  private constructor(
    private readonly doc: Y.Doc,
    private readonly pieces: readonly Uint8Array[],
    private readonly origin: unknown,
    private readonly host: SlicedLoadHost,
    /** The state vector the document will have, encoded as Yjs encodes it. */
    readonly stateVector: Uint8Array,
  ) {
    // The client that opened the board is answered first, from the stored bytes; applying the
    // pieces meanwhile delayed its answer by 10–20 ms of a 40 ms open.
    setTimeout(this.slice, START_AFTER_MS)
  }

  /** Starts loading `stored` into the empty `doc` in slices, or answers null (load it whole). */
  static begin(
    id: string,
    doc: Y.Doc,
    stored: StoredDocument,
    origin: unknown,
    host: SlicedLoadHost,
  ): SlicedLoad | null {
    const snapshot = stored.snapshot
    if (!snapshot || snapshot.byteLength < SLICED_LOAD_BYTES || stored.updates.length) return null
    if (failedBoards.has(id)) return null
    const plan = planSnapshot(snapshot, PIECE_BYTES)
    if (!plan || plan.schemaVersion !== SCHEMA_VERSION) return null
    return new SlicedLoad(
      doc,
      plan.pieces,
      origin,
      {
        get freed() {
          return host.freed
        },
        loaded: () => host.loaded(),
        failed: (err) => {
          failedBoards.add(id)
          host.failed(err)
        },
      },
      plan.stateVector,
    )
  }

  private slice = (): void => {
    if (this.done || this.host.freed) return
    const end = performance.now() + SLICE_MS
    try {
      while (this.next < this.pieces.length && performance.now() < end) this.applyNext()
    } catch (err) {
      this.done = true
      return this.host.failed(err)
    }
    if (this.next < this.pieces.length) return void setImmediate(this.slice)
    this.done = true
    void this.complete()
  }

  /**
   * The last piece is in: the document must now hold exactly the snapshot's clocks with nothing
   * pending (a cut this reader got wrong would show here); otherwise the room closes and the
   * board loads whole.
   */
  private complete(): boolean {
    const { store } = this.doc
    const whole =
      store.pendingStructs === null &&
      store.pendingDs === null &&
      Buffer.compare(Y.encodeStateVector(this.doc), this.stateVector) === 0
    if (whole) this.host.loaded()
    else this.host.failed(new Error('the sliced load did not rebuild the snapshot'))
    return whole
  }

  /** Applies the remaining pieces now (someone reads the document); throws if one fails. */
  finish(): void {
    if (this.done) return
    this.done = true
    try {
      while (this.next < this.pieces.length) this.applyNext()
    } catch (err) {
      this.host.failed(err)
      throw err
    }
    if (!this.complete()) throw new Error('the sliced load did not rebuild the snapshot')
  }

  private applyNext(): void {
    Y.applyUpdate(this.doc, this.pieces[this.next++]!, this.origin)
  }
}
