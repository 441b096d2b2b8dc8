import type pg from 'pg'
import { MIGRATIONS_TABLE, pendingMigrations } from './migrations.ts'
import { snapshotToWrite, sortReadable, type QuarantinedRecord } from './quarantine.ts'
import type { BoardStore, StoredDocument } from './types.ts'

interface BoardRow {
  id: string
  title: string
  created_at: string
  facilitator_hash: Buffer
  participant_hash: Buffer
  viewer_hash: Buffer
}

/** Connections per server: group commit writes one batch at a time, loads run beside it. */
const POOL_SIZE = 8

/**
 * PostgreSQL storage, shared by several servers (DATABASE_URL). Same guarantees as SQLite:
 * a batch of updates commits in one transaction before any of it is relayed; a compaction
 * writes the snapshot and deletes the rows it holds in one transaction; a load reads the
 * snapshot and the log from one consistent snapshot of the database.
 */
export async function openPostgresStore(
  connectionString: string,
  options: { onQuarantine?: (record: QuarantinedRecord) => void } = {},
): Promise<BoardStore> {
  // loaded here, not at the top: the compiled server bundles this module, and a single process
  // without DATABASE_URL should not carry the PostgreSQL client in memory
  const { default: postgres } = await import('pg')
  const pool = new postgres.Pool({ connectionString, max: POOL_SIZE })
  // An idle connection that breaks (the database restarted) is replaced on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`))

  async function transaction<T>(
    fn: (client: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN',
  ): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query(begin)
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

  return {
    kind: 'postgres',
    async createBoard(board, snapshot) {
      const { facilitator, participant, viewer } = board.keyHashes
      await transaction(async (c) => {
        await c.query(
          'INSERT INTO boards (id, title, created_at, facilitator_hash, participant_hash, viewer_hash) VALUES ($1, $2, $3, $4, $5, $6)',
          [board.id, board.title, board.createdAt, facilitator, participant, viewer],
        )
        await c.query(
          'INSERT INTO snapshots (board_id, data, updated_at, generation) VALUES ($1, $2, now(), 0)',
          [board.id, Buffer.from(snapshot)],
        )
      })
    },
    async getBoard(id) {
      const { rows } = await pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id])
      const row = rows[0]
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
    async countBoards() {
      const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM boards')
      return Number(rows[0]!.n)
    },
    async loadDocument(id, { verify = true } = {}): Promise<StoredDocument> {
      // One snapshot of the database for both reads: a compaction between them would
      // otherwise hide rows (deleted from the log, yet absent from the older snapshot read).
      const { snapshot, rows } = await transaction(async (c) => {
        const snap = await c.query<{ data: Buffer; generation: string }>(
          'SELECT data, generation FROM snapshots WHERE board_id = $1',
          [id],
        )
        const log = await c.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE board_id = $1 ORDER BY seq',
          [id],
        )
        return { snapshot: snap.rows[0], rows: log.rows }
      }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const lastSeq = rows.length ? Number(rows[rows.length - 1]!.seq) : 0
      let records = [
        ...(snapshot ? [{ kind: 'snapshot' as const, seq: null, data: snapshot.data }] : []),
        ...rows.map((r) => ({ kind: 'update' as const, seq: Number(r.seq), data: r.data })),
      ]
      if (verify) {
        const { good, bad } = sortReadable(id, records)
        if (bad.length) {
          await transaction(async (c) => {
            for (const r of bad) {
              await c.query(
                'INSERT INTO quarantine (board_id, kind, seq, data, reason, quarantined_at) VALUES ($1, $2, $3, $4, $5, now())',
                [r.boardId, r.kind, r.seq, Buffer.from(r.data), r.reason],
              )
              if (r.kind === 'update') await c.query('DELETE FROM updates WHERE seq = $1', [r.seq])
              else await c.query('DELETE FROM snapshots WHERE board_id = $1', [r.boardId])
            }
          })
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
        generation: snapshot ? Number(snapshot.generation) : 0,
      }
    },
    async appendUpdates(items) {
      if (!items.length) return []
      // One statement, one transaction. The sequence hands out numbers in the order the rows
      // are inserted, which is the order of the arrays: sorted, they are the items' own.
      const { rows } = await pool.query<{ seq: string }>(
        'INSERT INTO updates (board_id, data) SELECT * FROM unnest($1::text[], $2::bytea[]) RETURNING seq',
        [
          items.map((i) => i.boardId),
          items.map((i) => Buffer.from(i.update.buffer, i.update.byteOffset, i.update.byteLength)),
        ],
      )
      return rows.map((r) => Number(r.seq)).sort((a, b) => a - b)
    },
    async logStats(id) {
      const { rows } = await pool.query<{ count: string; bytes: string | null }>(
        'SELECT COUNT(*) AS count, SUM(octet_length(data)) AS bytes FROM updates WHERE board_id = $1',
        [id],
      )
      return { count: Number(rows[0]?.count ?? 0), bytes: Number(rows[0]?.bytes ?? 0) }
    },
    async compact(id, request) {
      return transaction(async (c) => {
        // the row lock orders compactions of one board, whichever server runs them
        const { rows } = await c.query<{ data: Buffer; generation: string }>(
          'SELECT data, generation FROM snapshots WHERE board_id = $1 FOR UPDATE',
          [id],
        )
        const stored = rows[0] && { data: rows[0].data, generation: Number(rows[0].generation) }
        const next = snapshotToWrite(request.snapshot, stored, request.generation)
        await c.query(
          `INSERT INTO snapshots (board_id, data, updated_at, generation) VALUES ($1, $2, now(), $3)
           ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, generation = excluded.generation`,
          [id, Buffer.from(next.data), next.generation],
        )
        if (request.seqs.length)
          await c.query('DELETE FROM updates WHERE board_id = $1 AND seq = ANY($2::bigint[])', [
            id,
            request.seqs,
          ])
        return {
          generation: next.generation,
          replaced: next.replaced && new Uint8Array(next.replaced),
        }
      })
    },
    async close() {
      await pool.end()
    },
  }
}

/** Applies the missing storage migrations; concurrent servers wait for each other's. */
async function migrate(
  transaction: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
): Promise<void> {
  await transaction(async (c) => {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('trama.schema_migrations'))")
    await c.query(MIGRATIONS_TABLE)
    const { rows } = await c.query<{ version: number }>('SELECT version FROM schema_migrations')
    for (const m of pendingMigrations(rows.map((r) => r.version))) {
      await c.query(m.sql.postgres)
      await c.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [m.version, m.name, new Date().toISOString()],
      )
    }
  })
}
