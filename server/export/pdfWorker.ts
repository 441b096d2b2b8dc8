import { parentPort } from 'node:worker_threads'
import type { BoardExport } from '../../shared/export/format.ts'
import { buildPactPdf, type PactPdfOptions } from './pactPdf.ts'

export interface PdfJob {
  id: number
  board: BoardExport
  options: Pick<PactPdfOptions, 'lang' | 'day' | 'people'>
}
export type PdfAnswer =
  { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string }

/**
 * Worker thread that draws pact documents (see pdfRunner.ts): laying out a large board takes
 * seconds of CPU, which the event loop relaying every board's edits must never wait for.
 */
parentPort?.on('message', (job: PdfJob) => {
  buildPactPdf(job.board, job.options).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      parentPort?.postMessage({ id: job.id, ok: true, pdf: bytes } satisfies PdfAnswer)
    },
    (err: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies PdfAnswer),
  )
})
