import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { errorBody, type ErrorCode } from '../../shared/errors.ts'
import { BOARD_ID_PATTERN, type Role } from '../../shared/protocol.ts'
import { LIMITS } from '../../shared/schema/index.ts'
import { exportBoard } from '../../shared/export/index.ts'
import { checkAccess } from '../auth/keys.ts'
import type { BoardStore } from '../storage/types.ts'
import type { RoomRegistry } from '../sync/rooms.ts'
import { compareWithVersion } from '../history/compare.ts'
import { versionJsonFileName } from '../export/fileName.ts'
import type { History } from '../history/recorder.ts'
import { restoreFromBin, restoreVersion, visibleBin } from '../history/actions.ts'

const boardParams = z.object({ id: z.string().regex(BOARD_ID_PATTERN) })
const versionParams = boardParams.extend({ v: z.string().regex(/^[1-9]\d{0,15}$/) })
const entryParams = boardParams.extend({ entry: z.string().regex(/^[1-9]\d{0,15}$/) })
const keyQuery = z.object({ key: z.string().max(200).optional() })
const author = z.string().trim().max(LIMITS.person).optional()
/** `POST …/versions`: the facilitator names the version («Fine primo incontro»). */
export const saveVersionBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'name must not be empty')
    .max(100, 'name is at most 100 characters'),
  author,
})
/** `POST …/restore`: nothing, or who does it (the name the page shows for this person). */
const restoreBody = z.object({ author }).optional()

/**
 * The reader's time zone (`?tz=Europe/Rome`, the page sends its own), for the time in a file
 * name; none, or one this server's Intl does not know, means the server's own.
 */
const timeZoneQuery = z.object({ tz: z.string().max(64) })
function timeZoneOf(query: unknown): string | undefined {
  const tz = timeZoneQuery.safeParse(query)
  if (!tz.success) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz.data.tz })
    return tz.data.tz
  } catch {
    return undefined
  }
}

interface Deps {
  store: BoardStore
  registry: RoomRegistry
  history: History
}

type Reply = FastifyReply

function fail(reply: Reply, status: number, code: ErrorCode, details?: string[]): null {
  reply.code(status).send(errorBody(code, details))
  return null
}

/**
 * The board's history over HTTP (server/history): versions, what changed since one, its
 * export, saving and restoring (facilitator key), the activity record, and the bin (any key
 * that writes restores). Keys are checked as for export.json: 401 without, 403 wrong, 404 board.
 */
export function registerHistoryRoutes(app: FastifyInstance, deps: Deps): void {
  const { store, registry, history } = deps

  /** Resolves the board and the key's role, or answers the 4xx and returns null. */
  const access = async <P extends z.ZodTypeAny>(
    req: FastifyRequest,
    reply: Reply,
    params: P,
    need: 'read' | 'write' | 'facilitator' = 'read',
  ): Promise<{ id: string; role: Role; params: z.infer<P> } | null> => {
    const p = boardParams.safeParse(req.params)
    if (!p.success) return fail(reply, 404, 'BOARD_NOT_FOUND')
    const q = keyQuery.safeParse(req.query)
    if (!q.success) return fail(reply, 400, 'BAD_REQUEST')
    const checked = checkAccess(await store.getBoard(p.data.id), q.data.key)
    if (!checked.ok) return fail(reply, checked.status, checked.code)
    if (need === 'facilitator' && checked.role !== 'facilitator')
      return fail(reply, 403, 'FACILITATOR_ONLY')
    if (need === 'write' && checked.role === 'viewer') return fail(reply, 403, 'READ_ONLY_KEY')
    const all = params.safeParse(req.params)
    if (!all.success)
      return fail(
        reply,
        404,
        (params as unknown) === entryParams ? 'BIN_ENTRY_NOT_FOUND' : 'VERSION_NOT_FOUND',
      )
    return { id: p.data.id, role: checked.role, params: all.data }
  }

  const versionOf = async (reply: Reply, boardId: string, raw: string) => {
    const state = await history.store.versionState(boardId, Number(raw))
    if (!state) return fail(reply, 404, 'VERSION_NOT_FOUND')
    return state
  }

  app.get('/api/boards/:id/versions', async (req, reply) => {
    const a = await access(req, reply, boardParams)
    if (!a) return reply
    const [versions, usage] = await Promise.all([
      history.store.listVersions(a.id),
      history.store.usage(a.id),
    ])
    return {
      versions: versions.map(({ boardId: _b, ...v }) => v),
      storage: { ...usage, maxBytes: history.maxBytes },
    }
  })

  app.post('/api/boards/:id/versions', async (req, reply) => {
    const a = await access(req, reply, boardParams, 'facilitator')
    if (!a) return reply
    const body = saveVersionBody.safeParse(req.body)
    if (!body.success)
      return reply.code(400).send(
        errorBody(
          'BAD_REQUEST',
          body.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
        ),
      )
    const saved = await registry.withRoom(a.id, (room) =>
      room.newerSchema
        ? null
        : history.checkpoint(
            room,
            'named',
            { role: a.role, author: body.data.author || null },
            body.data.name,
          ),
    )
    if (!saved) return fail(reply, 409, 'NEWER_SCHEMA')
    const { boardId: _b, ...version } = await saved
    return reply.code(201).send(version)
  })

  app.get('/api/boards/:id/versions/:v/export.json', async (req, reply) => {
    const a = await access(req, reply, versionParams)
    if (!a) return reply
    const state = await versionOf(reply, a.id, a.params.v)
    if (!state) return reply
    const json = history.withVersionDoc(state, (doc) => exportBoard(doc))
    if (!json) return fail(reply, 409, 'NEWER_SCHEMA')
    const versions = await history.store.listVersions(a.id)
    const id = Number(a.params.v)
    const version = versions.find((v) => v.id === id) ?? { id, at: Date.now(), name: null }
    const filename = versionJsonFileName(json.title, version, versions, timeZoneOf(req.query))
    return reply.header('content-disposition', `attachment; filename="${filename}"`).send(json)
  })

  app.get('/api/boards/:id/versions/:v/changes', async (req, reply) => {
    const a = await access(req, reply, versionParams)
    if (!a) return reply
    const state = await versionOf(reply, a.id, a.params.v)
    if (!state) return reply
    const changes = await registry.withRoom(a.id, (room) =>
      history.withVersionDoc(state, (version) => compareWithVersion(version, room.doc)),
    )
    if (!changes) return fail(reply, 409, 'NEWER_SCHEMA')
    return { version: Number(a.params.v), changes }
  })

  app.post('/api/boards/:id/versions/:v/restore', async (req, reply) => {
    const a = await access(req, reply, versionParams, 'facilitator')
    if (!a) return reply
    const body = restoreBody.safeParse(req.body)
    if (!body.success)
      return fail(reply, 400, 'BAD_REQUEST', ['author: text of at most 80 characters'])
    const state = await versionOf(reply, a.id, a.params.v)
    if (!state) return reply
    const outcome = await restoreVersion({ registry, history }, a.id, state, {
      role: a.role,
      name: body.data?.author || null,
    })
    if (!outcome) return fail(reply, 409, 'NEWER_SCHEMA')
    return { restored: Number(a.params.v), ...outcome }
  })

  app.get('/api/boards/:id/activity', async (req, reply) => {
    const a = await access(req, reply, boardParams)
    if (!a) return reply
    await history.flushActivity(a.id)
    const entries = await history.store.listActivity(a.id, 300)
    return { activity: entries.map(({ boardId: _b, ...e }) => e) }
  })

  app.get('/api/boards/:id/bin', async (req, reply) => {
    const a = await access(req, reply, boardParams)
    if (!a) return reply
    return { bin: await visibleBin({ registry, history }, a.id) }
  })

  app.post('/api/boards/:id/bin/:entry/restore', async (req, reply) => {
    const a = await access(req, reply, entryParams, 'write')
    if (!a) return reply
    const body = restoreBody.safeParse(req.body)
    if (!body.success)
      return fail(reply, 400, 'BAD_REQUEST', ['author: text of at most 80 characters'])
    const outcome = await restoreFromBin({ registry, history }, a.id, Number(a.params.entry), {
      role: a.role,
      name: body.data?.author || null,
    })
    if (!outcome.ok) return fail(reply, outcome.status, outcome.code, outcome.details)
    return { restored: outcome.restored }
  })
}
