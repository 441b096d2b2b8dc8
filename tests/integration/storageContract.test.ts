import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '../../server/storage/memory.ts'
import { STORAGE_MIGRATIONS } from '../../server/storage/migrations.ts'
import { openSqliteStore } from '../../server/storage/sqlite.ts'
import type { BoardStore } from '../../server/storage/types.ts'
import { storageContract } from '../helpers/storageContract.ts'
import { tempDataDir } from '../helpers/server.ts'
import { reopenable } from '../helpers/reopenable.ts'

storageContract('memory', async () => {
  const store = openMemoryStore()
  return { store, close: () => store.close() }
})

storageContract('SQLite', async () => {
  const data = tempDataDir()
  return reopenable<BoardStore>(() => openSqliteStore(data.dir), data.remove)
})

describe('SQLite storage migrations', () => {
  it('a database from before versioned migrations opens, keeps its boards and is brought up to date', async () => {
    const data = tempDataDir()
    try {
      // the schema as the first releases created it, with one board and one update
      const old = new Database(join(data.dir, 'trama.sqlite'))
      old.exec(STORAGE_MIGRATIONS[0]!.sql.sqlite)
      old
        .prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?, ?)')
        .run('old1', 'Vecchio', '2024-01-01', Buffer.alloc(32), Buffer.alloc(32), Buffer.alloc(32))
      old.prepare('INSERT INTO snapshots VALUES (?, ?, ?)').run('old1', Buffer.from([0, 0]), 'x')
      old.close()
      const store = openSqliteStore(data.dir)
      expect((await store.getBoard('old1'))?.title).toBe('Vecchio')
      expect(await store.loadDocument('old1')).toMatchObject({ generation: 0, updates: [] })
      await store.close()
      const db = new Database(join(data.dir, 'trama.sqlite'))
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()
      db.close()
      expect(versions).toEqual(STORAGE_MIGRATIONS.map((m) => ({ version: m.version })))
      // opened again, nothing is applied twice
      await openSqliteStore(data.dir).close()
    } finally {
      data.remove()
    }
  })
})
