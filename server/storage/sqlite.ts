import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startCheckpointer } from './checkpointer.ts'
import { QUARANTINE_SCHEMA, unreadableReason, type QuarantinedRecord } from './quarantine.ts'
import type { BoardRecord, BoardStore, LogStats, StoredDocument } from './types.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  viewer_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  data BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_board ON updates(board_id, seq);
`

/** How often the worker folds the WAL back into the database. */
const CHECKPOINT_INTERVAL_MS = 1_000
/** The worker ends (after a last checkpoint) when nothing was written for this long. */
const CHECKPOINT_IDLE_MS = 10_000

interface BoardRow {
  id: string
  title: string
  created_at: string
  facilitator_hash: Buffer
  participant_hash: Buffer
  viewer_hash: Buffer
}

/**
 * SQLite storage in WAL mode. `synchronous = NORMAL` makes every committed write survive the
 * process being killed (kill -9); only a power cut can lose the last transactions (those since
 * the last checkpoint). Commits do not fsync; checkpoints (which do) run on a worker thread.
 */
export function openSqliteStore(
  dataDir: string,
  options: { onQuarantine?: (record: QuarantinedRecord) => void } = {},
): BoardStore {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'trama.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  // Checkpoints (and their fsyncs) off the event loop; if the worker fails, SQLite's own
  // automatic checkpoints come back, so the WAL never grows without bound.
  db.pragma('wal_autocheckpoint = 0')
  const checkpointer = startCheckpointer(file, {
    intervalMs: CHECKPOINT_INTERVAL_MS,
    idleMs: CHECKPOINT_IDLE_MS,
    onError(message) {
      if (db.open) db.pragma('wal_autocheckpoint = 1000')
      console.error(`WAL checkpoint worker: ${message}; checkpoints back on the main thread`)
    },
  })
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  db.exec(QUARANTINE_SCHEMA)

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, created_at, facilitator_hash, participant_hash, viewer_hash) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const countBoards = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM boards')
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (board_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(board_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  )
  const selectSnapshot = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM snapshots WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
  )
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)')
  const statsUpdates = db.prepare<[string], { count: number; bytes: number | null }>(
    'SELECT COUNT(*) AS count, SUM(LENGTH(data)) AS bytes FROM updates WHERE board_id = ?',
  )
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?')
  const insertQuarantine = db.prepare(
    'INSERT INTO quarantine (board_id, kind, seq, data, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const deleteUpdate = db.prepare('DELETE FROM updates WHERE seq = ?')
  const deleteSnapshot = db.prepare('DELETE FROM snapshots WHERE board_id = ?')
  /** Moves unreadable records aside in one transaction, so the board loads from the rest. */
  const quarantineTx = db.transaction((records: (QuarantinedRecord & { data: Buffer })[]) => {
    const now = new Date().toISOString()
    for (const r of records) {
      insertQuarantine.run(r.boardId, r.kind, r.seq, r.data, r.reason, now)
      if (r.kind === 'update') deleteUpdate.run(r.seq)
      else deleteSnapshot.run(r.boardId)
    }
  })

  const createTx = db.transaction((board: BoardRecord, snapshot: Uint8Array) => {
    const { facilitator, participant, viewer } = board.keyHashes
    insertBoard.run(board.id, board.title, board.createdAt, facilitator, participant, viewer)
    upsertSnapshot.run(board.id, Buffer.from(snapshot), new Date().toISOString())
  })
  // One reusable transaction wrapper: better-sqlite3 compiles it once.
  const runTx = db.transaction((fn: () => unknown) => fn())
  const compactTx = db.transaction((id: string, snapshot: Uint8Array, uptoSeq: number) => {
    upsertSnapshot.run(id, Buffer.from(snapshot), new Date().toISOString())
    deleteUpdates.run(id, uptoSeq)
  })

  return {
    createBoard(board, snapshot) {
      checkpointer.touch()
      createTx(board, snapshot)
    },
    getBoard(id) {
      const row = selectBoard.get(id)
      if (!row) return undefined
      return {
        id: row.id,
        title: row.title,
        createdAt: row.created_at,
        keyHashes: {
          facilitator: row.facilitator_hash,
          participant: row.participant_hash,
          viewer: row.viewer_hash,
        },
      }
    },
    countBoards: () => countBoards.get()!.n,
    loadDocument(id, { verify = true } = {}): StoredDocument {
      let snapshot = selectSnapshot.get(id)
      let rows = selectUpdates.all(id)
      const lastSeq = rows.length ? rows[rows.length - 1]!.seq : 0
      const bad: (QuarantinedRecord & { data: Buffer })[] = []
      const check = (kind: 'update' | 'snapshot', seq: number | null, data: Buffer) => {
        if (!verify) return true
        const reason = unreadableReason(data)
        if (reason) bad.push({ boardId: id, kind, seq, data, reason, bytes: data.byteLength })
        return !reason
      }
      if (snapshot && !check('snapshot', null, snapshot.data)) snapshot = undefined
      rows = rows.filter((r) => check('update', r.seq, r.data))
      if (bad.length) {
        quarantineTx(bad)
        for (const { data: _data, ...record } of bad) options.onQuarantine?.(record)
      }
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq,
      }
    },
    appendUpdate(id, update) {
      checkpointer.touch()
      return Number(
        insertUpdate.run(id, Buffer.from(update.buffer, update.byteOffset, update.byteLength))
          .lastInsertRowid,
      )
    },
    transaction<T>(fn: () => T): T {
      checkpointer.touch()
      return runTx(fn) as T
    },
    logStats(id): LogStats {
      const row = statsUpdates.get(id)
      return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
    },
    compact(id, snapshot, uptoSeq) {
      checkpointer.touch()
      compactTx(id, snapshot, uptoSeq)
    },
    close: () => {
      const stopped = checkpointer.stop()
      db.close()
      // the checkpoint thread holds the file open until it exits
      return stopped
    },
  }
}
