import { parentPort, workerData } from 'node:worker_threads'
import { buildImport } from './importJob.ts'
import type { ProblemLang } from '../../shared/export/index.ts'

/**
 * Worker thread for one large import (see importRunner.ts): JSON.parse, validation and building
 * the document run here, so the event loop that relays every board's edits never waits for them.
 */
parentPort?.once('message', (bytes: Uint8Array) => {
  const data = workerData as { maxBoardBytes: number; lang: ProblemLang }
  const outcome = buildImport(bytes, data, data.lang)
  parentPort?.postMessage(outcome, outcome.ok ? [outcome.update.buffer as ArrayBuffer] : [])
})
