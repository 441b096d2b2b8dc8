import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { errorBody } from '../shared/errors.ts'
import { closeHttp } from './http/closeHttp.ts'
import { registerRoutes } from './http/routes.ts'
import { registerSecurityHeaders } from './http/securityHeaders.ts'
import { openStore } from './storage/open.ts'
import { StartupError } from './startup.ts'
import type { BoardStore } from './storage/types.ts'
import { DEFAULT_LIMITS, type HttpLimits, type SyncLimits } from './sync/config.ts'
import { RoomRegistry, type StorageTuning } from './sync/rooms.ts'
import { attachSync } from './sync/upgrade.ts'
import type { Cluster } from './cluster/cluster.ts'
import { combineHooks, openHistory, type History } from './history/index.ts'
import type { HistoryOptions } from './history/recorder.ts'

export interface TramaServerOptions {
  port?: number
  host?: string
  dataDir: string
  /** Built client to serve (index.html + assets); omitted: API and sync only. */
  staticDir?: string
  publicUrl?: string
  /** This machine's LAN address, for links asked for through localhost. */
  lanHost?: string
  limits?: Partial<SyncLimits>
  maxImportBytes?: number
  /** New boards and imports per client address per minute (default 60). */
  boardsPerMinute?: number
  /** The other limits of the HTTP API (server/sync/config.ts). */
  httpLimits?: Partial<HttpLimits>
  /** Snapshot timing and the group commit's scheduler (tests pass a manual one). */
  storage?: Partial<StorageTuning>
  /** Wraps the store (tests use it to make storage fail on demand). */
  wrapStore?: (store: BoardStore) => BoardStore
  /** PostgreSQL shared by several servers (DATABASE_URL); else SQLite under `dataDir`. */
  databaseUrl?: string
  /** Redis linking several servers (REDIS_URL): updates, presence, leases, the rate limit. */
  redisUrl?: string
  /** Redis key prefix (default `trama`): servers with the same prefix share boards. */
  redisPrefix?: string
  /** A store to use as it is (tests pass the memory store); overrides `databaseUrl`. */
  store?: BoardStore
  /** Browser origins allowed to open sync sockets besides the server's own (ALLOWED_ORIGINS). */
  allowedOrigins?: string[]
  /** The history's timing and clock (tests shorten them); it lives beside the boards. */
  history?: Partial<Omit<HistoryOptions, 'log'>>
  /** How long answers being sent when the server stops may take (server/http/closeHttp.ts). */
  closeGraceMs?: number
  /** pino level, or false for silence (tests). */
  logLevel?: string | false
  /** Where the log lines go (pino's JSON, a line each): standard output unless given. */
  logStream?: { write(line: string): void }
}

export interface TramaServer {
  app: FastifyInstance
  store: BoardStore
  registry: RoomRegistry
  history: History
  /** This server's link to the others (REDIS_URL), if any. */
  cluster?: Cluster
  /** http://host:port the server listens on. */
  url: string
  port: number
  close(): Promise<void>
}

/** A route that declares a JSON schema fails at registration: Trama validates with zod. */
/**
 * How long a browser may keep a file of the client. The built assets are named by their
 * content's hash (a new build gives new names), so they are kept for a year without asking
 * again: a participant who reloads the board fetches none of them. The page itself (and
 * anything else) is asked for again each time, so a new build reaches everyone at once.
 */
export function cacheControlOf(path: string): string {
  return /[\\/]assets[\\/][^\\/]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

function noJsonSchemas(): never {
  throw new Error('Trama routes validate their input with zod, not with JSON schemas')
}

/** Hides the role keys of URLs in the logs. */
function redactKeys(url: string): string {
  return url.replace(/([?&#]key=)[^&#]*/g, '$1***')
}

/** Builds and starts a server: HTTP API, static client and sync on one port. */
export async function createTramaServer(options: TramaServerOptions): Promise<TramaServer> {
  const limits: SyncLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const app = Fastify({
    logger:
      options.logLevel === false
        ? false
        : {
            level: options.logLevel ?? 'info',
            serializers: {
              req: (req) => ({ method: req.method, url: redactKeys(req.url) }),
            },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: 1024 * 1024,
    // Routes validate with zod (shared/): Fastify's JSON-schema compilers (ajv,
    // fast-json-stringify) would be loaded for nothing, several MB of an idle server's memory.
    schemaController: {
      compilersFactory: { buildValidator: noJsonSchemas, buildSerializer: noJsonSchemas },
    },
  })
  registerSecurityHeaders(app)
  // Only JSON bodies are accepted: anything else is answered 415.
  app.removeContentTypeParser('text/plain')
  // JSON.parse keeps a "__proto__" key as a plain key (it pollutes nothing) and the routes'
  // zod schemas take known keys only; Fastify's own parser answered such a body "not valid
  // JSON", which it is. This one says what is refused.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    let json: unknown
    try {
      json = JSON.parse(body as string)
    } catch (err) {
      return done(err as Error, undefined)
    }
    if (hasProtoKey(json)) return done(new ProtoKeyError(), undefined)
    done(null, json)
  })
  const opened =
    options.store ??
    (await openStore({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      onQuarantine: (record) => app.log.error(record, 'unreadable stored record quarantined'),
    }).catch((err: Error) => {
      if (!options.databaseUrl) throw err
      throw new StartupError(`DATABASE_URL: PostgreSQL cannot be used (${err.message})`)
    }))
  const store = options.wrapStore ? options.wrapStore(opened) : opened
  // Several servers: the rooms' hooks relay through Redis and take turns at compaction
  // (loaded only then: a single process never imports the Redis client).
  const cluster = options.redisUrl
    ? await (
        await import('./cluster/cluster.ts')
      )
        .joinCluster(options.redisUrl, {
          log: app.log,
          store,
          prefix: options.redisPrefix,
        })
        .catch(async (err: Error) => {
          await store.close()
          throw new StartupError(`REDIS_URL: Redis cannot be reached (${err.message})`)
        })
    : undefined
  // the history follows the boards: PostgreSQL when they are there, else SQLite in DATA_DIR
  const history = await openHistory({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    log: app.log,
    ...options.history,
  }).catch(async (err: Error) => {
    await cluster?.close()
    await store.close()
    if (!options.databaseUrl) throw err
    throw new StartupError(`DATABASE_URL: PostgreSQL cannot be used (${err.message})`)
  })
  const registry = new RoomRegistry(
    store,
    limits,
    app.log,
    options.storage,
    combineHooks(cluster?.hooks, history.hooks),
  )

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const code = err.code ?? ''
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(errorBody('BODY_TOO_LARGE'))
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE'))
    if (err instanceof ProtoKeyError)
      return reply.code(400).send(errorBody('BAD_REQUEST', [err.message]))
    if (code.startsWith('FST_ERR_CTP_') || err instanceof SyntaxError)
      return reply.code(400).send(errorBody('BAD_JSON', [err.message]))
    if (err.statusCode && err.statusCode < 500)
      return reply.code(err.statusCode).send(errorBody('BAD_REQUEST', [err.message]))
    req.log.error({ err }, 'request failed')
    return reply.code(500).send(errorBody('INTERNAL'))
  })

  registerRoutes(app, {
    store,
    registry,
    history,
    publicUrl: options.publicUrl,
    maxImportBytes: options.maxImportBytes,
    boardsPerMinute: options.boardsPerMinute,
    boardRateLimit: cluster?.boardRateLimit,
    maxBoardBytes: limits.maxBoardBytes,
    http: options.httpLimits,
    lanHost: options.lanHost,
  })

  const staticDir = options.staticDir
  const hasClient = !!staticDir && existsSync(join(staticDir, 'index.html'))
  if (hasClient) {
    // loaded only to serve the client: a server of the API and sync alone never needs it
    const { default: fastifyStatic } = await import('@fastify/static')
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: ['index.html'],
      // the build's gzip and brotli copies (scripts/precompress.mjs), to browsers that take them
      preCompressed: true,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlOf(path)),
    })
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/sync/')
    if (hasClient && wantsPage) return reply.type('text/html').sendFile('index.html')
    return reply.code(404).send(errorBody('NOT_FOUND'))
  })

  const sync = attachSync(app.server, {
    store,
    registry,
    limits,
    log: app.log,
    allowedOrigins: [
      ...(options.allowedOrigins ?? []),
      ...(options.publicUrl ? [new URL(options.publicUrl).origin] : []),
    ],
  })

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' })
  const address = app.server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closed = false

  return {
    app,
    store,
    registry,
    history,
    cluster,
    port: address.port,
    url: `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`,
    async close() {
      if (closed) return
      closed = true
      sync.close()
      await registry.closeAll()
      await history.close()
      await closeHttp(app, options.closeGraceMs)
      await cluster?.close()
      await store.close()
    },
  }
}

/** A request body with a key named "__proto__", anywhere in it. */
class ProtoKeyError extends Error {
  constructor() {
    super('a key named "__proto__" is not accepted')
  }
}

/** Whether a parsed JSON value holds a "__proto__" key (small bodies: bodyLimit is 1 MiB). */
function hasProtoKey(value: unknown): boolean {
  const stack = [value]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object') continue
    if (!Array.isArray(v) && Object.hasOwn(v, '__proto__')) return true
    for (const item of Object.values(v)) stack.push(item)
  }
  return false
}
