import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'
import type { BoardStore } from '../storage/types.ts'
import type { RoomHooks } from '../sync/hooks.ts'
import type { Room } from '../sync/room.ts'
import { Leases } from './lease.ts'
import { decodeClusterMessage, encodeClusterMessage, type ClusterMessage } from './messages.ts'

/** This server's link to the others that share its boards (REDIS_URL). */
export interface Cluster {
  /** Random per process: a restarted server is a new member. */
  readonly instanceId: string
  /** The room hooks that relay updates and presence and take the compaction lease. */
  readonly hooks: RoomHooks
  readonly leases: Leases
  /** The board-creation limit, one counter per address across every server. */
  boardRateLimit(key: string, perMinute: number): Promise<boolean>
  close(): Promise<void>
}

export interface ClusterOptions {
  log: FastifyBaseLogger
  /** The shared store: after Redis was unreachable, rooms catch up from it. */
  store: BoardStore
  /** Key and channel prefix (tests isolate themselves with their own). */
  prefix?: string
  /** Lifetime of a compaction lease that is not extended (its holder died). */
  leaseMs?: number
}

/**
 * Joins the servers sharing a Redis: each loaded board subscribes to its channel; every update
 * this server stored is published there after its commit (so what another server relays is
 * stored too), with its log row; presence goes the same way. A board's compaction lease and
 * the board-creation limit live in Redis as well. Redis holds nothing that cannot be lost: the
 * shared store (PostgreSQL) has every update.
 */
export async function joinCluster(url: string, options: ClusterOptions): Promise<Cluster> {
  const { log, store } = options
  const prefix = options.prefix ?? 'trama'
  const instanceId = randomBytes(8).toString('hex')
  // loaded here, not at the top: the compiled server bundles this module, and a single process
  // without REDIS_URL should not carry the Redis client in memory
  const { Redis } = await import('ioredis')
  const connect = async (name: string) => {
    const redis = new Redis(url, { lazyConnect: true, connectionName: `trama-${name}` })
    redis.on('error', (err: Error) => log.warn({ err: err.message }, `redis (${name}) error`))
    await redis.connect()
    return redis
  }
  const pub = await connect('pub')
  const sub = await connect('sub').catch(async (err: unknown) => {
    pub.disconnect()
    throw err
  })
  const rooms = new Map<string, Room>()
  const channel = (boardId: string) => `${prefix}:board:${boardId}`
  const boardOf = (name: string) => name.slice(prefix.length + ':board:'.length)
  const leases = new Leases(pub, instanceId, prefix, options.leaseMs ?? 10_000, (boardId) =>
    log.info({ board: boardId }, 'compaction lease lost to another server'),
  )
  // While Redis is unreachable ioredis queues commands until it is back (or gives up after its
  // retries, tens of seconds later): nothing a client waits for may wait on Redis then.
  const up = (redis: Redis) => redis.status === 'ready'

  const publish = (boardId: string, message: ClusterMessage) => {
    pub.publish(channel(boardId), encodeClusterMessage(message)).catch((err: Error) => {
      log.warn({ board: boardId, err: err.message }, 'could not tell the other servers')
    })
  }

  sub.on('messageBuffer', (name: Buffer, data: Buffer) => {
    const boardId = boardOf(name.toString())
    const room = rooms.get(boardId)
    if (!room) return
    try {
      const message = decodeClusterMessage(data)
      if (message.from === instanceId) return
      if (message.kind === 'update') room.remote.update(message.update, message.seq)
      else if (message.kind === 'presence') room.remote.presence(message.update)
      else {
        const presence = room.remote.localPresence()
        if (presence) publish(boardId, { kind: 'presence', from: instanceId, update: presence })
      }
    } catch (err) {
      log.warn({ board: boardId, err: (err as Error).message }, 'unreadable message from Redis')
    }
  })

  // Messages sent while this server was cut off from Redis are lost: read what the others
  // stored meanwhile from the shared store. As at load, the channels are subscribed (confirmed
  // by Redis) before the store is read, so nothing stored after the read was published before
  // the subscription: ioredis sends its own SUBSCRIBE on reconnecting but does not wait for it.
  let wasCutOff = false
  const catchUp = async () => {
    const held = [...rooms]
    if (!held.length) return
    await sub.subscribe(...held.map(([boardId]) => channel(boardId)))
    for (const [boardId, room] of held)
      store
        .loadDocument(boardId, { verify: false })
        .then((stored) => room.remote.catchUp(stored))
        .catch((err: Error) => log.warn({ board: boardId, err: err.message }, 'catch-up failed'))
  }
  sub.on('close', () => (wasCutOff = true))
  sub.on('ready', () => {
    if (!wasCutOff) return
    wasCutOff = false
    // cut off again before the subscription was confirmed: the next 'ready' tries again
    catchUp().catch((err: Error) => log.warn({ err: err.message }, 'catch-up failed'))
  })

  const hooks: RoomHooks = {
    async beforeLoad(room) {
      rooms.set(room.id, room)
      // cut off: the board loads from the store; the catch-up once Redis is back subscribes it
      // and reads the store again
      if (up(sub)) await sub.subscribe(channel(room.id))
      publish(room.id, { kind: 'presence-query', from: instanceId })
    },
    onBroadcast(room, update, seq) {
      publish(room.id, { kind: 'update', from: instanceId, seq, update })
    },
    onPresence(room, update) {
      publish(room.id, { kind: 'presence', from: instanceId, update })
    },
    mayCompact(room) {
      // no lease can be had: compaction waits for Redis
      if (!up(pub)) return false
      return leases.acquire(room.id).catch((err: Error) => {
        log.warn({ board: room.id, err: err.message }, 'compaction lease unavailable')
        return false
      })
    },
    async onUnload(room) {
      if (rooms.get(room.id) !== room) return
      rooms.delete(room.id)
      const done = Promise.allSettled([sub.unsubscribe(channel(room.id)), leases.release(room.id)])
      // cut off: the board unloads now (a reload waits for it); Redis hears of it when back
      if (up(sub) && up(pub)) await done
    },
  }

  const windows = new Map<string, { start: number; count: number }>()
  return {
    instanceId,
    hooks,
    leases,
    async boardRateLimit(key, perMinute) {
      const minute = Math.floor(Date.now() / 60_000)
      const counter = `${prefix}:boards:${key}:${minute}`
      try {
        if (!up(pub)) throw new Error('Redis unreachable')
        const [[, count]] = (await pub.multi().incr(counter).pexpire(counter, 61_000).exec()) as [
          [Error | null, number],
        ]
        return count <= perMinute
      } catch {
        // Redis unreachable: this server's own counter stands in.
        const w = windows.get(key)
        if (!w || w.start !== minute) windows.set(key, { start: minute, count: 1 })
        else w.count += 1
        return (windows.get(key)?.count ?? 0) <= perMinute
      }
    },
    async close() {
      if (!up(pub) || !up(sub)) {
        // cut off: nothing to wait for (the leases expire by themselves)
        const released = leases.close()
        pub.disconnect()
        sub.disconnect()
        await released
        return
      }
      await leases.close()
      await Promise.allSettled([sub.quit(), pub.quit()])
    },
  }
}
