import { statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startCheckpointer } from '../../server/storage/checkpointer.ts'
import { tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

describe('checkpoint worker', () => {
  it('starts with the first write, checkpoints, and ends once writes stop', async () => {
    const data = tempDataDir()
    cleanup.push(() => data.remove())
    const file = join(data.dir, 'c.sqlite')
    const db = new Database(file)
    cleanup.push(() => db.close())
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec('CREATE TABLE t (x BLOB)')
    const errors: string[] = []
    const checkpointer = startCheckpointer(file, {
      intervalMs: 20,
      idleMs: 200,
      restartFrames: 1_000_000,
      onError: (m) => errors.push(m),
    })
    cleanup.push(() => checkpointer.stop())
    expect(checkpointer.running).toBe(false)

    const before = statSync(file).size
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)')
    for (let i = 0; i < 200; i++) {
      checkpointer.touch()
      insert.run(Buffer.alloc(1000, i))
    }
    expect(checkpointer.running).toBe(true)
    await waitFor(() => statSync(file).size > before + 150_000, 'the WAL folded into the database')
    await waitFor(() => !checkpointer.running, 'the worker ended after the writes stopped')
    // The next write starts it again.
    checkpointer.touch()
    expect(checkpointer.running).toBe(true)
    expect(errors).toEqual([])
  })
})
