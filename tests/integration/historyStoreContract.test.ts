import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HISTORY_MIGRATIONS, HISTORY_MIGRATIONS_TABLE } from '../../server/history/migrations.ts'
import { openSqliteHistory } from '../../server/history/sqlite.ts'
import type { HistoryStore } from '../../server/history/types.ts'
import { historyContract } from '../helpers/historyContract.ts'
import { tempDataDir } from '../helpers/server.ts'
import { reopenable } from '../helpers/reopenable.ts'

historyContract('SQLite', async () => {
  const data = tempDataDir()
  return reopenable<HistoryStore>(() => openSqliteHistory(data.dir), data.remove)
})

describe('SQLite history migrations', () => {
  it('a history file is migrated once: opened again, nothing is applied twice', async () => {
    const data = tempDataDir()
    try {
      const store = openSqliteHistory(data.dir)
      await store.saveVersion({
        boardId: 'board-000001',
        role: null,
        author: null,
        at: 1,
        reason: 'initial',
        name: null,
        counts: {},
        state: new Uint8Array([0, 0]),
      })
      await store.close()
      const again = openSqliteHistory(data.dir)
      expect(await again.listVersions('board-000001')).toHaveLength(1)
      await again.close()
      const db = new Database(join(data.dir, 'history.sqlite'))
      const applied = db
        .prepare('SELECT version, name FROM history_schema_migrations ORDER BY version')
        .all()
      db.close()
      expect(applied).toEqual(HISTORY_MIGRATIONS.map(({ version, name }) => ({ version, name })))
    } finally {
      data.remove()
    }
  })

  it('a history written before restores were marked opens with its activity, unmarked', async () => {
    const data = tempDataDir()
    try {
      // the file as the first version of the history's schema left it
      const [first] = HISTORY_MIGRATIONS
      const old = new Database(join(data.dir, 'history.sqlite'))
      old.exec(HISTORY_MIGRATIONS_TABLE)
      old.exec(first!.sql.sqlite)
      old
        .prepare(
          'INSERT INTO history_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        )
        .run(first!.version, first!.name, '2026-11-01T00:00:00.000Z')
      const changes = {
        'problems.nodes': { created: [{ id: 'c1', label: 'Vecchia' }], edited: [], deleted: [] },
      }
      old
        .prepare(
          'INSERT INTO activity (board_id, at, until, role, author, changes) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run('board-000001', 1, 1, 'participant', 'Anna', JSON.stringify(changes))
      old.close()
      const store = openSqliteHistory(data.dir)
      expect(await store.listActivity('board-000001', 10)).toEqual([
        expect.objectContaining({ name: 'Anna', changes, restore: null }),
      ])
      await store.appendActivity({
        boardId: 'board-000001',
        at: 2,
        until: 2,
        role: 'facilitator',
        name: 'Fede',
        changes,
        restore: 'bin',
      })
      expect((await store.listActivity('board-000001', 10)).map((e) => e.restore)).toEqual([
        'bin',
        null,
      ])
      await store.close()
    } finally {
      data.remove()
    }
  })
})
