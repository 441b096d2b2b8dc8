import * as Y from 'yjs'
import type { FastifyBaseLogger } from 'fastify'
import type { BoardStore, StoredDocument } from '../storage/types.ts'
import type { SyncLimits } from './config.ts'

/** What the log of a board needs of its room. */
export interface LogHost {
  readonly id: string
  readonly doc: Y.Doc
  /** Compaction may run: the room is serving (loaded, not being unloaded). */
  readonly serving: boolean
  /** The document is freed: nothing may be read from it any more. */
  readonly freed: boolean
  /** Whether this server may compact now (a lease when several servers share the board). */
  mayCompact(): Promise<boolean> | boolean
  /** Another server's snapshot held more than this document: apply it (and relay it). */
  applyNewer(update: Uint8Array): void
}

/**
 * What a room's document holds of the stored board (the snapshot's generation and the log rows
 * applied), and the compaction that folds those rows into a fresh snapshot: when the log grows
 * past the limits, when a changed board goes quiet, and on unload. A compaction deletes only
 * the rows this document holds, so rows another server wrote meanwhile stay.
 */
export class BoardLog {
  /** The log rows the document holds: a compaction deletes only these. */
  private readonly applied = new Set<number>()
  /** The generation of the stored snapshot the document holds. */
  private generation = 0
  private count = 0
  private bytes = 0
  private scheduled = false
  private running: Promise<boolean> | null = null
  private quietTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly host: LogHost,
    private readonly store: BoardStore,
    private readonly limits: SyncLimits,
    private readonly log: FastifyBaseLogger,
    /** Quiet time after which a changed board's log is folded into a fresh snapshot. */
    private readonly snapshotWhenQuietMs: number,
  ) {}

  /** What a load read: the snapshot's generation and the log rows replayed over it. */
  loaded(stored: StoredDocument): void {
    for (const seq of stored.seqs) this.applied.add(seq)
    this.generation = stored.generation
    this.count = this.applied.size
    this.bytes += stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
  }

  /** Whether the document holds any log row yet (rows from other servers may come first). */
  get holdsRows(): boolean {
    return this.applied.size > 0
  }

  has(seq: number): boolean {
    return this.applied.has(seq)
  }

  /** Whether a snapshot of this generation is newer than what the document was built from. */
  isNewer(generation: number): boolean {
    return generation > this.generation
  }

  adoptGeneration(generation: number): void {
    this.generation = generation
  }

  /** A row the document now holds (stored here, or by another server and delivered). */
  noted(seq: number, bytes: number): void {
    this.applied.add(seq)
    this.count += 1
    this.bytes += bytes
    this.maybeCompact()
    this.armQuietSnapshot()
  }

  /** Whether the log holds updates the snapshot does not (an untouched board holds none). */
  get changedSinceSnapshot(): boolean {
    return this.count > 0
  }

  /** The compaction under way, if any. */
  get compacting(): Promise<boolean> | null {
    return this.running
  }

  private maybeCompact(): void {
    if (!this.host.serving || this.scheduled) return
    if (this.count < this.limits.compactAfterUpdates && this.bytes < this.limits.compactAfterBytes)
      return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      if (this.host.serving) void this.compact()
    })
  }

  /**
   * A board that changed and then went quiet gets a fresh snapshot, so a crash leaves a short
   * log to replay on the next load.
   */
  private armQuietSnapshot(): void {
    if (!this.host.serving) return
    if (this.quietTimer) this.quietTimer.refresh()
    else {
      this.quietTimer = setTimeout(() => {
        this.quietTimer = null
        if (this.host.serving && this.count > 0) void this.compact()
      }, this.snapshotWhenQuietMs)
      this.quietTimer.unref()
    }
  }

  /**
   * Writes the whole state as the snapshot and drops the log rows it holds, when the host
   * allows (one server at a time). One compaction at a time; a failure leaves the log as it was
   * (nothing is lost) and is only logged. Resolves true when a snapshot was written.
   */
  compact(): Promise<boolean> {
    this.running ??= this.compactNow().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async compactNow(): Promise<boolean> {
    try {
      if (!(await this.host.mayCompact()) || this.host.freed) return false
      const seqs = [...this.applied]
      const [count, bytes] = [this.count, this.bytes]
      const result = await this.store.compact(this.host.id, {
        snapshot: Y.encodeStateAsUpdate(this.host.doc),
        seqs,
        generation: this.generation,
      })
      this.generation = result.generation
      for (const seq of seqs) this.applied.delete(seq)
      this.count = Math.max(0, this.count - count)
      this.bytes = Math.max(0, this.bytes - bytes)
      // another server compacted meanwhile: what its snapshot holds comes in (and is relayed)
      if (result.replaced && !this.host.freed) this.host.applyNewer(result.replaced)
      return true
    } catch (err) {
      this.log.error(
        { board: this.host.id, err: (err as Error).message },
        'compaction failed; the log is kept',
      )
      return false
    }
  }

  /** Stops the timers (the room is being freed). */
  stop(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer)
    this.quietTimer = null
  }
}
