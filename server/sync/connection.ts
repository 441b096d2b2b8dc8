import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { FastifyBaseLogger } from 'fastify'
import type { Role } from '../../shared/protocol.ts'
import { CLOSE } from '../../shared/protocol.ts'
import { RefusedUpdate } from '../../shared/schema/updateGuard.ts'
import type { SyncLimits } from './config.ts'

/** A close code and reason: one of CLOSE, or a refusal's (shared/schema/control.ts). */
type CloseReason = { readonly code: number; readonly reason: string }

/** One client on one board: its socket, role, rate budget and the awareness ids it controls. */
export class Connection {
  readonly awarenessIds = new Set<number>()
  alive = true
  closed = false
  private tokens: number
  private lastRefill = Date.now()

  constructor(
    readonly ws: WebSocket,
    readonly role: Role,
    private readonly limits: SyncLimits,
  ) {
    this.tokens = limits.messageBurst
  }

  get canWrite(): boolean {
    return this.role !== 'viewer'
  }

  /** Token bucket: false when this message exceeds the connection's rate. */
  takeToken(now = Date.now()): boolean {
    const elapsed = (now - this.lastRefill) / 1000
    this.lastRefill = now
    this.tokens = Math.min(
      this.limits.messageBurst,
      this.tokens + elapsed * this.limits.messagesPerSecond,
    )
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Sends a frame; closes the connection instead when the client cannot keep up. */
  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE.SLOW_CONSUMER)
      return
    }
    // Frames sent in one piece of work (a batch of stored updates, their presence) leave in
    // one write: the socket is corked from the first until the work ends.
    if (!this.corked) {
      const socket = (this.ws as unknown as { _socket?: Duplex | null })._socket
      if (socket) {
        socket.cork()
        this.corked = socket
        queueMicrotask(this.uncork)
      }
    }
    this.ws.send(frame, this.onSent)
  }

  private corked: Duplex | null = null

  private readonly uncork = (): void => {
    const socket = this.corked
    this.corked = null
    socket?.uncork()
  }

  private readonly onSent = (err?: Error | null): void => {
    if (err) this.close(CLOSE.GOING_AWAY)
  }

  /** Closes with a named code; a socket that does not finish the handshake is cut after 5 s. */
  close(reason: CloseReason): void {
    if (this.closed) return
    this.closed = true
    try {
      this.ws.close(reason.code, reason.reason)
    } catch {
      this.ws.terminate()
      return
    }
    setTimeout(() => this.ws.terminate(), 5_000).unref()
  }
}

/**
 * Closes a connection whose message could not go in. A refusal says why (the page tells the
 * person): one the facilitator's pause or lock caused is the room working as meant, logged as
 * information (a page with changes refused tries again every 15 s while the lock lasts); a
 * refusal of what only the facilitator may change, and anything unreadable, are warnings.
 */
export function closeOnBadMessage(
  conn: Connection,
  err: unknown,
  log: FastifyBaseLogger,
  board: string,
): void {
  if (err instanceof RefusedUpdate) {
    const { kind, reason } = err.refusal
    const expected = kind === 'frozen' || kind === 'locked'
    log[expected ? 'info' : 'warn']({ board, kind, reason }, 'update refused: connection closed')
    conn.close(err.close)
    return
  }
  log.warn({ board, err: (err as Error).message }, 'malformed message: connection closed')
  conn.close(CLOSE.MALFORMED)
}
