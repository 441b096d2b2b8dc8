import type { Role } from '../../shared/protocol.ts'

/** Why a version was taken. */
export type VersionReason =
  'named' | 'initial' | 'phase' | 'activity' | 'unload' | 'bulk' | 'before-restore' | 'restore'

/** Who made something happen: the connection's role and the name its presence declared. */
export interface Author {
  role: Role | null
  name: string | null
}

/** A version as the API lists it (its state apart). */
export interface VersionInfo {
  id: number
  boardId: string
  /** Milliseconds since the epoch. */
  at: number
  reason: VersionReason
  /** Given by the facilitator; named versions are never thinned. */
  name: string | null
  /** Who saved it (the facilitator of a named version, the writer of a change that caused it). */
  role: Role | null
  author: string | null
  /** Records per collection at that moment (only collections that hold some). */
  counts: Record<string, number>
  bytes: number
}

export interface NewVersion {
  boardId: string
  role: Role | null
  author: string | null
  at: number
  reason: VersionReason
  name: string | null
  counts: Record<string, number>
  /** `Y.encodeStateAsUpdate` of the document. */
  state: Uint8Array
}

/** A record touched by a change, with its label at that moment (for people to read). */
export interface TouchedRecord {
  id: string
  label: string
}

/** What one change did to one collection. */
export interface CollectionChange {
  created: TouchedRecord[]
  edited: TouchedRecord[]
  deleted: TouchedRecord[]
  /** How many more records than are named (a bulk change names the first few). */
  more?: Partial<Record<'created' | 'edited' | 'deleted', number>>
}

export interface ActivityEntry extends Author {
  id: number
  boardId: string
  /** When the change (or the first of the changes folded into this entry) was accepted. */
  at: number
  /** When the last change folded into it was accepted. */
  until: number
  /** Per collection (registry name). */
  changes: Record<string, CollectionChange>
  /** Set when the entry is a restore's (its records came back, or went, with it). */
  restore: RestoreKind | null
}

/** An entry of a restore says what came back: a version, or records from the bin. */
export type RestoreKind = 'version' | 'bin'

export type NewActivity = Omit<ActivityEntry, 'id' | 'restore'> & { restore?: RestoreKind | null }

/** A record deleted from the board, with its last content. */
export interface BinEntry extends Author {
  id: number
  boardId: string
  at: number
  collection: string
  recordId: string
  /** The record's fields (normalised) just before it was deleted. */
  fields: Record<string, unknown>
  /** The deletions of one change share a batch: a card and the links it took along. */
  batch: string
  restoredAt: number | null
}

export type NewBinEntry = Omit<BinEntry, 'id' | 'restoredAt'>

export interface HistoryUsage {
  versions: number
  bytes: number
}

/**
 * Where a board's history lives: versions (full states), the activity record and the bin. Kept
 * apart from the board store (server/storage) so that each can change backend on its own: an
 * embedded SQLite file for one process, PostgreSQL shared by several (DATABASE_URL). Every method
 * resolves once its writes are committed.
 */
export interface HistoryStore {
  saveVersion(version: NewVersion): Promise<VersionInfo>
  /**
   * Saves an automatic version unless the board already has one taken after `after` (ms since
   * the epoch) — by another server sharing the history. Checked and saved atomically, so two
   * servers never both save one. Resolves the version saved, or the newest one found.
   */
  saveVersionUnlessNewer(
    version: NewVersion,
    after: number,
  ): Promise<{ saved: boolean; version: VersionInfo }>
  /** Newest first. */
  listVersions(boardId: string): Promise<VersionInfo[]>
  getVersion(boardId: string, id: number): Promise<VersionInfo | undefined>
  versionState(boardId: string, id: number): Promise<Uint8Array | undefined>
  deleteVersions(boardId: string, ids: readonly number[]): Promise<void>
  usage(boardId: string): Promise<HistoryUsage>

  appendActivity(entry: NewActivity): Promise<number>
  /** Replaces an entry's `until` and changes (a run of one writer's changes folded together). */
  updateActivity(id: number, entry: Pick<ActivityEntry, 'until' | 'changes'>): Promise<void>
  /**
   * Commits the activity writes that wait for their batch (SQLite gathers them for a second) now,
   * so their promises resolve: a board unloading, a feed about to be read, the server closing.
   */
  commitActivity(): void
  /** Newest first, at most `limit`. */
  listActivity(boardId: string, limit: number): Promise<ActivityEntry[]>
  /** Keeps the newest `keep` entries of a board. */
  trimActivity(boardId: string, keep: number): Promise<void>

  addToBin(entries: readonly NewBinEntry[]): Promise<void>
  /** Newest first, at most `limit`; restored entries too. */
  listBin(boardId: string, limit: number): Promise<BinEntry[]>
  getBinEntry(boardId: string, id: number): Promise<BinEntry | undefined>
  /** Entries of one batch (a card's links deleted with it). */
  binBatch(boardId: string, batch: string): Promise<BinEntry[]>
  markRestored(boardId: string, ids: readonly number[], at: number): Promise<void>
  trimBin(boardId: string, keep: number): Promise<void>

  close(): Promise<void>
}
