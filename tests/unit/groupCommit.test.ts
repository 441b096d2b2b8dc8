import { describe, expect, it } from 'vitest'
import { GroupCommit, type Scheduler } from '../../server/storage/groupCommit.ts'

/** A scheduler the test turns by hand: one `turn()` is the end of one event-loop turn. */
function manualScheduler(): { schedule: Scheduler; turn(): void; waiting(): number } {
  let queued: (() => void)[] = []
  return {
    schedule: (fn) => {
      queued.push(fn)
    },
    turn() {
      const run = queued
      queued = []
      for (const fn of run) fn()
    },
    waiting: () => queued.length,
  }
}

/** A fake transactional store: a batch lands whole or, when told to fail, not at all. */
function fakeStore() {
  const rows: string[] = []
  let failAt = -1
  return {
    rows,
    transactions: [] as string[][],
    failOnItem(index: number) {
      failAt = index
    },
    write(items: string[]): number[] {
      const staged: string[] = []
      items.forEach((item, i) => {
        if (i === failAt) throw new Error('disk full')
        staged.push(item)
      })
      this.transactions.push(staged)
      rows.push(...staged)
      return staged.map((_, i) => rows.length - staged.length + i + 1)
    },
  }
}

function entry(log: string[], name: string) {
  return {
    item: name,
    onStored: (seq: number) => log.push(`stored ${name} #${seq}`),
    onFailed: (err: Error) => log.push(`failed ${name}: ${err.message}`),
  }
}

describe('group commit', () => {
  it('writes the items of one turn in one transaction and tells their owners only afterwards', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const commits = new GroupCommit((items: string[]) => store.write(items), clock.schedule)
    commits.add(entry(log, 'a'))
    commits.add(entry(log, 'b'))
    commits.add(entry(log, 'c'))
    // Nothing is written, nobody is told, until the turn ends.
    expect(store.transactions).toEqual([])
    expect(log).toEqual([])
    expect(clock.waiting()).toBe(1)
    expect(commits.pending).toBe(3)

    clock.turn()

    await commits.idle()
    expect(store.transactions).toEqual([['a', 'b', 'c']])
    expect(log).toEqual(['stored a #1', 'stored b #2', 'stored c #3'])
    expect(commits.stats).toMatchObject({ batches: 1, items: 3, largestBatch: 3, failures: 0 })
  })

  it('starts a new batch for the next turn', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const commits = new GroupCommit((items: string[]) => store.write(items), clock.schedule)
    commits.add(entry(log, 'a'))
    clock.turn()
    await commits.idle()
    commits.add(entry(log, 'b'))
    commits.add(entry(log, 'c'))
    clock.turn()
    await commits.idle()
    expect(store.transactions).toEqual([['a'], ['b', 'c']])
    expect(clock.waiting()).toBe(0)
    clock.turn()
    await commits.idle()
    expect(store.transactions).toHaveLength(2)
  })

  it('a failure in the middle of a batch stores none of it and tells every owner', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const commits = new GroupCommit((items: string[]) => store.write(items), clock.schedule)
    store.failOnItem(1)
    commits.add(entry(log, 'a'))
    commits.add(entry(log, 'b'))
    commits.add(entry(log, 'c'))
    clock.turn()
    await commits.idle()
    expect(store.rows).toEqual([])
    expect(log).toEqual(['failed a: disk full', 'failed b: disk full', 'failed c: disk full'])
    expect(commits.stats.failures).toBe(1)

    // The next batch is independent of the failed one.
    store.failOnItem(-1)
    commits.add(entry(log, 'd'))
    clock.turn()
    await commits.idle()
    expect(store.rows).toEqual(['d'])
  })

  it('flush commits at once, without waiting for the turn', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const commits = new GroupCommit((items: string[]) => store.write(items), clock.schedule)
    commits.add(entry(log, 'a'))
    await commits.flush()
    expect(log).toEqual(['stored a #1'])
    // The scheduled turn finds nothing left to write.
    clock.turn()
    await commits.idle()
    expect(store.transactions).toEqual([['a']])
  })

  it('items added by an owner while it is told go to the next batch', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const commits = new GroupCommit((items: string[]) => store.write(items), clock.schedule)
    commits.add({
      item: 'a',
      onStored: () => commits.add(entry(log, 'follow-up')),
      onFailed: () => {},
    })
    clock.turn()
    await commits.idle()
    expect(store.transactions).toEqual([['a']])
    clock.turn()
    await commits.idle()
    expect(store.transactions).toEqual([['a'], ['follow-up']])
    expect(log).toEqual(['stored follow-up #2'])
  })

  it('discarded items are neither written nor told', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const commits = new GroupCommit((items: string[]) => store.write(items), clock.schedule)
    commits.add(entry(log, 'board1:a'))
    commits.add(entry(log, 'board2:b'))
    commits.add(entry(log, 'board1:c'))
    expect(commits.discard((item) => item.startsWith('board1:'))).toBe(2)
    clock.turn()
    await commits.idle()
    expect(store.rows).toEqual(['board2:b'])
    expect(log).toEqual(['stored board2:b #1'])
  })

  it('an owner whose callback throws does not keep the others from being told', async () => {
    const clock = manualScheduler()
    const store = fakeStore()
    const log: string[] = []
    const reported: unknown[] = []
    const commits = new GroupCommit(
      (items: string[]) => store.write(items),
      clock.schedule,
      (err) => reported.push(err),
    )
    commits.add({
      item: 'a',
      onStored: () => {
        throw new Error('boom')
      },
      onFailed: () => {},
    })
    commits.add(entry(log, 'b'))
    clock.turn()
    await commits.idle()
    expect(log).toEqual(['stored b #2'])
    expect(reported).toHaveLength(1)
  })

  it('a store that answers the wrong number of sequence numbers fails the batch', async () => {
    const clock = manualScheduler()
    const log: string[] = []
    const commits = new GroupCommit(() => [1], clock.schedule)
    commits.add(entry(log, 'a'))
    commits.add(entry(log, 'b'))
    clock.turn()
    await commits.idle()
    expect(log).toEqual([
      'failed a: storage answered the wrong count',
      'failed b: storage answered the wrong count',
    ])
  })
})
