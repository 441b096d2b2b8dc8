/**
 * Group commit: the updates that arrive in one turn of the event loop (every frame the sockets
 * delivered in one poll phase) are written in ONE storage transaction, and each one's owner is
 * told only after that transaction has committed. One commit (one WAL append, one lock) per
 * turn instead of one per update is what makes storing every update cheap; telling owners only
 * after the commit is what keeps the promise that nothing is served before it is stored.
 *
 * The module knows nothing of rooms or SQLite: `write` stores a batch atomically (or throws and
 * stores none of it), `schedule` decides when a batch closes. Tests pass a fake scheduler.
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
  readonly stats: GroupCommitStats = { batches: 0, items: 0, failures: 0, largestBatch: 0 }

  constructor(
    /** Stores every item in one transaction and answers one sequence number per item. */
    private readonly write: (items: T[]) => number[],
    private readonly schedule: Scheduler = endOfTurn,
    /** A throwing callback is reported here; the other owners are still told. */
    private readonly onCallbackError: (err: unknown) => void = (err) => console.error(err),
  ) {}

  /** Items waiting for the next commit. */
  get pending(): number {
    return this.queue.length
  }

  /** Queues an item for the batch of this turn. */
  add(entry: BatchEntry<T>): void {
    this.queue.push(entry)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => {
      this.scheduled = false
      this.flush()
    })
  }

  /** Drops queued items (of a board that just closed); their owners are not called. */
  discard(match: (item: T) => boolean): number {
    const before = this.queue.length
    this.queue = this.queue.filter((e) => !match(e.item))
    return before - this.queue.length
  }

  /**
   * Commits what is queued now (also used when a room must be complete right away, e.g. before
   * its final snapshot). Callbacks run after the transaction, in arrival order; items added by
   * a callback go to the next batch.
   */
  flush(): void {
    const batch = this.queue
    if (!batch.length) return
    this.queue = []
    let seqs: number[]
    try {
      seqs = this.write(batch.map((e) => e.item))
      if (seqs.length !== batch.length) throw new Error('storage answered the wrong count')
    } catch (err) {
      this.stats.failures += 1
      const error = err instanceof Error ? err : new Error(String(err))
      for (const entry of batch) this.settle(() => entry.onFailed(error))
      return
    }
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
