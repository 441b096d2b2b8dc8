import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HISTORY_MIGRATIONS } from '../../server/history/migrations.ts'
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
})
