import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { TurnBatch } from '../../server/history/turnBatch.ts'

/** An in-memory database that counts its commits, and a batch whose turn ends on demand. */
function setup() {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)')
  let commits = 0
  const begin = db.transaction.bind(db)
  db.transaction = ((fn: (...a: unknown[]) => unknown) => {
    const tx = begin(fn)
    return (...args: unknown[]) => {
      const out = tx(...args)
      commits++
      return out
    }
  }) as typeof db.transaction
  let later: (() => void) | null = null
  const batch = new TurnBatch(db, (fn) => (later = fn))
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
  const add = (v: string | null, urgent = false) =>
    batch.add(() => Number(insert.run(v).lastInsertRowid), { urgent })
  const rows = () => db.prepare('SELECT v FROM t ORDER BY id').all()
  const run = (fn: (() => void) | null) => fn?.()
  return {
    db,
    batch,
    add,
    rows,
    commits: () => commits,
    later: () => run(later),
  }
}

describe('TurnBatch', () => {
  it('writes what arrived before the schedule in one transaction and resolves each with its result', async () => {
    const s = setup()
    const ids = [s.add('a'), s.add('b'), s.add('c')]
    expect(s.rows()).toEqual([])
    s.later()
    expect(await Promise.all(ids)).toEqual([1, 2, 3])
    expect(s.commits()).toBe(1)
    expect(s.rows()).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'c' }])
  })

  it('stores none of a turn whose transaction fails, and rejects every write of it', async () => {
    const s = setup()
    const good = s.add('a')
    const bad = s.add(null) // NOT NULL
    s.later()
    await expect(good).rejects.toThrow(/NOT NULL/)
    await expect(bad).rejects.toThrow(/NOT NULL/)
    expect(s.rows()).toEqual([])
    // the next turn works
    const next = s.add('b')
    s.later()
    expect(await next).toBe(1)
    expect(s.rows()).toEqual([{ v: 'b' }])
  })

  it('an urgent write is committed at once, with the writes that wait', async () => {
    const s = setup()
    const c = s.add('c')
    expect(s.rows()).toEqual([])
    const d = s.add('d', true)
    // on disk before add returns: the deletion's record before anyone sees the deletion
    expect(s.rows()).toEqual([{ v: 'c' }, { v: 'd' }])
    expect(await Promise.all([c, d])).toEqual([1, 2])
    expect(s.commits()).toBe(1)
  })

  it('flush writes what waits at once (before a read); a closed database rejects', async () => {
    const s = setup()
    const id = s.add('a')
    s.batch.flush()
    expect(s.rows()).toEqual([{ v: 'a' }])
    expect(await id).toBe(1)
    s.db.close()
    const late = s.add('b')
    s.later()
    await expect(late).rejects.toThrow(/closed/)
  })
})
