import * as Y from 'yjs'
import type { ErrorCode } from '../../shared/errors.ts'
import { docFromExport, parseBoardExport, type ProblemLang } from '../../shared/export/index.ts'

/** A board built from an import body, or the 4xx to answer. Plain data: it crosses threads. */
export type ImportOutcome =
  | { ok: true; title: string; createdAt: string; update: Uint8Array }
  | { ok: false; status: 400 | 413 | 422; code: ErrorCode; details?: string[] }

const MiB = 1024 * 1024
const mib = (n: number) => `${Math.round((n / MiB) * 10) / 10} MiB`

/**
 * Body bytes → validated, migrated board → its document state. Pure and synchronous: the route
 * runs it inline for small bodies and in a worker thread for large ones.
 */
export function buildImport(
  bytes: Uint8Array,
  limits: { maxBoardBytes: number },
  /** The language the file's problems are described in (the page's). */
  lang: ProblemLang = 'en',
): ImportOutcome {
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes))
  } catch (err) {
    return { ok: false, status: 400, code: 'BAD_JSON', details: [(err as Error).message] }
  }
  const parsed = parseBoardExport(raw, lang)
  if (!parsed.ok)
    return {
      ok: false,
      status: parsed.code === 'NEWER_SCHEMA' ? 422 : 400,
      code: parsed.code,
      details: parsed.details,
    }
  let update: Uint8Array
  try {
    const doc = docFromExport(parsed.board)
    update = Y.encodeStateAsUpdate(doc)
    doc.destroy()
  } catch (err) {
    return { ok: false, status: 400, code: 'INVALID_EXPORT', details: [(err as Error).message] }
  }
  if (update.byteLength > limits.maxBoardBytes)
    return {
      ok: false,
      status: 413,
      code: 'BOARD_TOO_LARGE',
      details: [
        `the board is ${mib(update.byteLength)}; a board is at most ${mib(limits.maxBoardBytes)}`,
      ],
    }
  return { ok: true, title: parsed.board.title, createdAt: parsed.board.createdAt, update }
}
