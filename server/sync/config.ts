/**
 * Limits and timings of the server; every one can be set by the embedding code or tests. The
 * README's limits table states the same values, and a test compares the two.
 */
export interface SyncLimits {
  /** Largest WebSocket frame accepted (bytes); larger frames close the socket (1009). */
  maxFrameBytes: number
  /** Largest board, as the size of its whole document state (bytes). */
  maxBoardBytes: number
  /** Largest awareness (presence) update accepted from one client. */
  maxAwarenessBytes: number
  /**
   * Presence bytes one board may fan out per second (a frame counts once per recipient), shared
   * evenly between its connections; beyond a connection's share its presence is coalesced.
   */
  presenceBytesPerSecond: number
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

const KiB = 1024
const MiB = 1024 * KiB

export const DEFAULT_LIMITS: SyncLimits = {
  // A frame never needs to be larger than a whole board: a client's sync step 2 of a full board
  // fits, and anything larger would be refused by the board limit anyway.
  maxFrameBytes: 16 * MiB,
  // A stock client opens a 16 MiB board in seconds; far beyond what a workshop writes (a
  // 2,000-card tree is under 2 MiB).
  maxBoardBytes: 16 * MiB,
  maxAwarenessBytes: 64 * KiB,
  // 30 people moving cursors at 15 Hz with ~300-byte states fan out ~4 MiB/s.
  presenceBytesPerSecond: 8 * MiB,
  messagesPerSecond: 200,
  messageBurst: 600,
  // Room for a whole board (the sync answer to a new client) plus the live traffic behind it.
  maxBufferedBytes: 32 * MiB,
  pingIntervalMs: 25_000,
  unloadDelayMs: 15_000,
  compactAfterUpdates: 1_000,
  compactAfterBytes: 4 * MiB,
}

/** Limits of the HTTP API. */
export interface HttpLimits {
  /** Body of `POST /api/boards/import` (an export is bulkier than the board it describes). */
  maxImportBytes: number
  /** How deeply arrays and objects may nest in an import (no export nests past ~8). */
  maxImportDepth: number
  /** Values (arrays, objects, items) in an import: parse time and memory grow with them. */
  maxImportValues: number
  /** Body of `POST /api/boards`. */
  maxNewBoardBytes: number
  /** New boards and imports per client address per minute. */
  boardsPerMinute: number
  /** Imports read and parsed at the same time (each may use a worker of `importWorkerMiB`). */
  importsAtOnce: number
  /** Heap of the worker thread that parses one large import. */
  importWorkerMiB: number
  /** Longest an import may take to parse and build. */
  importTimeoutMs: number
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxImportBytes: 32 * MiB,
  maxImportDepth: 32,
  // A 2,000-card board exports some 40,000 values: this is fifty times that.
  maxImportValues: 2_000_000,
  maxNewBoardBytes: 16 * KiB,
  boardsPerMinute: 60,
  importsAtOnce: 2,
  importWorkerMiB: 512,
  importTimeoutMs: 30_000,
}
