import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  SCHEMA_VERSION,
  canvasRoots,
  docSchemaVersion,
  metaRoot,
  parsePreview,
  putCard,
  textValue,
} from '../../shared/schema/index.ts'
import { connectClient, connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { SlicedLoad } from '../../server/sync/slicedLoad.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})
const track = (c: Client) => {
  cleanup.push(() => c.destroy())
  return c
}
const problems = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes
/** 400 cards: a snapshot of about 70 KB, large enough to load in slices. */
const CARDS = 400
const addCards = (doc: Y.Doc, n: number) => {
  for (let i = 0; i < n; i++)
    doc.transact(() =>
      putCard(doc, 'problems', `k${i}`, {
        kind: 'problem',
        label: `scheda numero ${i} 🌍`,
        x: i,
        y: 0,
        role: 'cause',
      }),
    )
}

/** A server holding a board of CARDS cards stored as one snapshot, unloaded. */
async function storedLargeBoard() {
  const server = await startServer({ limits: { unloadDelayMs: 20 } })
  cleanup.push(() => server.close())
  const board = await createBoard(server.url)
  const writer = connectClient(server.url, board.id, board.keys.participant)
  addCards(writer.doc, CARDS)
  await waitFor(
    async () => problems((await server.registry.acquire(board.id)).doc).size === CARDS,
    'server has the cards',
  )
  writer.destroy()
  await waitFor(() => !server.registry.isLoaded(board.id), 'board unloaded')
  return { server, board }
}

describe('sliced load', () => {
  it('a large board is served while it loads in slices, and whoever reads it gets it whole', async () => {
    const { server, board } = await storedLargeBoard()
    expect((await server.store.logStats(board.id)).count).toBe(0)

    // loaded again: served while its slices are applied
    const room = await server.registry.acquire(board.id)
    expect(room.loadingInSlices).toBe(true)
    const viewer = track(connectClient(server.url, board.id, board.keys.viewer))
    const second = track(connectClient(server.url, board.id, board.keys.participant))
    await waitFor(() => problems(viewer.doc).size === CARDS, 'viewer has every card')
    await waitFor(() => problems(second.doc).size === CARDS, 'writer has every card')
    problems(second.doc).get('k7')!.set('x', 777)
    await waitFor(() => problems(viewer.doc).get('k7')?.get('x') === 777, 'edit relayed')
    const exported = (await exportJson(server.url, board.id, board.keys.viewer)) as {
      canvases: { problems: { nodes: { id: string; x: number }[] } }
    }
    const cards = exported.canvases.problems.nodes
    expect(cards).toHaveLength(CARDS)
    expect(cards.find((c) => c.id === 'k7')?.x).toBe(777)
    viewer.destroy()
    second.destroy()
    await waitFor(() => !server.registry.isLoaded(board.id), 'board unloaded again')

    // read on the server before the slices are in: the rest is applied at once
    const again = await server.registry.acquire(board.id)
    expect(again.loadingInSlices).toBe(true)
    expect(problems(again.doc).size).toBe(CARDS)
    expect(again.loadingInSlices).toBe(false)
    expect(problems(again.doc).get('k7')?.get('x')).toBe(777)
    expect(textValue(problems(again.doc).get('k3')?.get('label'))).toBe('scheda numero 3 🌍')
  })

  it("a page's preview of a board loading in slices waits for its pieces, and does not apply them all at once", async () => {
    const { server, board } = await storedLargeBoard()

    // completing a board at once held the event loop (80–280 ms at 2,000 cards): the page's
    // own files and every other board waited
    const finish = vi.spyOn(SlicedLoad.prototype, 'finish')
    cleanup.push(() => finish.mockRestore())
    const room = await server.registry.acquire(board.id)
    expect(room.loadingInSlices).toBe(true)
    const res = await fetch(
      `${server.url}/api/boards/${board.id}/preview?key=${board.keys.participant}`,
    )
    expect(res.status).toBe(200)
    const preview = parsePreview(await res.json())
    expect(preview?.collections['problems.nodes']).toHaveLength(CARDS)
    expect(room.loadingInSlices).toBe(false)
    expect(finish).not.toHaveBeenCalled()
  })

  it('a large board stored at an older schema version is migrated before anyone is served it', async () => {
    const server = await startServer()
    cleanup.push(() => server.close())
    const board = await createBoard(server.url)
    const old = new Y.Doc()
    old.transact(() => {
      const meta = metaRoot(old)
      meta.set('title', 'Vecchia')
      meta.set('phase', 'problems')
      meta.set('createdAt', new Date(0).toISOString())
      meta.set('schemaVersion', SCHEMA_VERSION - 1)
    })
    addCards(old, CARDS)
    await server.store.compact(board.id, {
      snapshot: Y.encodeStateAsUpdate(old),
      seqs: [],
      generation: 0,
    })

    // not handed out before it is whole and migrated (a sliced load would be, at once)
    const room = await server.registry.acquire(board.id)
    expect(room.loadingInSlices).toBe(false)
    expect(docSchemaVersion(room.doc)).toBe(SCHEMA_VERSION)
    const client = new Y.Doc()
    const seen: unknown[] = []
    metaRoot(client).observe(() => seen.push(metaRoot(client).get('schemaVersion')))
    const reader = track(connectClient(server.url, board.id, board.keys.viewer, client))
    await waitFor(() => problems(reader.doc).size === CARDS, 'reader has every card')
    await waitFor(() => reader.provider.synced, 'reader synced')
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((v) => v === SCHEMA_VERSION)).toBe(true)
  })
})
