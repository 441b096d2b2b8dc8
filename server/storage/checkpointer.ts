import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * WAL checkpoints on a worker thread. With `synchronous = NORMAL` a commit only appends to the
 * WAL (no fsync); the fsyncs happen when the WAL is copied back into the database. SQLite does
 * that by default inside whichever commit crosses 1,000 pages — on the event loop, stalling
 * every board for tens of milliseconds. The server turns that off and this worker, on its own
 * connection, runs a PASSIVE checkpoint (it never blocks the writer) every `intervalMs`.
 *
 * A PASSIVE checkpoint never lets the WAL start over while commits keep coming: the next writer
 * restarts the file only if the checkpoint copied every frame, and commits made while it ran
 * (its fsyncs take milliseconds) are not copied. Under steady load the WAL grew without end
 * (2.3 GB in 8 s of back-to-back commits) and every commit slowed with it (searching the WAL's
 * index, extending the file): 70–115 µs against 20 for a two-row commit. So once the WAL holds
 * `restartFrames` frames, the worker asks the server to hold its writes (`gate`: the store's
 * write methods wait for it, nothing blocks the event loop), runs a RESTART checkpoint — only
 * the frames added since its PASSIVE one are left to copy — and lets the writes go; the next
 * commit starts the WAL over.
 *
 * A worker thread costs about 10 MB, so it runs only while there are writes: the first write
 * starts it, and after `idleMs` without one it checkpoints a last time and ends.
 */
export interface Checkpointer {
  /** Called on every write: starts the worker if it is not running. Cheap. */
  touch(): void
  /** While the worker restarts the WAL: writes wait for this to resolve. Null otherwise. */
  readonly gate: Promise<void> | null
  /** Asks the worker for a last checkpoint and to end; resolves when the thread has exited. */
  stop(): Promise<void>
  /** Whether a worker is running now. */
  readonly running: boolean
}

export interface CheckpointerOptions {
  intervalMs: number
  idleMs: number
  /** Frames in the WAL past which it is restarted (a frame is a page: 4 KB). */
  restartFrames: number
  onError(message: string): void
}

/** Writes held longer than this go on anyway (they then wait on SQLite's lock, if at all). */
const MAX_HOLD_MS = 2_000

// CommonJS on purpose: an eval'd worker has `require`, and better-sqlite3 is CommonJS.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
let restarting = false
const checkpoint = () => {
  if (restarting) return
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    if (result && result.log >= workerData.restartFrames) {
      restarting = true
      parentPort.postMessage({ hold: true })
    }
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (msg) => {
  if (msg === 'held') {
    try {
      db.pragma('wal_checkpoint(RESTART)')
    } catch {}
    restarting = false
    parentPort.postMessage({ restarted: true })
    return
  }
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

export function startCheckpointer(file: string, options: CheckpointerOptions): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  let worker: Worker | null = null
  let idleCheck: NodeJS.Timeout | null = null
  let lastWrite = 0
  let gate: Promise<void> | null = null
  let release = () => {}

  const hold = (w: Worker) => {
    if (gate) return
    let timer: NodeJS.Timeout
    gate = new Promise<void>((resolve) => {
      release = () => {
        clearTimeout(timer)
        gate = null
        release = () => {}
        resolve()
      }
    })
    // Not unref'd: writes waiting for the gate keep the process alive until they are made.
    timer = setTimeout(() => release(), MAX_HOLD_MS)
    // The writes are synchronous: none is under way while this runs.
    w.postMessage('held')
  }

  const stop = (): Promise<void> => {
    if (idleCheck) clearInterval(idleCheck)
    idleCheck = null
    release()
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
      workerData: {
        file,
        driver,
        intervalMs: options.intervalMs,
        restartFrames: options.restartFrames,
      },
    })
    w.on('message', (msg: { error?: string; hold?: true; restarted?: true }) => {
      if (msg.hold) hold(w)
      else if (msg.restarted) release()
      else if (msg.error) options.onError(msg.error)
    })
    w.on('error', (err) => {
      release()
      options.onError(err.message)
    })
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
    get gate() {
      return gate
    },
    stop,
    get running() {
      return worker !== null
    },
  }
}
