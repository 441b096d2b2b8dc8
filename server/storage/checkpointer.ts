import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * WAL checkpoints on a worker thread. With `synchronous = NORMAL` a commit only appends to the
 * WAL (no fsync); the fsyncs happen when the WAL is copied back into the database. SQLite does
 * that by default inside whichever commit crosses 1,000 pages — on the event loop, stalling
 * every board for tens of milliseconds. The server turns that off and this worker, on its own
 * connection, runs a PASSIVE checkpoint (it never blocks the writer) every `intervalMs`.
 *
 * A worker thread costs about 10 MB, so it runs only while there are writes: the first write
 * starts it, and after `idleMs` without one it checkpoints a last time and ends.
 */
export interface Checkpointer {
  /** Called on every write: starts the worker if it is not running. Cheap. */
  touch(): void
  /** Asks the worker for a last checkpoint and to end; resolves when the thread has exited. */
  stop(): Promise<void>
  /** Whether a worker is running now. */
  readonly running: boolean
}

// CommonJS on purpose: an eval'd worker has `require`, and better-sqlite3 is CommonJS.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

export function startCheckpointer(
  file: string,
  options: { intervalMs: number; idleMs: number; onError(message: string): void },
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  let worker: Worker | null = null
  let idleCheck: NodeJS.Timeout | null = null
  let lastWrite = 0

  const stop = (): Promise<void> => {
    if (idleCheck) clearInterval(idleCheck)
    idleCheck = null
    if (!worker) return Promise.resolve()
    const exited = new Promise<void>((resolve) => worker!.once('exit', () => resolve()))
    // Whatever it reports from now on (say, the data directory removed after a shutdown) is
    // no longer news; an 'error' without a listener would crash the process.
    worker
      .removeAllListeners('message')
      .removeAllListeners('error')
      .on('error', () => {})
    worker.postMessage('close')
    worker = null
    return exited
  }
  const start = () => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, intervalMs: options.intervalMs },
    })
    w.on('message', (msg: { error?: string }) => msg.error && options.onError(msg.error))
    w.on('error', (err) => options.onError(err.message))
    w.on('exit', () => {
      if (worker === w) void stop()
    })
    // The thread must not keep a server that is otherwise done from exiting.
    w.unref()
    worker = w
    idleCheck = setInterval(() => {
      if (Date.now() - lastWrite > options.idleMs) void stop()
    }, options.idleMs)
    idleCheck.unref()
  }
  return {
    touch() {
      lastWrite = Date.now()
      if (!worker) start()
    },
    stop,
    get running() {
      return worker !== null
    },
  }
}
