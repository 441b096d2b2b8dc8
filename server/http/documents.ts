import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { errorBody } from '../../shared/errors.ts'
import { BOARD_ID_PATTERN } from '../../shared/protocol.ts'
import { exportBoard } from '../../shared/export/index.ts'
import type { BoardExport } from '../../shared/export/format.ts'
import { boardCsv, csvFileName, CSV_TABLES } from '../../shared/document/csv.ts'
import { checkAccess } from '../auth/keys.ts'
// the file name only: the document itself (and PDFKit) lives on the worker thread
import { pactFileName } from '../export/fileName.ts'
import { createPdfRunner, PdfBusyError, type PdfRunnerOptions } from '../export/pdfRunner.ts'
import type { BoardStore } from '../storage/types.ts'
import type { RoomRegistry } from '../sync/rooms.ts'

const params = z.object({ id: z.string().regex(BOARD_ID_PATTERN) })
const query = z.object({
  key: z.string().max(200).optional(),
  lang: z.enum(['it', 'en']).default('it'),
})

interface Deps {
  store: BoardStore
  registry: RoomRegistry
  /** The activity log: the names people declared when they changed the board. */
  history?: {
    store: { listActivity(boardId: string, limit: number): Promise<{ name: string | null }[]> }
  }
  pdf?: Partial<PdfRunnerOptions>
}

/** The names the activity log records for a board (the newest thousand changes). */
async function writersOf(deps: Deps, boardId: string): Promise<string[]> {
  if (!deps.history) return []
  const entries = await deps.history.store.listActivity(boardId, 1000)
  return [...new Set(entries.map((e) => e.name?.trim() ?? '').filter(Boolean))]
}

/** The board a document request names, after the same key checks as export.json; or the answer sent. */
async function boardFor(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
): Promise<{ id: string; board: BoardExport; lang: 'it' | 'en' } | null> {
  const p = params.safeParse(req.params)
  if (!p.success) {
    reply.code(404).send(errorBody('BOARD_NOT_FOUND'))
    return null
  }
  const q = query.safeParse(req.query)
  if (!q.success) {
    reply.code(400).send(errorBody('BAD_REQUEST', ['lang: it or en']))
    return null
  }
  const access = checkAccess(await deps.store.getBoard(p.data.id), q.data.key)
  if (!access.ok) {
    reply.code(access.status).send(errorBody(access.code))
    return null
  }
  const board = await deps.registry.withRoom(access.board.id, (room) =>
    room.newerSchema ? null : exportBoard(room.doc),
  )
  if (!board) {
    reply.code(409).send(errorBody('NEWER_SCHEMA'))
    return null
  }
  return { id: access.board.id, board, lang: q.data.lang }
}

/**
 * Documents of a board, beside its images (images.ts), keys checked as for export.json:
 * `GET /api/boards/:id/export/pact.pdf` the pact document (A4, drawn on a worker thread) and
 * `GET /api/boards/:id/export/<table>.csv` for the logframe, the strategy scores, every single
 * vote and the stakeholder register (Italian Excel: `;`, BOM). `?lang=it|en` (default `it`).
 */
export function registerDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  const runner = createPdfRunner(deps.pdf)
  app.addHook('onClose', () => runner.close())

  app.get('/api/boards/:id/export/pact.pdf', async (req, reply) => {
    const found = await boardFor(req, reply, deps)
    if (!found) return reply
    const day = found.board.exportedAt.slice(0, 10)
    let pdf: Buffer
    try {
      const people = await writersOf(deps, found.id)
      pdf = await runner.build(found.board, { lang: found.lang, day, people })
    } catch (err) {
      if (err instanceof PdfBusyError)
        return reply
          .code(503)
          .header('retry-after', '5')
          .send(errorBody('SERVER_BUSY', ['other documents are being drawn: retry in a moment']))
      req.log.error({ err, board: found.board.title }, 'pact document failed')
      return reply.code(500).send(errorBody('INTERNAL'))
    }
    return reply
      .header(
        'content-disposition',
        `attachment; filename="${pactFileName(found.board.title, day)}"`,
      )
      .header('cache-control', 'no-store')
      .type('application/pdf')
      .send(pdf)
  })

  for (const table of CSV_TABLES)
    app.get(`/api/boards/:id/export/${table}.csv`, async (req, reply) => {
      const found = await boardFor(req, reply, deps)
      if (!found) return reply
      const day = found.board.exportedAt.slice(0, 10)
      return reply
        .header(
          'content-disposition',
          `attachment; filename="${csvFileName(found.board.title, table, day)}"`,
        )
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(boardCsv(found.board, table, found.lang))
    })
}
