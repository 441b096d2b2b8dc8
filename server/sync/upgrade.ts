import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { FastifyBaseLogger } from 'fastify'
import {
  BOARD_ID_PATTERN,
  CLOSE,
  MESSAGE_QUERY_AWARENESS,
  SYNC_PATH,
  type Role,
} from '../../shared/protocol.ts'
import { errorBody, type ErrorCode } from '../../shared/errors.ts'
import { checkAccess } from '../auth/keys.ts'
import { originAllowed } from '../http/origins.ts'
import { SECURITY_HEADERS } from '../http/securityHeaders.ts'
import type { BoardStore } from '../storage/types.ts'
import { boardSizeGuard } from './boardSize.ts'
import type { SyncLimits } from './config.ts'
import { Connection, closeOnBadMessage } from './connection.ts'
import type { RoomRegistry } from './rooms.ts'

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
}

/** Answers a refused upgrade with a plain HTTP response (never a 101) and drops the socket. */
function refuse(socket: Duplex, status: 401 | 403 | 404, code: ErrorCode): void {
  const body = JSON.stringify(errorBody(code))
  const headers = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json\r\n${headers}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
  // end() flushes the answer and closes; a peer that never reads is cut shortly after.
  setTimeout(() => socket.destroy(), 1_000).unref()
}

/**
 * A frame as its own buffer: ws may hand out views into a larger pooled buffer, and a length
 * prefix that overshoots the frame must fail rather than read the neighbouring bytes.
 */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data)
}

export interface SyncEndpoint {
  /** Connections open right now, across boards. */
  readonly connectionCount: number
  close(): void
}

/**
 * The `/sync/<boardId>?key=` endpoint: authenticates on the HTTP upgrade, then runs the
 * y-websocket protocol for the board's room, with frame-size, rate and back-pressure limits.
 */
export function attachSync(
  server: Server,
  deps: {
    store: BoardStore
    registry: RoomRegistry
    limits: SyncLimits
    log: FastifyBaseLogger
    /** Browser origins allowed besides the server's own host (ALLOWED_ORIGINS, PUBLIC_URL). */
    allowedOrigins?: readonly string[]
  },
): SyncEndpoint {
  const { store, registry, limits, log } = deps
  const originPolicy = { allowed: deps.allowedOrigins ?? [] }
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes })
  const connections = new Set<Connection>()

  const serve = (
    ws: WebSocket,
    boardId: string,
    role: Role,
    room: Awaited<ReturnType<RoomRegistry['acquire']>>,
  ) => {
    const conn = new Connection(ws, role, limits)
    connections.add(conn)
    let lastPresenceQuery = -Infinity
    ws.on('message', (data, isBinary) => {
      if (conn.closed) return
      if (!conn.takeToken()) {
        log.warn({ board: boardId }, 'connection over its message rate: closed')
        conn.close(CLOSE.RATE_LIMITED)
        return
      }
      try {
        if (!isBinary) throw new Error('text frame')
        const bytes = toBytes(data)
        // Every query is answered with everyone's presence: one per second is all a client
        // needs, and a flood of them would make the server send megabytes per message.
        if (bytes.length === 1 && bytes[0] === MESSAGE_QUERY_AWARENESS) {
          const now = performance.now()
          if (now - lastPresenceQuery < 1_000) return
          lastPresenceQuery = now
        }
        // a viewer's updates are dropped anyway: they cannot grow the board
        if (conn.canWrite && !boardSizeGuard(room, limits.maxBoardBytes).admit(bytes)) {
          log.warn({ board: boardId }, 'update would make the board too large: connection closed')
          conn.close(CLOSE.BOARD_TOO_LARGE)
          return
        }
        room.receive(conn, bytes)
      } catch (err) {
        closeOnBadMessage(conn, err, log, boardId)
      }
    })
    ws.on('pong', () => {
      conn.alive = true
    })
    ws.on('error', (err) => {
      log.warn({ board: boardId, err: err.message }, 'socket error')
    })
    ws.on('close', () => {
      conn.closed = true
      connections.delete(conn)
      room.leave(conn)
    })
    room.join(conn)
  }

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    // Before anything else: a page of another site learns nothing, not even whether a board exists.
    if (!originAllowed(req.headers.origin, req.headers.host, originPolicy)) {
      log.warn({ origin: req.headers.origin }, 'upgrade from a foreign origin refused')
      return refuse(socket, 403, 'ORIGIN_NOT_ALLOWED')
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    const prefix = `${SYNC_PATH}/`
    // Board ids are plain url-safe characters: no decoding needed, and nothing to throw on.
    const boardId = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : ''
    if (!BOARD_ID_PATTERN.test(boardId)) return refuse(socket, 404, 'BOARD_NOT_FOUND')
    const access = checkAccess(await store.getBoard(boardId), url.searchParams.get('key'))
    if (!access.ok) return refuse(socket, access.status, access.code)
    let room = await registry.acquire(boardId)
    while (room.destroyed) room = await registry.acquire(boardId)
    // Armed now, cancelled by join(): a handshake that never completes leaves no room loaded.
    room.idle.schedule()
    if (socket.destroyed) return
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, boardId, access.role, room))
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(req, socket, head).catch((err: Error) => {
      log.error({ err: err.message }, 'upgrade failed')
      socket.destroy()
    })
  })

  const ping = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        conn.ws.terminate()
        continue
      }
      conn.alive = false
      conn.ws.ping()
    }
  }, limits.pingIntervalMs)
  ping.unref()

  return {
    get connectionCount() {
      return connections.size
    },
    close() {
      clearInterval(ping)
      for (const conn of connections) conn.close(CLOSE.GOING_AWAY)
      wss.close()
    },
  }
}
