/** What the server keeps of a board besides its document. */
export interface BoardRecord {
  id: string
  title: string
  createdAt: string
  keyHashes: { facilitator: Buffer; participant: Buffer; viewer: Buffer }
}

export interface StoredDocument {
  /** The compacted state, or null before the first compaction. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update returned (0 when none). */
  lastSeq: number
}

export interface LogStats {
  count: number
  bytes: number
}

/**
 * Storage behind the sync server. Every method is synchronous and committed when it returns
 * (outside `transaction`): the server appends an update before it relays it.
 */
export interface BoardStore {
  createBoard(board: BoardRecord, snapshot: Uint8Array): void
  getBoard(id: string): BoardRecord | undefined
  countBoards(): number
  /**
   * The board's snapshot and log. Each record is checked first (decoded; an unreadable one is
   * quarantined) unless `verify` is false: the server loads optimistically, since the check
   * costs about as much as applying, and loads verified only when applying fails.
   */
  loadDocument(id: string, options?: { verify?: boolean }): StoredDocument
  /** Appends one update to the board's log; returns its sequence number. */
  appendUpdate(id: string, update: Uint8Array): number
  /**
   * Runs `fn` in one transaction: everything it writes commits together, or nothing does when
   * it throws (group commit appends a whole turn's updates this way).
   */
  transaction<T>(fn: () => T): T
  logStats(id: string): LogStats
  /** Replaces the snapshot and deletes the log rows up to `uptoSeq`, in one transaction. */
  compact(id: string, snapshot: Uint8Array, uptoSeq: number): void
  /** Resolves when every file of the store is closed (a data folder can then be removed). */
  close(): void | Promise<void>
}
