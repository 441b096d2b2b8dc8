import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteStore } from '../../server/storage/sqlite.ts'
import { tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

const keyHashes = {
  facilitator: Buffer.alloc(32),
  participant: Buffer.alloc(32),
  viewer: Buffer.alloc(32),
}

describe('WAL checkpoints', () => {
  it('run on the worker thread: the database file takes in what commits appended to the WAL', async () => {
    const data = tempDataDir()
    cleanup.push(() => data.remove())
    const store = openSqliteStore(data.dir)
    cleanup.push(() => store.close())
    const file = join(data.dir, 'trama.sqlite')
    await store.createBoard(
      {
        id: 'b1',
        title: 'WAL',
        createdAt: new Date(0).toISOString(),
        keyHashes,
      },
      new Uint8Array([0, 0]),
    )
    const doc = new Y.Doc()
    const update = (i: number) => {
      const sv = Y.encodeStateVector(doc)
      doc.getMap('m').set(`k${i}`, 'x'.repeat(200))
      return Y.encodeStateAsUpdate(doc, sv)
    }
    const before = statSync(file).size
    for (let batch = 0; batch < 50; batch++)
      await store.appendUpdates(
        Array.from({ length: 40 }, (_, i) => ({ boardId: 'b1', update: update(batch * 40 + i) })),
      )
    // Automatic checkpoints are off on the main connection: only the worker grows the file.
    await waitFor(() => statSync(file).size > before + 200 * 2000, 'a checkpoint ran', 10_000)
    expect((await store.loadDocument('b1')).updates).toHaveLength(2000)
  })

  it('under commits that never pause, the WAL starts over instead of growing without end', async () => {
    const data = tempDataDir()
    cleanup.push(() => data.remove())
    // a PASSIVE checkpoint alone never lets it start over while commits keep coming
    const store = openSqliteStore(data.dir, { walRestartFrames: 200, checkpointIntervalMs: 20 })
    cleanup.push(() => store.close())
    const boards = ['b1', 'b2', 'b3']
    for (const id of boards)
      await store.createBoard(
        { id, title: id, createdAt: new Date(0).toISOString(), keyHashes },
        new Uint8Array([0, 0]),
      )
    const update = new Uint8Array(80).fill(7) // bytes only: the log's count is what is read
    // back to back, with a turn of the event loop between commits as a busy server has
    const commits = 39_000
    for (let i = 0; i < commits; i++) {
      await store.appendUpdates([
        { boardId: boards[i % 3]!, update },
        { boardId: boards[(i + 1) % 3]!, update },
      ])
      await new Promise((r) => setImmediate(r))
    }
    // Each commit appends three or four pages of 4 KB here: without a restart the WAL held
    // 530 MB (walRestartFrames set out of reach). With it, what a few checkpoint intervals of
    // commits append: ~30 MB on a calm machine, 91 and 134 MB while browser tests ran beside it
    // on two cores (the worker's turns came late). The bound, one page per commit (160 MB), is
    // under a third of a WAL that never starts over.
    const walBytes = statSync(join(data.dir, 'trama.sqlite-wal')).size
    expect(walBytes).toBeLessThan(commits * 4096)
    for (const id of boards) expect((await store.logStats(id)).count).toBe(26_000)
  })
})
