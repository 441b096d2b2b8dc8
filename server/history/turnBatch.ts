import type { Database } from 'better-sqlite3'

/**
 * Writes of one turn of the event loop in one SQLite transaction. The activity feed is written
 * at every card someone creates or deletes; one commit each was the history's largest cost on
 * a busy server (a WAL append and a lock per entry). Each promise resolves with its write's
 * result once the transaction has committed, or rejects with the transaction's error (then none
 * of the turn's writes is stored). `flush` writes what waits now (before a read).
 */
export class TurnBatch {
  private queue: { write: () => unknown; resolve(v: unknown): void; reject(e: unknown): void }[] =
    []
  private scheduled = false

  constructor(
    private readonly db: Database,
    private readonly schedule: (fn: () => void) => void = (fn) => void setImmediate(fn),
  ) {}

  add<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (v: unknown) => void, reject })
      if (this.scheduled) return
      this.scheduled = true
      this.schedule(() => {
        this.scheduled = false
        this.flush()
      })
    })
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
