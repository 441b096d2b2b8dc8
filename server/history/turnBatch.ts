import type { Database } from 'better-sqlite3'

/** Runs `fn` once, later (tests pass a manual one). */
export type Schedule = (fn: () => void) => void

/**
 * Writes gathered into one SQLite transaction. The activity feed is written at every card
 * someone creates or deletes; one commit each was the history's largest cost on a busy server (a
 * WAL append and a lock per entry). A write that must be on disk at once (`urgent`: the record
 * of a deletion, written before anyone is sent the deletion) is committed now, with whatever
 * waits; the others wait for the schedule (a second). Each promise resolves with its write's result once the
 * transaction has committed, or rejects with the transaction's error (then none of the batch is
 * stored). `flush` writes what waits now (before a read).
 */
export class TurnBatch {
  private queue: { write: () => unknown; resolve(v: unknown): void; reject(e: unknown): void }[] =
    []
  private later = false

  constructor(
    private readonly db: Database,
    private readonly schedule: Schedule = (fn) => void setTimeout(fn, 1_000).unref(),
  ) {}

  add<T>(write: () => T, { urgent = false }: { urgent?: boolean } = {}): Promise<T> {
    const done = new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (v: unknown) => void, reject })
    })
    if (urgent) this.flush()
    else if (!this.later) {
      this.later = true
      this.schedule(() => {
        this.later = false
        this.flush()
      })
    }
    return done
  }

  flush(): void {
    const batch = this.queue
    if (!batch.length) return
    this.queue = []
    if (!this.db.open) {
      for (const w of batch) w.reject(new Error('the history is closed'))
      return
    }
    let results: unknown[]
    try {
      results = this.db.transaction(() => batch.map((w) => w.write()))()
    } catch (err) {
      for (const w of batch) w.reject(err)
      return
    }
    batch.forEach((w, i) => w.resolve(results[i]))
  }
}
