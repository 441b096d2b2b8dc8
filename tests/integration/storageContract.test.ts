import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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

  it('a log from before it was keyed by board keeps its rows and numbers, and goes on past them', async () => {
    const data = tempDataDir()
    try {
      // version 3's schema: the log keyed by an AUTOINCREMENT seq, two boards' rows interleaved,
      // the newest one compacted away (its number must not come back)
      const old = new Database(join(data.dir, 'trama.sqlite'))
      old.exec(
        STORAGE_MIGRATIONS.filter((m) => m.version <= 3)
          .map((m) => m.sql.sqlite)
          .join('\n'),
      )
      old.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      )
      const insertMigration = old.prepare(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
      )
      for (const m of STORAGE_MIGRATIONS.filter((m) => m.version <= 3))
        insertMigration.run(m.version, m.name, '2026-01-01')
      const docs = new Map<string, Y.Doc>()
      for (const id of ['b1', 'b2']) {
        old
          .prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, id, '2026-01-01', Buffer.alloc(32), Buffer.alloc(32), Buffer.alloc(32))
        docs.set(id, new Y.Doc())
      }
      const append = old.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)')
      for (let i = 0; i < 7; i++) {
        const id = i % 2 ? 'b2' : 'b1'
        const doc = docs.get(id)!
        const before = Y.encodeStateVector(doc)
        doc.getMap('cards').set(`k${i}`, `v${i}`)
        append.run(id, Buffer.from(Y.encodeStateAsUpdate(doc, before)))
      }
      old.prepare('DELETE FROM updates WHERE seq = 7').run()
      old.close()

      const store = openSqliteStore(data.dir)
      expect((await store.loadDocument('b1')).seqs).toEqual([1, 3, 5])
      expect((await store.loadDocument('b2')).seqs).toEqual([2, 4, 6])
      const doc = docs.get('b2')!
      const before = Y.encodeStateVector(doc)
      doc.getMap('cards').set('new', 'x')
      const [next] = await store.appendUpdates([
        { boardId: 'b2', update: Y.encodeStateAsUpdate(doc, before) },
      ])
      expect(next).toBe(8)
      const stored = await store.loadDocument('b2')
      const rebuilt = new Y.Doc()
      for (const u of stored.updates) Y.applyUpdate(rebuilt, u)
      expect([...rebuilt.getMap('cards').keys()].sort()).toEqual(['k1', 'k3', 'k5', 'new'])
      await store.close()
    } finally {
      data.remove()
    }
  })
})
