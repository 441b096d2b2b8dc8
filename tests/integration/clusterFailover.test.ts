import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { killHard, startServerProcess } from '../helpers/child.ts'
import { connectClient, type Client } from '../helpers/clients.ts'
import { addCard, cardIds, cards, clusterSuite } from '../helpers/cluster.ts'
import { createBoard, tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = clusterSuite()

describe('losing an instance', () => {
  it('kill -9 of one instance loses nothing acknowledged, and its clients converge through the other', async () => {
    const db = await suite.database()
    const data = tempDataDir()
    suite.later(() => data.remove())
    // A runs as its own process, to be killed; B serves on in this one
    const a = await startServerProcess(data.dir, { DATABASE_URL: db, REDIS_URL: suite.redisUrl })
    suite.later(() => killHard(a.child))
    const b = await suite.instance(db)
    const board = await createBoard(b.url)
    const connect = (url: string, key: string, doc?: Y.Doc) => {
      const c = connectClient(url, board.id, key, doc)
      suite.later(() => c.destroy())
      return c
    }
    const writersOnA = [
      connect(a.url, board.keys.participant),
      connect(a.url, board.keys.participant),
    ]
    const writerOnB = connect(b.url, board.keys.participant)
    const watcherOnA = connect(a.url, board.keys.viewer)
    const watcherOnB = connect(b.url, board.keys.viewer)
    const all: Client[] = [...writersOnA, writerOnB, watcherOnA, watcherOnB]
    await waitFor(() => all.every((c) => c.provider.synced), 'everyone synced')

    // everyone writes until A dies, so the kill lands in the middle of batches
    let n = 0
    const writing = setInterval(() => {
      for (const [i, w] of [...writersOnA, writerOnB].entries()) addCard(w.doc, `w${i}-${n}`)
      n += 1
    }, 5)
    suite.later(() => clearInterval(writing))
    await waitFor(
      () => cardIds(watcherOnB.doc).filter((id) => id.startsWith('w0-')).length >= 40,
      "A's edits reach B's watcher",
      20_000,
    )
    await killHard(a.child)
    clearInterval(writing)
    // What a watcher was sent was acknowledged: stored before relayed.
    await waitFor(() => !watcherOnA.provider.wsconnected, "A's watcher cut off")
    watcherOnA.provider.disconnect()
    const acknowledged = new Set([...cardIds(watcherOnA.doc), ...cardIds(watcherOnB.doc)])
    expect(acknowledged.size).toBeGreaterThan(40)

    // A's clients come back through B, with whatever they wrote that A never stored
    for (const w of writersOnA) {
      w.provider.destroy()
      all.push(connect(b.url, board.keys.participant, w.doc))
    }
    const everything = () => new Set([...writersOnA, writerOnB].flatMap((w) => cardIds(w.doc)))
    await waitFor(
      () => {
        const expected = everything()
        return [writerOnB, watcherOnB].every((c) => cards(c.doc).size === expected.size)
      },
      "every card on B's clients",
      20_000,
    )
    const fresh = connect(b.url, board.keys.viewer)
    await waitFor(() => fresh.provider.synced, 'a fresh client synced')
    const onB = new Set(cardIds(fresh.doc))
    expect([...acknowledged].filter((id) => !onB.has(id))).toEqual([])
    expect(cardIds(fresh.doc)).toEqual([...everything()].sort())
    for (const w of writersOnA) expect(cardIds(w.doc)).toEqual(cardIds(fresh.doc))
  }, 90_000)
})
