import type { Database } from 'better-sqlite3'

/**
 * Appends a row to a stopped server's SQLite log as the server would (the next sequence number
 * after the highest), bytes as given: how tests put damaged or old content in the log.
 */
export function appendRawLogRow(db: Database, boardId: string, bytes: Uint8Array): void {
  db.prepare(
    'INSERT INTO updates (board_id, seq, data) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM updates), ?)',
  ).run(boardId, Buffer.from(bytes))
}
