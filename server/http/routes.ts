import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { z } from 'zod'
import { errorBody, type ErrorCode } from '../../shared/errors.ts'
import { BOARD_ID_PATTERN, type Role } from '../../shared/protocol.ts'
import { initBoard } from '../../shared/schema/index.ts'
import { exportBoard, type ProblemLang } from '../../shared/export/index.ts'
import { checkAccess, generateBoardId, newBoardKeys } from '../auth/keys.ts'
import type { BoardStore } from '../storage/types.ts'
import { DEFAULT_HTTP_LIMITS, DEFAULT_LIMITS, type HttpLimits } from '../sync/config.ts'
import type { RoomRegistry } from '../sync/rooms.ts'
import { readImportBody, type ImportBody } from './importBody.ts'
import { runImport } from './importRunner.ts'
import { createRateLimit } from './rateLimit.ts'
import { registerImageRoutes } from './images.ts'
import { registerDocumentRoutes } from './documents.ts'
import { registerHistoryRoutes } from './history.ts'
import type { History } from '../history/index.ts'
import { boardJsonFileName } from '../export/fileName.ts'
import { acceptsGzip, previewBody } from './preview.ts'

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/

export const createBoardBody = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'title must not be empty')
    .max(200, 'title is at most 200 characters'),
})

const boardParams = z.object({ id: z.string().regex(BOARD_ID_PATTERN) })
const keyQuery = z.object({ key: z.string().max(200).optional() })

export interface RouteDeps {
  store: BoardStore
  registry: RoomRegistry
  /** Absolute origin for links (e.g. https://trama.example.org); else taken from the request. */
  publicUrl?: string
  maxImportBytes?: number
  /** This machine's address on the local network, used in links asked for through localhost. */
  lanHost?: string
  /** New boards and imports per client address per minute. */
  boardsPerMinute?: number
  /** Largest board (document state bytes) an import may create. */
  maxBoardBytes?: number
  /** The other HTTP limits (defaults: DEFAULT_HTTP_LIMITS). */
  http?: Partial<HttpLimits>
  /**
   * The board-creation limit shared by several servers (server/cluster); by default one
   * counter in this process, of `boardsPerMinute`.
   */
  boardRateLimit?: (key: string, perMinute: number) => Promise<boolean>
  /** The boards' history (versions, activity, bin); its routes are served when given. */
  history?: History
}

export interface NewBoardAnswer {
  id: string
  keys: Record<Role, string>
  links: Record<Role, string>
}

/**
 * The language an import's problems are described in: Italian when the page asks for it first
 * (`Accept-Language: it…`), English otherwise. Only the first tag is read.
 */
export function problemLang(header: string | string[] | undefined): ProblemLang {
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase()
  return first?.startsWith('it') ? 'it' : 'en'
}

function issues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
}

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store, registry } = deps

  /**
   * Links must open on the participants' laptops and phones: a facilitator who opened Trama at
   * localhost gets links with the machine's network address instead (when the server knows it).
   */
  const origin = (req: FastifyRequest) => {
    if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '')
    const url = new URL(`${req.protocol}://${req.host}`)
    if (deps.lanHost && LOOPBACK.test(url.hostname)) url.hostname = deps.lanHost
    return url.origin
  }
  const limits: HttpLimits = {
    ...DEFAULT_HTTP_LIMITS,
    ...deps.http,
    ...(deps.maxImportBytes !== undefined && { maxImportBytes: deps.maxImportBytes }),
    ...(deps.boardsPerMinute !== undefined && { boardsPerMinute: deps.boardsPerMinute }),
  }
  const maxBoardBytes = deps.maxBoardBytes ?? DEFAULT_LIMITS.maxBoardBytes
  const localLimit = createRateLimit(limits.boardsPerMinute)
  const allowBoard = deps.boardRateLimit
    ? (key: string) => deps.boardRateLimit!(key, limits.boardsPerMinute)
    : async (key: string) => localLimit(key)
  /** Runs before the body is read: a flood costs the server no parsing at all. */
  const rateLimited = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!(await allowBoard(req.ip))) return reply.code(429).send(errorBody('TOO_MANY_BOARDS'))
  }
  /**
   * Imports being read or built right now: bounds the memory they hold together. A slot is
   * free again once the answer is gone AND its worker is done (a client that hangs up does not
   * stop the worker it started).
   */
  let importsRunning = 0
  const working = new WeakMap<FastifyRequest, Promise<unknown>>()
  const importSlot = async (req: FastifyRequest, reply: FastifyReply) => {
    if (importsRunning >= limits.importsAtOnce)
      return reply.code(503).header('retry-after', '5').send(errorBody('SERVER_BUSY'))
    importsRunning += 1
    reply.raw.once('close', () => {
      const job = working.get(req) ?? Promise.resolve()
      void job.finally(() => (importsRunning -= 1)).catch(() => {})
    })
  }

  /** Stores a new board from a document and answers its id, keys and links. */
  const createFrom = async (
    req: FastifyRequest,
    title: string,
    createdAt: string,
    state: Uint8Array,
  ): Promise<NewBoardAnswer> => {
    const id = generateBoardId()
    const { keys, hashes } = newBoardKeys()
    await store.createBoard({ id, title, createdAt, keyHashes: hashes }, state)
    const base = origin(req)
    const link = (role: Role) => `${base}/b/${id}#key=${keys[role]}`
    return {
      id,
      keys,
      links: {
        facilitator: link('facilitator'),
        participant: link('participant'),
        viewer: link('viewer'),
      },
    }
  }

  /** Resolves `:id` + `?key=` to a role, or sends the 4xx and returns null. */
  const authorise = async (
    req: FastifyRequest,
    reply: { code(n: number): { send(b: unknown): unknown } },
  ) => {
    const params = boardParams.safeParse(req.params)
    const query = keyQuery.safeParse(req.query)
    const fail = (status: number, code: ErrorCode) => {
      reply.code(status).send(errorBody(code))
      return null
    }
    if (!params.success) return fail(404, 'BOARD_NOT_FOUND')
    if (!query.success) return fail(400, 'BAD_REQUEST')
    const access = checkAccess(await store.getBoard(params.data.id), query.data.key)
    if (!access.ok) return fail(access.status, access.code)
    return access
  }

  app.get('/healthz', async () => ({ status: 'ok', boardsLoaded: registry.loadedCount }))
  // The room's timer counts in the server's clock: each page measures its offset from this.
  app.get('/api/time', async (_req, reply) =>
    reply.header('cache-control', 'no-store').send({ now: Date.now() }),
  )

  app.post(
    '/api/boards',
    { bodyLimit: limits.maxNewBoardBytes, onRequest: rateLimited },
    async (req, reply) => {
      const body = createBoardBody.safeParse(req.body)
      if (!body.success) return reply.code(400).send(errorBody('BAD_REQUEST', issues(body.error)))
      const doc = new Y.Doc()
      const createdAt = new Date().toISOString()
      initBoard(doc, body.data.title, createdAt)
      const state = Y.encodeStateAsUpdate(doc)
      doc.destroy()
      return reply.code(201).send(await createFrom(req, body.data.title, createdAt, state))
    },
  )

  app.get('/api/boards/:id', async (req, reply) => {
    const access = await authorise(req, reply)
    if (!access) return reply
    return { id: access.board.id, title: access.board.title, role: access.role }
  })

  app.get('/api/boards/:id/export.json', async (req, reply) => {
    const access = await authorise(req, reply)
    if (!access) return reply
    // A board written by a newer Trama cannot be exported faithfully by this one.
    const json = await registry.withRoom(access.board.id, (room) =>
      room.newerSchema ? null : exportBoard(room.doc),
    )
    if (!json) return reply.code(409).send(errorBody('NEWER_SCHEMA'))
    const filename = boardJsonFileName(json.title, json.exportedAt.slice(0, 10))
    return reply.header('content-disposition', `attachment; filename="${filename}"`).send(json)
  })

  // What a board's page draws first, while the document itself is on its way (see
  // shared/schema/preview.ts); the same keys as the board's socket. 204 for a small board.
  app.get('/api/boards/:id/preview', async (req, reply) => {
    const access = await authorise(req, reply)
    if (!access) return reply
    const gzipOk = acceptsGzip(req.headers['accept-encoding'])
    // A board that is loading in slices is read once its last piece is in: completing it at
    // once for its preview held the event loop 80–280 ms (2,000 cards), and with it the page's
    // own files and every other board. A room closed meanwhile (its sliced load failed: the
    // next loads whole) is opened again.
    const read = () =>
      registry.withRoom(access.board.id, async (room) => {
        await room.settled()
        if (room.destroyed) return 'closed' as const
        return room.newerSchema ? null : previewBody(room.doc, gzipOk)
      })
    let preview = await read()
    for (let tries = 1; preview === 'closed' && tries < 3; tries++) preview = await read()
    if (preview === 'closed') return reply.code(503).send(errorBody('INTERNAL'))
    if (!preview) return reply.code(409).send(errorBody('NEWER_SCHEMA'))
    if (preview === 'small') return reply.code(204).header('cache-control', 'no-store').send()
    const { body, gzipped } = preview
    if (gzipped) reply.header('content-encoding', 'gzip')
    return reply
      .header('vary', 'accept-encoding')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(body)
  })

  registerImageRoutes(app, { store, registry })
  registerDocumentRoutes(app, { store, registry, history: deps.history })
  if (deps.history) registerHistoryRoutes(app, { store, registry, history: deps.history })

  /**
   * Import: the rate limit and a free slot are checked before the body is read; the body is
   * size- and depth-checked while it streams (its own JSON parser, in this scope only), then
   * parsed, validated and built off the event loop when large. Nothing is stored on any error.
   */
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', (req, payload, done) => {
      const length = Number(req.headers['content-length'])
      readImportBody(payload, Number.isFinite(length) ? length : undefined, {
        maxBytes: limits.maxImportBytes,
        maxDepth: limits.maxImportDepth,
        maxValues: limits.maxImportValues,
      }).then(
        (body) => done(null, body),
        (err: Error) => done(err, undefined),
      )
    })
    scope.post(
      '/api/boards/import',
      { onRequest: [rateLimited, importSlot] },
      async (req, reply) => {
        const body = req.body as ImportBody | undefined
        if (!body) return reply.code(400).send(errorBody('BAD_JSON', ['the body is empty']))
        if (!body.ok) return reply.code(body.status).send(errorBody(body.code, body.details))
        const job = runImport(
          body.bytes,
          body.values,
          {
            maxBoardBytes,
            workerHeapMiB: limits.importWorkerMiB,
            timeoutMs: limits.importTimeoutMs,
          },
          problemLang(req.headers['accept-language']),
        )
        working.set(req, job)
        const outcome = await job
        if (!outcome.ok)
          return reply.code(outcome.status).send(errorBody(outcome.code, outcome.details))
        return reply
          .code(201)
          .send(await createFrom(req, outcome.title, outcome.createdAt, outcome.update))
      },
    )
  })
}
