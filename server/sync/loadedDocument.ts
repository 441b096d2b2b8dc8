import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import type { FastifyBaseLogger } from 'fastify'
import { dropPending } from '../../shared/schema/integrable.ts'
import type { StoredDocument } from '../storage/types.ts'
import { replayStored } from './replay.ts'
import { SlicedLoad } from './slicedLoad.ts'

/** What a loaded document tells its room. */
export interface LoadedDocumentHost {
  readonly id: string
  readonly freed: boolean
  /** A sliced load finished: the room starts as after a whole load. */
  loaded(): void
  /** A sliced load failed: the document holds part of the board (the room closes). */
  failed(err: unknown): void
}

/**
 * A room's document as it comes out of storage, and the answer to a client's first sync: a
 * board loads whole (its snapshot and log replayed, junk that cannot integrate dropped) or, a
 * large snapshot with nothing after it, in slices while it is already served. As long as the
 * document is exactly the stored snapshot, a fresh client gets those bytes instead of the
 * server encoding a large board on the event loop.
 */
export class LoadedDocument {
  readonly ydoc = new Y.Doc()
  /** The stored snapshot, while it is exactly the document (loaded with an empty log). */
  private wholeState: Uint8Array | null = null
  /**
   * A large snapshot still being applied in slices (slicedLoad.ts): whoever reads the document
   * first has the rest applied at once (nobody ever sees part of a board).
   */
  private slices: SlicedLoad | null = null
  /** Resolves once a sliced load is over: its last piece in, given up, or the room freed. */
  private slicesOver: Promise<void> = Promise.resolve()
  private endSlices = (): void => {}

  constructor(
    private readonly host: LoadedDocumentHost,
    private readonly origin: unknown,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The document, complete (a board still loading in slices is finished first). */
  get doc(): Y.Doc {
    this.slices?.finish()
    return this.ydoc
  }

  /** Whether the stored snapshot is still being applied in slices. */
  get loadingInSlices(): boolean {
    return this.slices !== null
  }

  /**
   * Resolves when the document is complete without finishing it at once: a sliced load's last
   * piece is in (or the load failed and the room closes). For a reader that can wait, as the
   * `doc` getter applies every piece left in one go.
   */
  settled(): Promise<void> {
    return this.slicesOver
  }

  /**
   * Applies the stored snapshot and log. `reuseSnapshot`: whether a fresh client may be sent
   * the stored snapshot as it is (not when the room already applied updates of its own).
   */
  async replay(stored: StoredDocument, reuseSnapshot: boolean): Promise<void> {
    await replayStored(this.ydoc, stored, this.origin)
    const dropped = this.dropPending()
    if (stored.snapshot && !stored.updates.length && reuseSnapshot && !dropped)
      this.wholeState = stored.snapshot
  }

  /**
   * Content that cannot integrate, stored before the update guard refused it: Yjs would keep it
   * pending, send it to every client in the server's sync step 2 and get it back in theirs (then
   * refused). Everything stored was just applied, so nothing can complete it: it is dropped, and
   * the next snapshot leaves it out.
   */
  private dropPending(): boolean {
    if (!dropPending(this.ydoc)) return false
    this.log.warn({ board: this.host.id }, 'stored content that cannot integrate dropped at load')
    return true
  }

  /** A large snapshot that needs no migration loads in slices; false: load it whole. */
  loadInSlices(stored: StoredDocument): boolean {
    const host = this.host
    this.slices = SlicedLoad.begin(host.id, this.ydoc, stored, this.origin, {
      get freed() {
        return host.freed
      },
      loaded: () => {
        this.slices = null
        this.endSlices()
        host.loaded()
      },
      failed: (err) => {
        this.slices = null
        this.endSlices()
        this.wholeState = null
        this.log.warn(
          { board: host.id, err: err instanceof Error ? err.message : String(err) },
          'board did not load in slices: it loads whole',
        )
        host.failed(err)
      },
    })
    if (!this.slices) return false
    this.slicesOver = new Promise<void>((resolve) => (this.endSlices = resolve))
    // the state vector and the stored bytes answer the first syncs until the pieces are in
    this.wholeState = stored.snapshot
    return true
  }

  /** The document changed: it is no longer the stored snapshot. */
  changed(): void {
    this.wholeState = null
  }

  /** The server's sync step 1 (a board loading in slices: the state vector it will have). */
  writeSyncStep1(encoder: encoding.Encoder): void {
    if (this.slices) {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
      encoding.writeVarUint8Array(encoder, this.slices.stateVector)
    } else syncProtocol.writeSyncStep1(encoder, this.ydoc)
  }

  /** What a client with `stateVector` lacks (a fresh client: the stored bytes when they fit). */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    const fresh = this.wholeState && Y.decodeStateVector(stateVector).size === 0
    return fresh ? this.wholeState! : Y.encodeStateAsUpdate(this.doc, stateVector)
  }

  /** Frees the document: nothing is applied to it any more. */
  destroy(): void {
    this.slices = null
    this.endSlices()
    this.ydoc.destroy()
  }
}
