import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import type { BoardStore } from '../../server/storage/types.ts'
import { addCard, cardIds, cards, clusterSuite } from '../helpers/cluster.ts'
import { connectClient } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = clusterSuite()

/** The cards a board's stored snapshot and log hold together. */
async function storedCards(store: BoardStore, id: string): Promise<string[]> {
  const stored = await store.loadDocument(id)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return cardIds(doc)
}

describe('several instances sharing Redis and PostgreSQL', () => {
  it('stock clients on different instances converge on the same board', async () => {
    const db = await suite.database()
    const [a, b] = [await suite.instance(db), await suite.instance(db)]
    const board = await createBoard(a.url)
    const onA = await suite.client(a.url, board.id, board.keys.participant)
    const onB = await suite.client(b.url, board.id, board.keys.participant)
    for (let i = 0; i < 20; i++) {
      addCard(onA.doc, `a${i}`)
      addCard(onB.doc, `b${i}`)
    }
    await waitFor(
      () => cards(onA.doc).size === 40 && cards(onB.doc).size === 40,
      'both clients hold all 40 cards',
    )
    // the same edit made on both sides at once: one value wins, the same on both
    cards(onA.doc).get('a1')!.set('x', 1)
    cards(onB.doc).get('a1')!.set('x', 2)
    await waitFor(
      () => cards(onA.doc).get('a1')!.get('x') === cards(onB.doc).get('a1')!.get('x'),
      'one value wins on both instances',
    )
    // both values are on both sides at last (one side may see the winner before the loser)
    const clocks = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort()
    await waitFor(
      () => JSON.stringify(clocks(onA.doc)) === JSON.stringify(clocks(onB.doc)),
      'the same clocks',
    )
    expect(await storedCards(a.store, board.id)).toEqual(cardIds(onA.doc))
  })

  it('presence crosses instances, and leaves with its client', async () => {
    const db = await suite.database()
    const [a, b] = [await suite.instance(db), await suite.instance(db)]
    const board = await createBoard(a.url)
    const anna = await suite.client(a.url, board.id, board.keys.participant)
    const bruno = await suite.client(b.url, board.id, board.keys.participant)
    const annaId = anna.doc.clientID
    anna.provider.awareness.setLocalState({
      cursor: { canvas: 'problems', x: 10, y: 20 },
      editing: null,
      drag: null,
      tab: 'problems',
      role: 'participant',
      user: { name: 'Anna', color: '#d94f3d' },
    })
    const annaAsSeenByBruno = () =>
      bruno.provider.awareness.getStates().get(annaId) as { user?: { name?: string } } | undefined
    await waitFor(() => annaAsSeenByBruno()?.user?.name === 'Anna', "Anna's presence on B")
    // a client of B cannot speak for a client of A
    const hijack = connectClient(b.url, board.id, board.keys.participant)
    suite.later(() => hijack.destroy())
    await waitFor(() => hijack.provider.synced, 'hijacker synced')
    await waitFor(() => hijack.provider.awareness.getStates().has(annaId), 'hijacker sees Anna')
    // it claims Anna's id with a newer clock: refused on B, never relayed to A
    const impostor = new Awareness(Object.assign(new Y.Doc(), { clientID: annaId }))
    for (let i = 0; i < 20; i++)
      impostor.setLocalState({ user: { name: 'Impostore', color: '#000' } })
    const frame = encoding.createEncoder()
    encoding.writeVarUint(frame, 1) // awareness
    encoding.writeVarUint8Array(frame, encodeAwarenessUpdate(impostor, [annaId]))
    hijack.provider.ws!.send(encoding.toUint8Array(frame))
    anna.provider.awareness.setLocalStateField('cursor', { canvas: 'problems', x: 11, y: 21 })
    await waitFor(
      () => (annaAsSeenByBruno() as { cursor?: { x: number } })?.cursor?.x === 11,
      'the move crosses',
    )
    expect(annaAsSeenByBruno()?.user?.name).toBe('Anna')
    const annaSeenByHerself = anna.provider.awareness.getStates().get(annaId) as {
      user: { name: string }
    }
    expect(annaSeenByHerself.user.name).toBe('Anna')
    anna.provider.destroy()
    await waitFor(() => !bruno.provider.awareness.getStates().has(annaId), 'Anna gone on B')
  })

  it('a viewer on one instance cannot write through the other', async () => {
    const db = await suite.database()
    const [a, b] = [await suite.instance(db), await suite.instance(db)]
    const board = await createBoard(a.url)
    const writer = await suite.client(a.url, board.id, board.keys.participant)
    const viewer = await suite.client(b.url, board.id, board.keys.viewer)
    addCard(viewer.doc, 'from-viewer')
    addCard(writer.doc, 'from-writer')
    await waitFor(() => cards(viewer.doc).has('from-writer'), 'the viewer sees the writer')
    // what the viewer sent after its card has arrived on both instances; its card on neither
    addCard(writer.doc, 'marker')
    await waitFor(() => cards(viewer.doc).has('marker'), 'marker relayed')
    const late = await suite.client(b.url, board.id, board.keys.viewer)
    expect(cardIds(writer.doc)).toEqual(['from-writer', 'marker'])
    expect(cardIds(late.doc)).toEqual(['from-writer', 'marker'])
    expect(await storedCards(a.store, board.id)).toEqual(['from-writer', 'marker'])
  })

  it('only one instance compacts a board at a time', async () => {
    const db = await suite.database()
    const compactions: { by: string; start: number; end: number }[] = []
    const observed = (by: string) => (store: BoardStore) => ({
      ...store,
      compact: async (id: string, request: Parameters<BoardStore['compact']>[1]) => {
        const start = performance.now()
        try {
          return await store.compact(id, request)
        } finally {
          compactions.push({ by, start, end: performance.now() })
        }
      },
    })
    const limits = { compactAfterUpdates: 15 }
    const a = await suite.instance(db, { limits, wrapStore: observed('a') })
    const b = await suite.instance(db, { limits, wrapStore: observed('b') })
    const board = await createBoard(a.url)
    const onA = await suite.client(a.url, board.id, board.keys.participant)
    const onB = await suite.client(b.url, board.id, board.keys.participant)
    // rounds of edits on both instances until the board has been compacted a few times
    let round = 0
    while (compactions.length < 3 && round < 40) {
      const before = compactions.length
      for (let i = 0; i < 10; i++) {
        addCard(onA.doc, `a${round}-${i}`)
        addCard(onB.doc, `b${round}-${i}`)
      }
      round += 1
      await waitFor(
        () => cards(onA.doc).size === round * 20 && cards(onB.doc).size === round * 20,
        'a round crossed',
      )
      await waitFor(() => compactions.length > before, 'a compaction', 15_000).catch(() => {})
    }
    expect(compactions.length).toBeGreaterThanOrEqual(3)
    const sorted = [...compactions].sort((x, y) => x.start - y.start)
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.start, 'no two compactions overlap').toBeGreaterThanOrEqual(
        sorted[i - 1]!.end,
      )
    // the lease holder did them all, while the other kept serving
    const holder = a.cluster!.leases.holds(board.id) ? 'a' : 'b'
    expect(b.cluster!.leases.holds(board.id)).toBe(holder === 'b')
    expect(new Set(compactions.map((c) => c.by))).toEqual(new Set([holder]))
    expect(await storedCards(a.store, board.id)).toEqual(cardIds(onA.doc))
  }, 60_000)

  it('a board unloaded on one instance while the other still serves it stays whole', async () => {
    const db = await suite.database()
    const a = await suite.instance(db, { limits: { unloadDelayMs: 50 } })
    const b = await suite.instance(db)
    const board = await createBoard(a.url)
    const onA = await suite.client(a.url, board.id, board.keys.participant)
    const onB = await suite.client(b.url, board.id, board.keys.participant)
    for (let i = 0; i < 30; i++) addCard(i % 2 ? onA.doc : onB.doc, `c${i}`)
    await waitFor(() => cards(onA.doc).size === 30, 'A has every card')
    // A's only client leaves: A compacts (it holds the lease, having loaded first) and unloads
    // while B's client keeps writing
    onA.provider.destroy()
    let n = 30
    const writing = setInterval(() => addCard(onB.doc, `c${n++}`), 5)
    suite.later(() => clearInterval(writing))
    await waitFor(() => !a.registry.isLoaded(board.id), 'A unloaded the board')
    await waitFor(() => n > 60, 'B kept writing')
    clearInterval(writing)
    // loaded again on A: everything, both what A compacted and what B wrote meanwhile
    const again = await suite.client(a.url, board.id, board.keys.viewer)
    await waitFor(() => cards(again.doc).size === n, 'A serves every card again', 15_000)
    expect(cardIds(again.doc)).toEqual(cardIds(onB.doc))
    expect(await storedCards(b.store, board.id)).toEqual(cardIds(onB.doc))
  })

  it('the board-creation limit is shared by the instances', async () => {
    const db = await suite.database()
    // a prefix of its own: no other test's boards count
    const redisPrefix = `limit${Date.now()}`
    const a = await suite.instance(db, { boardsPerMinute: 3, redisPrefix })
    const b = await suite.instance(db, { boardsPerMinute: 3, redisPrefix })
    const post = (url: string) =>
      fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Limite' }),
      }).then((r) => r.status)
    expect([await post(a.url), await post(b.url), await post(a.url)]).toEqual([201, 201, 201])
    expect(await post(b.url)).toBe(429)
    expect(await post(a.url)).toBe(429)
  })
})
