import type pg from 'pg'
import { HISTORY_MIGRATIONS_TABLE, pendingHistoryMigrations, storableText } from './migrations.ts'
import type { HistoryStore, NewVersion, VersionInfo } from './types.ts'
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

/** Connections of the history (apart from the board store's: its writes never wait for ours). */
const POOL_SIZE = 4

/** Advisory lock space of the automatic versions' check-and-save (two int4 keys: board). */
const VERSION_LOCK = 'trama.history.versions'

const VERSION_COLUMNS = versionColumns('octet_length')

/** Row ids as the database can hold them (anything else names no row). */
const rowIds = (ids: readonly number[]) => ids.filter((id) => Number.isSafeInteger(id))
/** A LIMIT PostgreSQL accepts (SQLite reads a negative one as none; nobody passes one). */
const count = (n: number) => Math.max(0, Math.floor(n))

/** A time to compare with stored ones: whole milliseconds within what BIGINT and JS share. */
const instant = (ms: number) =>
  Number.isNaN(ms)
    ? Number.MIN_SAFE_INTEGER
    : Math.min(Number.MAX_SAFE_INTEGER, Math.max(Number.MIN_SAFE_INTEGER, Math.floor(ms)))

const bytes = (state: Uint8Array) => Buffer.from(state.buffer, state.byteOffset, state.byteLength)

/**
 * The history in PostgreSQL (DATABASE_URL), shared by every server of a deployment: versions,
 * the activity record and the bin in `history_*` tables beside the board store's, with their own
 * migrations. Each method is one statement or one transaction and resolves once it is
 * committed; `close` waits for the writes under way, then ends the pool.
 */
export async function openPostgresHistory(
  connectionString: string,
  options: { onError?: (err: Error) => void } = {},
): Promise<HistoryStore> {
  // loaded here, not at the top: a single process without DATABASE_URL never loads pg
  const { default: postgres } = await import('pg')
  const pool = new postgres.Pool({ connectionString, max: POOL_SIZE })
  // An idle connection that breaks (the database restarted) is replaced on the next query.
  pool.on('error', (err) => options.onError?.(err))

  async function transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  try {
    await migrate(transaction)
  } catch (err) {
    await pool.end()
    throw err
  }

  // The recorder writes without waiting (activity, bin): close lets those under way finish.
  const pending = new Set<Promise<unknown>>()
  let closed = false
  let closing: Promise<void> | null = null
  const track = <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('the history is closed'))
    const p = work()
    pending.add(p)
    const done = () => pending.delete(p)
    p.then(done, done)
    return p
  }

  const insertVersion = async (db: pg.Pool | pg.PoolClient, v: NewVersion) => {
    const [name, author] = [storableText(v.name), storableText(v.author)]
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO history_versions (board_id, at, reason, name, role, author, counts, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [v.boardId, v.at, v.reason, name, v.role, author, JSON.stringify(v.counts), bytes(v.state)],
    )
    return {
      id: Number(rows[0]!.id),
      boardId: v.boardId,
      at: v.at,
      reason: v.reason,
      name,
      role: v.role,
      author,
      counts: v.counts,
      bytes: v.state.byteLength,
    } satisfies VersionInfo
  }

  return {
    saveVersion: (v) => track(() => insertVersion(pool, v)),
    saveVersionUnlessNewer: (v, after) =>
      track(() =>
        transaction(async (c) => {
          // servers saving one board's automatic version take turns; the check then sees
          // what the one before committed
          await c.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
            VERSION_LOCK,
            v.boardId,
          ])
          const { rows } = await c.query<VersionRow>(
            `SELECT ${VERSION_COLUMNS} FROM history_versions WHERE board_id = $1 AND at > $2
             ORDER BY at DESC, id DESC LIMIT 1`,
            [v.boardId, instant(after)],
          )
          const newer = rows[0]
          if (newer) return { saved: false, version: toVersion(newer) }
          return { saved: true, version: await insertVersion(c, v) }
        }),
      ),
    async listVersions(boardId) {
      const { rows } = await pool.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM history_versions WHERE board_id = $1 ORDER BY at DESC, id DESC`,
        [boardId],
      )
      return rows.map(toVersion)
    },
    async getVersion(boardId, id) {
      if (!Number.isSafeInteger(id)) return undefined
      const { rows } = await pool.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM history_versions WHERE board_id = $1 AND id = $2`,
        [boardId, id],
      )
      return rows[0] && toVersion(rows[0])
    },
    async versionState(boardId, id) {
      if (!Number.isSafeInteger(id)) return undefined
      const { rows } = await pool.query<{ state: Buffer }>(
        'SELECT state FROM history_versions WHERE board_id = $1 AND id = $2',
        [boardId, id],
      )
      return rows[0] && new Uint8Array(rows[0].state)
    },
    deleteVersions: (boardId, ids) =>
      track(async () => {
        if (!ids.length) return
        await pool.query(
          'DELETE FROM history_versions WHERE board_id = $1 AND id = ANY($2::bigint[])',
          [boardId, rowIds(ids)],
        )
      }),
    async usage(boardId) {
      const { rows } = await pool.query<{ n: string; bytes: string | null }>(
        'SELECT COUNT(*) AS n, SUM(octet_length(state)) AS bytes FROM history_versions WHERE board_id = $1',
        [boardId],
      )
      return { versions: Number(rows[0]!.n), bytes: Number(rows[0]!.bytes ?? 0) }
    },

    appendActivity: (e) =>
      track(async () => {
        const { rows } = await pool.query<{ id: string }>(
          `INSERT INTO history_activity (board_id, at, until, role, author, changes, restore)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [...activityValues(e)],
        )
        return Number(rows[0]!.id)
      }),
    updateActivity: (id, e) =>
      track(async () => {
        if (!Number.isSafeInteger(id)) return
        await pool.query('UPDATE history_activity SET until = $1, changes = $2 WHERE id = $3', [
          e.until,
          JSON.stringify(e.changes),
          id,
        ])
      }),
    // each write is sent at once
    commitActivity() {},
    async listActivity(boardId, limit) {
      const { rows } = await pool.query<ActivityRow>(
        'SELECT * FROM history_activity WHERE board_id = $1 ORDER BY id DESC LIMIT $2',
        [boardId, count(limit)],
      )
      return rows.map(toActivity)
    },
    trimActivity: (boardId, keep) =>
      track(async () => {
        await pool.query(
          `DELETE FROM history_activity WHERE board_id = $1 AND id < (SELECT MIN(id) FROM
           (SELECT id FROM history_activity WHERE board_id = $1 ORDER BY id DESC LIMIT $2) AS kept)`,
          [boardId, count(keep)],
        )
      }),

    addToBin: (entries) =>
      track(async () => {
        if (!entries.length) return
        // one statement: the entries are committed together, their ids in the given order
        await pool.query(
          `INSERT INTO history_bin (board_id, at, role, author, collection, record_id, fields, batch)
           SELECT b, t, r, a, c, i, f, g FROM unnest($1::text[], $2::bigint[], $3::text[],
             $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             WITH ORDINALITY AS e(b, t, r, a, c, i, f, g, n)
           ORDER BY n`,
          [
            entries.map((e) => e.boardId),
            entries.map((e) => e.at),
            entries.map((e) => e.role),
            entries.map((e) => storableText(e.name)),
            entries.map((e) => e.collection),
            entries.map((e) => e.recordId),
            entries.map((e) => JSON.stringify(e.fields)),
            entries.map((e) => e.batch),
          ],
        )
      }),
    async listBin(boardId, limit) {
      const { rows } = await pool.query<BinRow>(
        'SELECT * FROM history_bin WHERE board_id = $1 ORDER BY id DESC LIMIT $2',
        [boardId, count(limit)],
      )
      return rows.map(toBin)
    },
    async getBinEntry(boardId, id) {
      if (!Number.isSafeInteger(id)) return undefined
      const { rows } = await pool.query<BinRow>(
        'SELECT * FROM history_bin WHERE board_id = $1 AND id = $2',
        [boardId, id],
      )
      return rows[0] && toBin(rows[0])
    },
    async binBatch(boardId, batch) {
      const { rows } = await pool.query<BinRow>(
        'SELECT * FROM history_bin WHERE board_id = $1 AND batch = $2 ORDER BY id',
        [boardId, batch],
      )
      return rows.map(toBin)
    },
    markRestored: (boardId, ids, at) =>
      track(async () => {
        if (!ids.length) return
        await pool.query(
          'UPDATE history_bin SET restored_at = $1 WHERE board_id = $2 AND id = ANY($3::bigint[])',
          [at, boardId, rowIds(ids)],
        )
      }),
    trimBin: (boardId, keep) =>
      track(async () => {
        await pool.query(
          `DELETE FROM history_bin WHERE board_id = $1 AND id < (SELECT MIN(id) FROM
           (SELECT id FROM history_bin WHERE board_id = $1 ORDER BY id DESC LIMIT $2) AS kept)`,
          [boardId, count(keep)],
        )
      }),

    close() {
      closing ??= (async () => {
        // what was handed over before the close is written (a write may lead to another)
        while (pending.size) await Promise.allSettled([...pending])
        closed = true
        await pool.end()
      })()
      return closing
    },
  }
}

/** Applies the missing history migrations; servers starting together wait for each other's. */
async function migrate(
  transaction: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
): Promise<void> {
  await transaction(async (c) => {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('trama.history_schema_migrations'))")
    await c.query(HISTORY_MIGRATIONS_TABLE)
    const { rows } = await c.query<{ version: number }>(
      'SELECT version FROM history_schema_migrations',
    )
    for (const m of pendingHistoryMigrations(rows.map((r) => r.version))) {
      await c.query(m.sql.postgres)
      await c.query(
        'INSERT INTO history_schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [m.version, m.name, new Date().toISOString()],
      )
    }
  })
}
