import Database from 'better-sqlite3'
import { TurnBatch } from './turnBatch.ts'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { HistoryStore, NewBinEntry, NewVersion, VersionInfo } from './types.ts'
import {
  activityValues,
  toActivity,
  toBin,
  toVersion,
  versionColumns,
  type ActivityRow,
  type BinRow,
  type VersionRow,
} from './rows.ts'
import { HISTORY_MIGRATIONS_TABLE, pendingHistoryMigrations, storableText } from './migrations.ts'

const VERSION_COLUMNS = versionColumns('LENGTH')

/**
 * The history in its own SQLite file (`history.sqlite` in the data folder), WAL mode,
 * `synchronous = NORMAL` like the board store: a committed write survives kill -9. better-sqlite3
 * is synchronous, so a write is committed by the time the call returns; the promise only keeps
 * the interface the same for a networked backend.
 */
export function openSqliteHistory(dataDir: string): HistoryStore {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'history.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  const insertVersion = db.prepare(
    'INSERT INTO versions (board_id, at, reason, name, role, author, counts, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const selectVersions = db.prepare<[string], VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM versions WHERE board_id = ? ORDER BY at DESC, id DESC`,
  )
  const selectVersion = db.prepare<[string, number], VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM versions WHERE board_id = ? AND id = ?`,
  )
  const selectState = db.prepare<[string, number], { state: Buffer }>(
    'SELECT state FROM versions WHERE board_id = ? AND id = ?',
  )
  const deleteVersion = db.prepare('DELETE FROM versions WHERE board_id = ? AND id = ?')
  const usage = db.prepare<[string], { n: number; bytes: number | null }>(
    'SELECT COUNT(*) AS n, SUM(LENGTH(state)) AS bytes FROM versions WHERE board_id = ?',
  )
  const insertActivity = db.prepare(
    'INSERT INTO activity (board_id, at, until, role, author, changes, restore) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const updateActivity = db.prepare('UPDATE activity SET until = ?, changes = ? WHERE id = ?')
  // The feed is read by people, not by the sync: its writes wait up to a second and go in one
  // transaction (a commit per card created was the history's largest cost on a busy server);
  // the record of a deletion is on disk at the end of the turn, before anyone else sees it.
  const activityWrites = new TurnBatch(db)
  const selectActivity = db.prepare<[string, number], ActivityRow>(
    'SELECT * FROM activity WHERE board_id = ? ORDER BY id DESC LIMIT ?',
  )
  const trimActivity = db.prepare(
    'DELETE FROM activity WHERE board_id = ? AND id < (SELECT MIN(id) FROM (SELECT id FROM activity WHERE board_id = ? ORDER BY id DESC LIMIT ?))',
  )
  const insertBin = db.prepare(
    'INSERT INTO bin (board_id, at, role, author, collection, record_id, fields, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const selectBin = db.prepare<[string, number], BinRow>(
    'SELECT * FROM bin WHERE board_id = ? ORDER BY id DESC LIMIT ?',
  )
  const selectBinEntry = db.prepare<[string, number], BinRow>(
    'SELECT * FROM bin WHERE board_id = ? AND id = ?',
  )
  const selectBatch = db.prepare<[string, string], BinRow>(
    'SELECT * FROM bin WHERE board_id = ? AND batch = ? ORDER BY id',
  )
  const markRestored = db.prepare('UPDATE bin SET restored_at = ? WHERE board_id = ? AND id = ?')
  const trimBin = db.prepare(
    'DELETE FROM bin WHERE board_id = ? AND id < (SELECT MIN(id) FROM (SELECT id FROM bin WHERE board_id = ? ORDER BY id DESC LIMIT ?))',
  )

  const addBin = db.transaction((entries: readonly NewBinEntry[]) => {
    for (const e of entries)
      insertBin.run(
        e.boardId,
        e.at,
        e.role,
        storableText(e.name),
        e.collection,
        e.recordId,
        JSON.stringify(e.fields),
        e.batch,
      )
  })
  const removeVersions = db.transaction((boardId: string, ids: readonly number[]) => {
    for (const id of ids) deleteVersion.run(boardId, id)
  })
  const restoreMarks = db.transaction((boardId: string, ids: readonly number[], at: number) => {
    for (const id of ids) markRestored.run(at, boardId, id)
  })

  const newestAfter = db.prepare<[string, number], VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM versions WHERE board_id = ? AND at > ? ORDER BY at DESC, id DESC LIMIT 1`,
  )

  const save = (v: NewVersion): VersionInfo => {
    const [name, author] = [storableText(v.name), storableText(v.author)]
    const result = insertVersion.run(
      v.boardId,
      v.at,
      v.reason,
      name,
      v.role,
      author,
      JSON.stringify(v.counts),
      Buffer.from(v.state.buffer, v.state.byteOffset, v.state.byteLength),
    )
    return {
      id: Number(result.lastInsertRowid),
      boardId: v.boardId,
      at: v.at,
      reason: v.reason,
      name,
      role: v.role,
      author,
      counts: v.counts,
      bytes: v.state.byteLength,
    }
  }
  const saveUnlessNewer = db.transaction((v: NewVersion, after: number) => {
    const newer = newestAfter.get(v.boardId, after)
    return newer ? { saved: false, version: toVersion(newer) } : { saved: true, version: save(v) }
  })

  return {
    async saveVersion(v) {
      return save(v)
    },
    async saveVersionUnlessNewer(v, after) {
      // IMMEDIATE: the check and the insert under one write lock
      return saveUnlessNewer.immediate(v, after)
    },
    async listVersions(boardId) {
      return selectVersions.all(boardId).map(toVersion)
    },
    async getVersion(boardId, id) {
      const row = selectVersion.get(boardId, id)
      return row && toVersion(row)
    },
    async versionState(boardId, id) {
      const row = selectState.get(boardId, id)
      return row && new Uint8Array(row.state)
    },
    async deleteVersions(boardId, ids) {
      removeVersions(boardId, ids)
    },
    async usage(boardId) {
      const row = usage.get(boardId)!
      return { versions: row.n, bytes: row.bytes ?? 0 }
    },
    appendActivity(e) {
      const deletes = Object.values(e.changes).some((c) => c.deleted.length || c.more?.deleted)
      return activityWrites.add(
        () => Number(insertActivity.run(...activityValues(e)).lastInsertRowid),
        { urgent: deletes },
      )
    },
    async updateActivity(id, e) {
      await activityWrites.add(() => updateActivity.run(e.until, JSON.stringify(e.changes), id))
    },
    commitActivity() {
      activityWrites.flush()
    },
    async listActivity(boardId, limit) {
      activityWrites.flush()
      return selectActivity.all(boardId, limit).map(toActivity)
    },
    async trimActivity(boardId, keep) {
      // after the entries waiting to be written, in their transaction
      await activityWrites.add(() => trimActivity.run(boardId, boardId, keep))
    },
    async addToBin(entries) {
      addBin(entries)
    },
    async listBin(boardId, limit) {
      return selectBin.all(boardId, limit).map(toBin)
    },
    async getBinEntry(boardId, id) {
      const row = selectBinEntry.get(boardId, id)
      return row && toBin(row)
    },
    async binBatch(boardId, batch) {
      return selectBatch.all(boardId, batch).map(toBin)
    },
    async markRestored(boardId, ids, at) {
      restoreMarks(boardId, ids, at)
    },
    async trimBin(boardId, keep) {
      trimBin.run(boardId, boardId, keep)
    },
    async close() {
      activityWrites.flush()
      if (db.open) db.close()
    },
  }
}

function migrate(db: Database.Database): void {
  db.exec(HISTORY_MIGRATIONS_TABLE)
  const applied = db
    .prepare<[], { version: number }>('SELECT version FROM history_schema_migrations')
    .all()
    .map((r) => r.version)
  const record = db.prepare(
    'INSERT INTO history_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  )
  for (const m of pendingHistoryMigrations(applied)) {
    db.transaction(() => {
      db.exec(m.sql.sqlite)
      record.run(m.version, m.name, new Date().toISOString())
    })()
  }
}
