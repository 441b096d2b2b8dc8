import type { Role } from '../../shared/protocol.ts'
import { storableText } from './migrations.ts'
import type {
  ActivityEntry,
  BinEntry,
  CollectionChange,
  NewActivity,
  VersionInfo,
  VersionReason,
} from './types.ts'

/**
 * The history's rows as both stores read them. SQLite answers numbers; PostgreSQL answers BIGINT
 * and SUM as strings (they may pass 2^53). Ids, times and sizes stay far below it, so both are
 * read as numbers.
 */
type Int = number | string

export interface VersionRow {
  id: Int
  board_id: string
  at: Int
  reason: string
  name: string | null
  role: string | null
  author: string | null
  counts: string
  bytes: number
}

export interface ActivityRow {
  id: Int
  board_id: string
  at: Int
  until: Int
  role: string | null
  author: string | null
  changes: string
  /** Since history migration 2 (null in older rows). */
  restore?: string | null
}

export interface BinRow {
  id: Int
  board_id: string
  at: Int
  role: string | null
  author: string | null
  collection: string
  record_id: string
  fields: string
  batch: string
  restored_at: Int | null
}

/** The columns of a version as the API lists it; `length` is the dialect's byte length. */
export const versionColumns = (length: 'LENGTH' | 'octet_length') =>
  `id, board_id, at, reason, name, role, author, counts, ${length}(state) AS bytes`

export function toVersion(row: VersionRow): VersionInfo {
  return {
    id: Number(row.id),
    boardId: row.board_id,
    at: Number(row.at),
    reason: row.reason as VersionReason,
    name: row.name,
    role: row.role as Role | null,
    author: row.author,
    counts: JSON.parse(row.counts) as Record<string, number>,
    bytes: Number(row.bytes),
  }
}

/**
 * A new activity entry as both stores insert it, in the columns' order: board_id, at, until,
 * role, author, changes, restore.
 */
export function activityValues(e: NewActivity) {
  return [
    e.boardId,
    e.at,
    e.until,
    e.role,
    storableText(e.name),
    JSON.stringify(e.changes),
    e.restore ?? null,
  ] as const
}

export function toActivity(row: ActivityRow): ActivityEntry {
  return {
    id: Number(row.id),
    boardId: row.board_id,
    at: Number(row.at),
    until: Number(row.until),
    role: row.role as Role | null,
    name: row.author,
    changes: JSON.parse(row.changes) as Record<string, CollectionChange>,
    restore: row.restore === 'version' || row.restore === 'bin' ? row.restore : null,
  }
}

export function toBin(row: BinRow): BinEntry {
  return {
    id: Number(row.id),
    boardId: row.board_id,
    at: Number(row.at),
    role: row.role as Role | null,
    name: row.author,
    collection: row.collection,
    recordId: row.record_id,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    batch: row.batch,
    restoredAt: row.restored_at === null ? null : Number(row.restored_at),
  }
}
