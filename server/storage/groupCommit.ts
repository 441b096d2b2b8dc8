/**
 * Group commit: the updates that arrive in one turn of the event loop (every frame the sockets
 * delivered in one poll phase) are written in ONE storage transaction, and each one's owner is
 * told only after that transaction has committed. One commit (one WAL append, one lock) per
 * turn instead of one per update is what makes storing every update cheap; telling owners only
 * after the commit is what keeps the promise that nothing is served before it is stored.
 *
 * The module knows nothing of rooms or databases: `write` stores a batch atomically (or rejects
 * and stores none of it), `schedule` decides when a batch closes. Tests pass a fake scheduler.
 * One batch is written at a time: what arrives while a (network) database commits waits and
 * goes, all of it, into the next transaction, and batches commit in the order they closed.
 */

/** Runs `fn` once, later: in production at the end of this turn of the event loop. */
export type Scheduler = (fn: () => void) => void

/** setImmediate runs in the check phase, right after the poll phase that read the frames. */
export const endOfTurn: Scheduler = (fn) => {
  setImmediate(fn)
}

export interface BatchEntry<T> {
  item: T
  /** Called after the batch committed (`seq` is what `write` returned for this item)… */
  onStored(seq: number): void
  /** …or, instead, when the batch failed: nothing of it is stored. */
  onFailed(err: Error): void
}

export interface GroupCommitStats {
  batches: number
  items: number
  failures: number
  largestBatch: number
}

export class GroupCommit<T> {
  private queue: BatchEntry<T>[] = []
  private scheduled = false
  private writing = 0
  /** The last batch written or waiting to be: each batch starts after the previous settled. */
  private tail: Promise<void> = Promise.resolve()
  readonly stats: GroupCommitStats = { batches: 0, items: 0, failures: 0, largestBatch: 0 }

  constructor(
    /** Stores every item in one transaction and answers one sequence number per item. */
    private readonly write: (items: T[]) => Promise<number[]> | number[],
    private readonly schedule: Scheduler = endOfTurn,
    /** A throwing callback is reported here; the other owners are still told. */
    private readonly onCallbackError: (err: unknown) => void = (err) => console.error(err),
  ) {}

  /** Items not yet committed: queued, or in the transaction being written. */
  get pending(): number {
    return this.queue.length + this.writing
  }

  /** Queues an item for the batch of this turn. */
  add(entry: BatchEntry<T>): void {
    this.queue.push(entry)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => {
      this.scheduled = false
      void this.flush()
    })
  }

  /** Drops queued items (of a board that just closed); their owners are not called. */
  discard(match: (item: T) => boolean): number {
    const before = this.queue.length
    this.queue = this.queue.filter((e) => !match(e.item))
    return before - this.queue.length
  }

  /**
   * Commits what is queued (also used when a room must be complete, e.g. before its final
   * snapshot) and resolves once that batch, and every one before it, is settled. Callbacks run
   * after the transaction, in arrival order; items added by a callback go to the next batch.
   */
  flush(): Promise<void> {
    this.tail = this.tail.then(() => this.writeQueued())
    return this.tail
  }

  /** Resolves when every batch closed so far has settled. */
  idle(): Promise<void> {
    return this.tail
  }

  private async writeQueued(): Promise<void> {
    const batch = this.queue
    if (!batch.length) return
    this.queue = []
    this.writing = batch.length
    let seqs: number[]
    try {
      seqs = await this.write(batch.map((e) => e.item))
      if (seqs.length !== batch.length) throw new Error('storage answered the wrong count')
    } catch (err) {
      this.writing = 0
      this.stats.failures += 1
      const error = err instanceof Error ? err : new Error(String(err))
      for (const entry of batch) this.settle(() => entry.onFailed(error))
      return
    }
    this.writing = 0
    this.stats.batches += 1
    this.stats.items += batch.length
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length)
    batch.forEach((entry, i) => this.settle(() => entry.onStored(seqs[i]!)))
  }

  private settle(fn: () => void): void {
    try {
      fn()
    } catch (err) {
      this.onCallbackError(err)
    }
  }
}
