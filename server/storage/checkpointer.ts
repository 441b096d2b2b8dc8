import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * WAL checkpoints on a worker thread. With `synchronous = NORMAL` a commit only appends to the
 * WAL (no fsync); the fsyncs happen when the WAL is copied back into the database. SQLite does
 * that by default inside whichever commit crosses 1,000 pages — on the event loop, stalling
 * every board for tens of milliseconds. The server turns that off and this worker, on its own
 * connection, runs a PASSIVE checkpoint (never blocks the writer) every `intervalMs`.
 */
export interface Checkpointer {
  /** Asks the worker to close its connection and end; returns at once. */
  stop(): void
}

// CommonJS on purpose: an eval'd worker has `require`, and better-sqlite3 is CommonJS.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message) })
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export function startCheckpointer(
  file: string,
  intervalMs: number,
  onError: (message: string) => void,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs },
  })
  worker.on('message', (msg: { error?: string }) => msg.error && onError(msg.error))
  worker.on('error', (err) => onError(err.message))
  // The thread must not keep a server that is otherwise done from exiting.
  worker.unref()
  return { stop: () => worker.postMessage('close') }
}
