import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startCheckpointer } from './checkpointer.ts'
import { MIGRATIONS_TABLE, pendingMigrations } from './migrations.ts'
import { snapshotToWrite, sortReadable, type QuarantinedRecord } from './quarantine.ts'
import type {
  AppendRequest,
  BoardRecord,
  BoardStore,
  CompactRequest,
  CompactResult,
  StoredDocument,
} from './types.ts'

/** How often the worker folds the WAL back into the database. */
const CHECKPOINT_INTERVAL_MS = 1_000
/** The worker ends (after a last checkpoint) when nothing was written for this long. */
const CHECKPOINT_IDLE_MS = 10_000
/**
 * WAL frames (4 KB pages) past which the worker restarts the WAL (checkpointer.ts): 32 MB. A
 * two-row commit appends 4–5 frames; under steady load the WAL reaches this in seconds.
 */
const WAL_RESTART_FRAMES = 8_192

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
  options: {
    onQuarantine?: (record: QuarantinedRecord) => void
    /** Tests pass small ones. */
    walRestartFrames?: number
    checkpointIntervalMs?: number
  } = {},
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
    intervalMs: options.checkpointIntervalMs ?? CHECKPOINT_INTERVAL_MS,
    idleMs: CHECKPOINT_IDLE_MS,
    restartFrames: options.walRestartFrames ?? WAL_RESTART_FRAMES,
    onError(message) {
      if (db.open) db.pragma('wal_autocheckpoint = 1000')
      console.error(`WAL checkpoint worker: ${message}; checkpoints back on the main thread`)
    },
  })
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, created_at, facilitator_hash, participant_hash, viewer_hash) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const countBoards = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM boards')
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (board_id, data, updated_at, generation) VALUES (?, ?, ?, ?) ON CONFLICT(board_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, generation = excluded.generation',
  )
  const selectSnapshot = db.prepare<[string], { data: Buffer; generation: number }>(
    'SELECT data, generation FROM snapshots WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
  )
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)')
  // The log's sequence numbers, given here (the table is keyed by board: migration 4): past the
  // highest row, and past the highest ever given when rows were deleted.
  let lastSeq = db
    .prepare<[], { seq: number }>(
      "SELECT MAX(COALESCE((SELECT MAX(seq) FROM updates), 0), COALESCE((SELECT value FROM storage_meta WHERE key = 'last_seq'), 0)) AS seq",
    )
    .get()!.seq
  const keepLastSeq = db.prepare(
    "INSERT INTO storage_meta (key, value) VALUES ('last_seq', ?) ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)",
  )
  const statsUpdates = db.prepare<[string], { count: number; bytes: number | null }>(
    'SELECT COUNT(*) AS count, SUM(LENGTH(data)) AS bytes FROM updates WHERE board_id = ?',
  )
  const deleteBoardUpdate = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq = ?')
  const insertQuarantine = db.prepare(
    'INSERT INTO quarantine (board_id, kind, seq, data, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const deleteSnapshot = db.prepare('DELETE FROM snapshots WHERE board_id = ?')
  /** Moves unreadable records aside in one transaction, so the board loads from the rest. */
  const quarantineTx = db.transaction((records: (QuarantinedRecord & { data: Uint8Array })[]) => {
    const now = new Date().toISOString()
    for (const r of records) {
      insertQuarantine.run(r.boardId, r.kind, r.seq, Buffer.from(r.data), r.reason, now)
      if (r.kind === 'update') deleteBoardUpdate.run(r.boardId, r.seq)
      else deleteSnapshot.run(r.boardId)
    }
    keepLastSeq.run(lastSeq)
  })

  const createTx = db.transaction((board: BoardRecord, snapshot: Uint8Array) => {
    const { facilitator, participant, viewer } = board.keyHashes
    insertBoard.run(board.id, board.title, board.createdAt, facilitator, participant, viewer)
    upsertSnapshot.run(board.id, Buffer.from(snapshot), new Date().toISOString(), 0)
  })
  const appendRows = db.transaction((items: readonly AppendRequest[], first: number) =>
    items.map(({ boardId, update }, i) => {
      const seq = first + i
      insertUpdate.run(
        boardId,
        seq,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      )
      return seq
    }),
  )
  const appendTx = (items: readonly AppendRequest[]): number[] => {
    // taken only once the transaction has committed: a failed one gives its numbers again
    const seqs = appendRows(items, lastSeq + 1)
    lastSeq += items.length
    return seqs
  }
  const compactTx = db.transaction((id: string, request: CompactRequest): CompactResult => {
    const stored = selectSnapshot.get(id)
    const next = snapshotToWrite(request.snapshot, stored, request.generation)
    upsertSnapshot.run(id, Buffer.from(next.data), new Date().toISOString(), next.generation)
    for (const seq of request.seqs) deleteBoardUpdate.run(id, seq)
    if (request.seqs.length) keepLastSeq.run(lastSeq)
    return { generation: next.generation, replaced: next.replaced && new Uint8Array(next.replaced) }
  })

  const loadDocument = (id: string, verify: boolean): StoredDocument => {
    const snapshot = selectSnapshot.get(id)
    const rows = selectUpdates.all(id)
    const lastSeq = rows.length ? rows[rows.length - 1]!.seq : 0
    let records = [
      ...(snapshot ? [{ kind: 'snapshot' as const, seq: null, data: snapshot.data }] : []),
      ...rows.map((r) => ({ kind: 'update' as const, seq: r.seq, data: r.data })),
    ]
    if (verify) {
      const { good, bad } = sortReadable(id, records)
      if (bad.length) {
        quarantineTx(bad)
        for (const { data: _data, ...record } of bad) options.onQuarantine?.(record)
      }
      records = good as typeof records
    }
    const snap = records[0]?.kind === 'snapshot' ? records.shift()! : null
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: records.map((r) => new Uint8Array(r.data)),
      seqs: records.map((r) => r.seq!),
      lastSeq,
      generation: snapshot?.generation ?? 0,
    }
  }

  /** Before every write: the checkpoint worker runs, and writes wait while it restarts the WAL. */
  const beforeWrite = (): Promise<void> | null => {
    checkpointer.touch()
    return checkpointer.gate
  }

  // better-sqlite3 is synchronous: each method commits before its promise settles.
  return {
    kind: 'sqlite',
    async createBoard(board, snapshot) {
      await beforeWrite()
      createTx(board, snapshot)
    },
    async getBoard(id) {
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
    countBoards: async () => countBoards.get()!.n,
    loadDocument: async (id, { verify = true } = {}) => loadDocument(id, verify),
    async appendUpdates(items) {
      // held only while the worker restarts the WAL (a few ms, the event loop free meanwhile)
      const held = beforeWrite()
      if (held) await held
      return appendTx(items)
    },
    async logStats(id) {
      const row = statsUpdates.get(id)
      return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
    },
    async compact(id, request) {
      await beforeWrite()
      return compactTx(id, request)
    },
    close: async () => {
      const stopped = checkpointer.stop()
      db.close()
      // the checkpoint thread holds the file open until it exits
      await stopped
    },
  }
}

/** Applies the storage migrations this file lacks, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec(MIGRATIONS_TABLE)
  const applied = db
    .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
    .all()
    .map((r) => r.version)
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  )
  for (const m of pendingMigrations(applied)) {
    db.transaction(() => {
      db.exec(m.sql.sqlite)
      record.run(m.version, m.name, new Date().toISOString())
    })()
  }
}
