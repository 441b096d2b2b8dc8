import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HISTORY_MIGRATIONS } from '../../server/history/migrations.ts'
import { openPostgresHistory } from '../../server/history/postgres.ts'
import type { HistoryStore } from '../../server/history/types.ts'
import { openPostgresStore } from '../../server/storage/postgres.ts'
import { historyContract } from '../helpers/historyContract.ts'
import { startPostgres, type RealPostgres } from '../helpers/realServers.ts'
import { reopenable } from '../helpers/reopenable.ts'

let postgres: RealPostgres
let url: string
beforeAll(async () => {
  postgres = await startPostgres()
  url = await postgres.freshDatabase()
}, 60_000)
afterAll(() => postgres?.stop(), 30_000)

historyContract('PostgreSQL', () => reopenable<HistoryStore>(() => openPostgresHistory(url)))

describe('PostgreSQL history beside the board store', () => {
  it('servers starting together on an empty database migrate it once, beside the boards', async () => {
    const fresh = await postgres.freshDatabase()
    const opened = await Promise.all([
      openPostgresHistory(fresh),
      openPostgresHistory(fresh),
      openPostgresStore(fresh),
      openPostgresHistory(fresh),
    ])
    const client = new pg.Client({ connectionString: fresh })
    await client.connect()
    try {
      const { rows } = await client.query(
        'SELECT version, name FROM history_schema_migrations ORDER BY version',
      )
      expect(rows).toEqual(HISTORY_MIGRATIONS.map(({ version, name }) => ({ version, name })))
      // beside the board store's tables and its own record of migrations
      const tables = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
      expect(tables.rows.map((r) => r.tablename)).toEqual([
        'boards',
        'history_activity',
        'history_bin',
        'history_schema_migrations',
        'history_versions',
        'quarantine',
        'schema_migrations',
        'snapshots',
        'updates',
      ])
    } finally {
      await client.end()
      await Promise.all(opened.map((s) => s.close()))
    }
  })

  it('an unreachable database fails the open, and a closed store refuses new writes', async () => {
    await expect(openPostgresHistory('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow()
    const store = await openPostgresHistory(url)
    await store.close()
    await expect(
      store.appendActivity({
        boardId: 'board-000001',
        at: 1,
        until: 1,
        role: null,
        name: null,
        changes: {},
      }),
    ).rejects.toThrow(/closed/)
  })
})
