import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { BoardExport } from '../../shared/export/format.ts'
import type { PdfAnswer, PdfJob } from './pdfWorker.ts'

/**
 * The worker's entry: the compiled one beside the server bundle (dist/pdfWorker.js), else the
 * sources through tsx (from server/export, or from the bundle's dist/ when it was built alone).
 */
const WORKER_URL = [
  new URL('./pdfWorker.js', import.meta.url),
  new URL('./pdfWorker.mjs', import.meta.url),
  new URL('../server/export/pdfWorker.mjs', import.meta.url),
].find((url) => existsSync(fileURLToPath(url)))

export interface PdfRunnerOptions {
  /** Documents accepted at once (one drawn, the others waiting); past it: `PdfBusyError`. */
  maxJobs: number
  timeoutMs: number
  /** The worker ends after this long without work (its memory goes back to the system). */
  idleMs: number
  workerHeapMiB: number
}

export const DEFAULT_PDF_RUNNER: PdfRunnerOptions = {
  maxJobs: 3,
  timeoutMs: 60_000,
  idleMs: 30_000,
  workerHeapMiB: 1024,
}

export class PdfBusyError extends Error {
  constructor() {
    super('other documents are being drawn')
  }
}

interface Pending {
  job: PdfJob
  resolve: (pdf: Buffer) => void
  reject: (err: Error) => void
}

export interface PdfRunner {
  build(board: BoardExport, options: PdfJob['options']): Promise<Buffer>
  close(): Promise<void>
}

/**
 * Draws pact documents on one worker thread, one at a time, so the event loop never waits for
 * a layout. The worker starts with the first document and stays while documents keep coming
 * (its start, fonts and modules, is paid once); a document that takes too long ends the worker
 * and fails alone.
 */
export function createPdfRunner(options: Partial<PdfRunnerOptions> = {}): PdfRunner {
  const limits = { ...DEFAULT_PDF_RUNNER, ...options }
  const queue: Pending[] = []
  let worker: Worker | null = null
  let current: Pending | null = null
  let timer: NodeJS.Timeout | undefined
  let idle: NodeJS.Timeout | undefined
  let nextId = 1
  let closed = false

  const stopWorker = () => {
    const w = worker
    worker = null
    if (w) void w.terminate()
  }
  const settle = (outcome: Buffer | Error) => {
    const job = current
    current = null
    clearTimeout(timer)
    if (job) {
      if (outcome instanceof Error) job.reject(outcome)
      else job.resolve(outcome)
    }
    next()
  }
  const startWorker = (): Worker => {
    if (!WORKER_URL) throw new Error('the PDF worker is missing')
    const w = new Worker(WORKER_URL, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMiB },
    })
    w.unref()
    w.on('message', (answer: PdfAnswer) => {
      if (!current || answer.id !== current.job.id) return
      settle(
        answer.ok
          ? Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength)
          : new Error(answer.error),
      )
    })
    const gone = (err: Error) => {
      if (worker !== w) return
      worker = null
      settle(err)
    }
    w.on('error', gone)
    w.on('exit', (code) => gone(new Error(`PDF worker exited (${code})`)))
    return w
  }
  function next() {
    if (current) return
    const job = queue.shift()
    clearTimeout(idle)
    if (!job) {
      idle = setTimeout(stopWorker, limits.idleMs)
      idle.unref()
      return
    }
    current = job
    try {
      worker ??= startWorker()
    } catch (err) {
      settle(err as Error)
      return
    }
    timer = setTimeout(() => {
      stopWorker()
      settle(new Error(`the document took more than ${limits.timeoutMs / 1000} s`))
    }, limits.timeoutMs)
    worker.postMessage(job.job)
  }

  return {
    build(board, jobOptions) {
      if (closed) return Promise.reject(new Error('the PDF runner is closed'))
      if (queue.length + (current ? 1 : 0) >= limits.maxJobs)
        return Promise.reject(new PdfBusyError())
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ job: { id: nextId++, board, options: jobOptions }, resolve, reject })
        next()
      })
    },
    async close() {
      closed = true
      clearTimeout(idle)
      clearTimeout(timer)
      for (const job of queue.splice(0)) job.reject(new Error('the server is closing'))
      const w = worker
      worker = null
      current?.reject(new Error('the server is closing'))
      current = null
      if (w) await w.terminate()
    },
  }
}
