import { afterAll, afterEach, beforeAll } from 'vitest'
import * as Y from 'yjs'
import type { TramaServerOptions } from '../../server/app.ts'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { connectSynced, type Client } from './clients.ts'
import { startPostgres, startRedis, type RealPostgres, type RealRedis } from './realServers.ts'
import { startServer } from './server.ts'

/**
 * Several Trama instances sharing one real Redis and one real PostgreSQL, as a deployment
 * runs them. Redis and PostgreSQL start once per test file; every test gets a database of its
 * own, and everything it started is closed after it.
 */
export function clusterSuite() {
  let redis: RealRedis
  let postgres: RealPostgres
  beforeAll(async () => {
    ;[redis, postgres] = await Promise.all([startRedis(), startPostgres()])
  }, 60_000)
  afterAll(async () => {
    await Promise.allSettled([redis?.stop(), postgres?.stop()])
  }, 30_000)
  const cleanup: (() => unknown)[] = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  const later = (fn: () => unknown) => void cleanup.push(fn)
  return {
    later,
    get redisUrl() {
      return redis.url
    },
    /** The shared redis-server itself (an outage test stops and restarts it). */
    get redis() {
      return redis
    },
    /** A database of its own for this test. */
    database: () => postgres.freshDatabase(),
    /** An instance in this process on the shared Redis and the given database. */
    async instance(databaseUrl: string, options: Partial<TramaServerOptions> = {}) {
      const s = await startServer({ databaseUrl, redisUrl: redis.url, ...options })
      later(() => s.close())
      return s
    },
    async client(url: string, id: string, key: string): Promise<Client> {
      const c = await connectSynced(url, id, key)
      later(() => c.destroy())
      return c
    },
  }
}

export const cards = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes

export function addCard(doc: Y.Doc, id: string, label = id): void {
  doc.transact(() =>
    putCard(doc, 'problems', id, { kind: 'problem', label, x: 0, y: 0, role: 'cause' }),
  )
}

/** The card ids of a document, sorted. */
export const cardIds = (doc: Y.Doc) => [...cards(doc).keys()].sort()
