/** Limits and timings of the sync server; every one can be set by the embedding code or tests. */
export interface SyncLimits {
  /** Largest WebSocket frame accepted (bytes); larger frames close the socket (1009). */
  maxFrameBytes: number
  /** Largest awareness (presence) update accepted from one client. */
  maxAwarenessBytes: number
  /** Sustained messages per second per connection… */
  messagesPerSecond: number
  /** …and the burst allowed above it. */
  messageBurst: number
  /** A connection whose unsent data exceeds this is closed as too slow. */
  maxBufferedBytes: number
  /** Ping interval; a connection that missed the previous pong is dropped. */
  pingIntervalMs: number
  /** How long a board with no connections stays loaded. */
  unloadDelayMs: number
  /** Compact the log past this many updates… */
  compactAfterUpdates: number
  /** …or past this many bytes. */
  compactAfterBytes: number
}

export const DEFAULT_LIMITS: SyncLimits = {
  // As large as the largest board an import accepts, so an offline client's big diff is never
  // refused (a refused frame would be resent after every reconnect, forever).
  maxFrameBytes: 32 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  messagesPerSecond: 200,
  messageBurst: 600,
  maxBufferedBytes: 64 * 1024 * 1024,
  pingIntervalMs: 25_000,
  unloadDelayMs: 15_000,
  compactAfterUpdates: 1_000,
  compactAfterBytes: 4 * 1024 * 1024,
}
