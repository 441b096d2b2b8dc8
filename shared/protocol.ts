/** What the sync endpoint speaks: the standard y-websocket protocol, at `/sync/<boardId>`. */
export const SYNC_PATH = '/sync'

/** y-websocket message types (first varUint of every frame). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/**
 * WebSocket close codes the server uses when it ends a connection, with their reasons. The stock
 * y-websocket client treats 4400–4499 as final (it never reconnects), so only errors a reconnect
 * cannot cure use that range; transient ones (rate, back-pressure) use 40xx and the client
 * reconnects and resyncs without losing anything.
 */
export const CLOSE = {
  /** A frame that is not a valid y-websocket message. */
  MALFORMED: { code: 4400, reason: 'malformed message' },
  /** Frames arriving faster than the per-connection rate allows. */
  RATE_LIMITED: { code: 4029, reason: 'too many messages' },
  /** The client does not read what the server sends fast enough. */
  SLOW_CONSUMER: { code: 4008, reason: 'client too slow' },
  /** An update that would take the board past its size limit (final: resending cannot help). */
  BOARD_TOO_LARGE: { code: 4413, reason: 'board too large' },
  /** The board was made by a newer version of Trama than the server runs. */
  NEWER_SCHEMA: { code: 4426, reason: 'board schema newer than server' },
  /** The server could not store the board: reconnect to a board reloaded from storage. */
  STORAGE_FAILED: { code: 1011, reason: 'storage failure' },
  /** The server is shutting down. */
  GOING_AWAY: { code: 1001, reason: 'server shutting down' },
} as const

/** Roles a key can grant; the viewer is read-only. */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Board ids: url-safe, short enough for a QR code. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
