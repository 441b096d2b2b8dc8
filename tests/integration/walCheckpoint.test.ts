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
        keyHashes: {
          facilitator: Buffer.alloc(32),
          participant: Buffer.alloc(32),
          viewer: Buffer.alloc(32),
        },
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
})
