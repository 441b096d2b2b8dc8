import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canvasRoots, putCard, textValue } from '../../shared/schema/index.ts'
import { exportBoard } from '../../shared/export/index.ts'
import { connectClient, connectSynced, type Client } from '../helpers/clients.ts'
import { killHard, startServerProcess } from '../helpers/child.ts'
import { createBoard, startServer, tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})
const track = (c: Client) => {
  cleanup.push(() => c.destroy())
  return c
}
const problems = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes
const addCards = (doc: Y.Doc, prefix: string, n: number) => {
  for (let i = 0; i < n; i++)
    doc.transact(() =>
      putCard(doc, 'problems', `${prefix}${i}`, {
        kind: 'problem',
        label: `card ${i}`,
        x: i,
        y: 0,
        role: 'cause',
      }),
    )
}

describe('durability', () => {
  it('edits survive kill -9 of the server', async () => {
    const data = tempDataDir()
    cleanup.push(() => data.remove())
    const first = await startServerProcess(data.dir)
    cleanup.push(() => killHard(first.child))
    const board = await createBoard(first.url)
    const writer = track(await connectSynced(first.url, board.id, board.keys.participant))
    const watcher = track(await connectSynced(first.url, board.id, board.keys.viewer))

    addCards(writer.doc, 'k', 300)
    problems(writer.doc).get('k7')!.set('label', 'rinominata')
    await waitFor(
      () =>
        problems(watcher.doc).size === 300 &&
        textValue(problems(watcher.doc).get('k7')?.get('label')) === 'rinominata',
      'watcher saw the burst',
    )
    await killHard(first.child)
    writer.provider.disconnect()
    watcher.provider.disconnect()

    const second = await startServerProcess(data.dir)
    cleanup.push(() => killHard(second.child))
    const reader = track(await connectSynced(second.url, board.id, board.keys.facilitator))
    expect(problems(reader.doc).size).toBe(300)
    expect(textValue(problems(reader.doc).get('k7')?.get('label'))).toBe('rinominata')
    expect(exportBoard(reader.doc, 'now')).toEqual(exportBoard(watcher.doc, 'now'))
  })

  it('compaction keeps the document identical and empties the log', async () => {
    const server = await startServer({ limits: { compactAfterUpdates: 50 } })
    cleanup.push(() => server.close())
    const board = await createBoard(server.url)
    const writer = track(await connectSynced(server.url, board.id, board.keys.participant))
    addCards(writer.doc, 'c', 230)
    for (let i = 0; i < 40; i++) problems(writer.doc).get(`c${i}`)!.delete('label')
    await waitFor(async () => {
      const room = await server.registry.acquire(board.id)
      return problems(room.doc).size === 230 && !problems(room.doc).get('c39')!.has('label')
    }, 'server has every update')
    await waitFor(async () => (await server.store.logStats(board.id)).count < 50, 'log compacted')

    const live = exportBoard((await server.registry.acquire(board.id)).doc, 'now')
    const stored = await server.store.loadDocument(board.id)
    const fromStorage = new Y.Doc()
    Y.applyUpdate(fromStorage, Y.mergeUpdates([stored.snapshot!, ...stored.updates]))
    expect(exportBoard(fromStorage, 'now')).toEqual(live)
    expect(exportBoard(writer.doc, 'now')).toEqual(live)
  })

  it('an idle board is unloaded and reloads intact', async () => {
    const server = await startServer({ limits: { unloadDelayMs: 20 } })
    cleanup.push(() => server.close())
    const board = await createBoard(server.url)
    const writer = track(await connectSynced(server.url, board.id, board.keys.participant))
    addCards(writer.doc, 'u', 25)
    await waitFor(
      async () => problems((await server.registry.acquire(board.id)).doc).size === 25,
      'server has the cards',
    )
    const before = exportBoard(writer.doc, 'now')
    writer.destroy()
    await waitFor(() => !server.registry.isLoaded(board.id), 'board unloaded')
    expect((await server.store.logStats(board.id)).count).toBe(0)

    const reader = track(await connectSynced(server.url, board.id, board.keys.viewer))
    expect(exportBoard(reader.doc, 'now')).toEqual(before)
  })

  it('a reconnect racing the unload is served the whole board', async () => {
    const server = await startServer({ limits: { unloadDelayMs: 0 } })
    cleanup.push(() => server.close())
    const board = await createBoard(server.url)
    for (let round = 0; round < 15; round++) {
      const a = connectClient(server.url, board.id, board.keys.participant)
      await waitFor(() => a.provider.synced, 'synced')
      addCards(a.doc, `r${round}-`, 3)
      // the next client connects while the previous one leaves and the room unloads
      const b = track(connectClient(server.url, board.id, board.keys.participant))
      await waitFor(
        () => a.provider.wsconnected && problems(a.doc).size === (round + 1) * 3,
        'a has its cards',
      )
      a.destroy()
      await waitFor(
        () => b.provider.synced && problems(b.doc).size === (round + 1) * 3,
        `round ${round}: b sees every card`,
      )
      b.destroy()
    }
    const last = track(await connectSynced(server.url, board.id, board.keys.viewer))
    expect(problems(last.doc).size).toBe(45)
  })
})
