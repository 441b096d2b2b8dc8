import * as Y from 'yjs'

/**
 * One unreadable stored record (a log row or a snapshot) must not make its whole board
 * unloadable: it is moved aside into the `quarantine` table, where an operator can inspect it,
 * and the board loads from the rest. Yjs tolerates the gap: later updates that depended on the
 * lost one wait as pending structs instead of failing.
 */
export const QUARANTINE_SCHEMA = `
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  seq INTEGER,
  data BLOB NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at TEXT NOT NULL
);
`

/** What was moved aside, for the log. */
export interface QuarantinedRecord {
  boardId: string
  kind: 'update' | 'snapshot'
  /** The log row's sequence number (null for a snapshot). */
  seq: number | null
  bytes: number
  reason: string
}

/** Why a stored update cannot be read, or null when it decodes. */
export function unreadableReason(data: Uint8Array): string | null {
  try {
    // decodeUpdate walks every struct and its content: truncation and garbage throw here.
    Y.decodeUpdate(data)
    return null
  } catch (err) {
    return (err as Error).message || 'undecodable'
  }
}
