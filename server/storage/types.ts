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
  /** The log sequence number of each update, in the same order. */
  seqs: number[]
  /** Sequence number of the last update returned (0 when none). */
  lastSeq: number
  /** How many compactions wrote the snapshot (0 before the first). */
  generation: number
}

export interface LogStats {
  count: number
  bytes: number
}

/** One update to append to a board's log. */
export interface AppendRequest {
  boardId: string
  update: Uint8Array
}

/** A compaction: the document's state replaces the snapshot, the log rows it holds go. */
export interface CompactRequest {
  /** `encodeStateAsUpdate` of the document. */
  snapshot: Uint8Array
  /**
   * The log rows the document holds (those it loaded or applied since). Only these are deleted:
   * a row another server appended that this one has not applied yet stays in the log.
   */
  seqs: readonly number[]
  /** The snapshot generation the document was loaded from (or last compacted to). */
  generation: number
}

export interface CompactResult {
  /** The generation now stored (the room compacts against it next time). */
  generation: number
  /**
   * The stored snapshot that another server wrote since `generation`, or null. It was merged
   * into the new snapshot (nothing it held is lost); the caller applies it to its document.
   */
  replaced: Uint8Array | null
}

/**
 * Storage behind the sync server: an embedded SQLite file, PostgreSQL shared by several
 * servers, or memory (tests). Every method resolves once its writes are committed; the server
 * appends an update before it relays it. One contract suite
 * (tests/integration/storageContract.test.ts) runs against every implementation.
 */
export interface BoardStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres'
  /** Creates the board and its first snapshot in one transaction. */
  createBoard(board: BoardRecord, snapshot: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  countBoards(): Promise<number>
  /**
   * The board's snapshot and log. Each record is checked first (decoded; an unreadable one is
   * quarantined) unless `verify` is false: the server loads optimistically, since the check
   * costs about as much as applying, and loads verified only when applying fails.
   */
  loadDocument(id: string, options?: { verify?: boolean }): Promise<StoredDocument>
  /**
   * Appends updates (of any boards) in ONE transaction and answers their sequence numbers in
   * order; when it rejects, none of them is stored (group commit relies on it).
   */
  appendUpdates(items: readonly AppendRequest[]): Promise<number[]>
  logStats(id: string): Promise<LogStats>
  /** Replaces the snapshot and deletes the given log rows, in one transaction. */
  compact(id: string, request: CompactRequest): Promise<CompactResult>
  /** Resolves when every file and connection of the store is closed. */
  close(): Promise<void>
}
