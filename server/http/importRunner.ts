import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { buildImport, type ImportOutcome } from './importJob.ts'
import type { ProblemLang } from '../../shared/export/index.ts'

/**
 * Bodies with up to this many values (an empty board exports ~130; each card adds ~7) are built
 * inline; anything larger goes to a worker thread, whose start (0.3–3 s here) only the importing
 * person waits for. The cost grows with the cards more than with the bytes: on the project's
 * 2-core machine under load (load average 10), 2,500 small cards (244 KiB) took 425 ms to parse,
 * validate and build, 1,200 cards of 150 characters 40 ms, an empty board 12–77 ms.
 */
export const INLINE_IMPORT_VALUES = 500

export interface ImportRunLimits {
  maxBoardBytes: number
  /** Old-generation heap of the worker: past it the worker dies, not the server. */
  workerHeapMiB: number
  timeoutMs: number
}

/**
 * The worker's entry: the compiled one beside the server bundle (dist/importWorker.js), else the
 * sources through tsx (from server/http, or from the bundle's dist/ when it was built alone).
 */
const WORKER_URL = [
  new URL('./importWorker.js', import.meta.url),
  new URL('./importWorker.mjs', import.meta.url),
  new URL('../server/http/importWorker.mjs', import.meta.url),
].find((url) => existsSync(fileURLToPath(url)))

const tooComplex = (why: string): ImportOutcome => ({
  ok: false,
  status: 413,
  code: 'IMPORT_TOO_COMPLEX',
  details: [why],
})

/** Builds a board from an import body without holding the event loop for long. */
export function runImport(
  bytes: Uint8Array,
  values: number,
  limits: ImportRunLimits,
  lang: ProblemLang = 'en',
): Promise<ImportOutcome> {
  if (values <= INLINE_IMPORT_VALUES)
    return Promise.resolve(buildImport(bytes, { maxBoardBytes: limits.maxBoardBytes }, lang))
  if (!WORKER_URL) return Promise.reject(new Error('the import worker is missing'))
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      execArgv: [],
      workerData: { maxBoardBytes: limits.maxBoardBytes, lang },
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMiB },
    })
    let settled = false
    const settle = (outcome: ImportOutcome | Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const timer = setTimeout(
      () => settle(tooComplex(`reading it took more than ${limits.timeoutMs / 1000} s`)),
      limits.timeoutMs,
    )
    worker.once('message', (outcome: ImportOutcome) => settle(outcome))
    // Out of memory is the body's fault (a 4xx); any other failure is the server's (a 500).
    worker.once('error', (err: Error & { code?: string }) =>
      settle(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooComplex(`reading it needs more than ${limits.workerHeapMiB} MiB of memory`)
          : err,
      ),
    )
    worker.once('exit', (code) => settle(new Error(`import worker exited (${code})`)))
    worker.postMessage(bytes, [bytes.buffer as ArrayBuffer])
  })
}
