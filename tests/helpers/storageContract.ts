import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardRecord, BoardStore } from '../../server/storage/types.ts'

/** A store under test; `reopen` (when the store is durable) closes it and opens it again. */
export interface ContractSubject {
  store: BoardStore
  reopen?: () => Promise<BoardStore>
  close(): Promise<void>
}

let counter = 0
/** A board record with a fresh id (a shared database keeps what other tests created). */
function record(title = 'Patto'): BoardRecord {
  counter += 1
  const id = `c${Date.now().toString(36)}${process.pid}${counter}`.slice(0, 24)
  const hash = (n: number) => Buffer.alloc(32, n)
  return {
    id,
    title,
    createdAt: new Date(0).toISOString(),
    keyHashes: { facilitator: hash(1), participant: hash(2), viewer: hash(3) },
  }
}

/** A document and the updates that build it, one card at a time. */
function writer() {
  const doc = new Y.Doc()
  const cards = doc.getMap<string>('cards')
  return {
    doc,
    state: () => Y.encodeStateAsUpdate(doc),
    add(key: string, value = key): Uint8Array {
      const before = Y.encodeStateVector(doc)
      cards.set(key, value)
      return Y.encodeStateAsUpdate(doc, before)
    },
  }
}

/** The cards a stored board holds: snapshot, then log, applied to a fresh document. */
function cardsOf(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string[] {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return [...doc.getMap('cards').keys()].sort()
}

/**
 * What every storage implementation promises (server/storage/types.ts), run against each:
 * memory, SQLite, PostgreSQL.
 */
export function storageContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`storage contract: ${name}`, () => {
    const withStore = (fn: (s: ContractSubject) => Promise<void>) => async () => {
      const subject = await open()
      try {
        await fn(subject)
      } finally {
        await subject.close()
      }
    }
    /** A durable store (one that can be opened again; others skip) with a new board on it. */
    const withDurableBoard = (
      fn: (
        store: BoardStore,
        reopen: () => Promise<BoardStore>,
        board: BoardRecord,
        w: ReturnType<typeof writer>,
      ) => Promise<void>,
    ) =>
      withStore(async ({ store, reopen }) => {
        if (!reopen) return
        const board = record()
        const w = writer()
        await store.createBoard(board, w.state())
        await fn(store, reopen, board, w)
      })

    it(
      'a new board is found with its hashes and first snapshot, and counted',
      withStore(async ({ store }) => {
        const before = await store.countBoards()
        const board = record('Patto Valle Seriana')
        const w = writer()
        w.add('first')
        await store.createBoard(board, w.state())
        expect(await store.getBoard(board.id)).toEqual(board)
        expect(await store.getBoard('nobody')).toBeUndefined()
        expect(await store.countBoards()).toBe(before + 1)
        const stored = await store.loadDocument(board.id)
        expect(cardsOf(stored)).toEqual(['first'])
        expect(stored).toMatchObject({ updates: [], seqs: [], generation: 0 })
        await expect(store.createBoard(board, w.state())).rejects.toThrow()
      }),
    )

    it(
      'appended updates come back in order with their sequence numbers',
      withStore(async ({ store }) => {
        const [a, b] = [record(), record()]
        await store.createBoard(a, writer().state())
        await store.createBoard(b, writer().state())
        const wa = writer()
        const wb = writer()
        const seqs = await store.appendUpdates([
          { boardId: a.id, update: wa.add('a1') },
          { boardId: b.id, update: wb.add('b1') },
          { boardId: a.id, update: wa.add('a2') },
        ])
        expect(seqs).toHaveLength(3)
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
        expect(new Set(seqs).size).toBe(3)
        const more = await store.appendUpdates([{ boardId: a.id, update: wa.add('a3') }])
        expect(more[0]).toBeGreaterThan(seqs[2]!)
        const stored = await store.loadDocument(a.id)
        expect(stored.seqs).toEqual([seqs[0], seqs[2], more[0]])
        expect(stored.lastSeq).toBe(more[0])
        expect(cardsOf(stored)).toEqual(['a1', 'a2', 'a3'])
        expect(cardsOf(await store.loadDocument(b.id))).toEqual(['b1'])
        const stats = await store.logStats(a.id)
        expect(stats.count).toBe(3)
        expect(stats.bytes).toBe(stored.updates.reduce((n, u) => n + u.byteLength, 0))
        expect(await store.appendUpdates([])).toEqual([])
      }),
    )

    it(
      'a batch that fails stores none of it',
      withStore(async ({ store }) => {
        const board = record()
        await store.createBoard(board, writer().state())
        const w = writer()
        await expect(
          store.appendUpdates([
            { boardId: board.id, update: w.add('kept?') },
            { boardId: 'no-such-board', update: w.add('orphan') },
          ]),
        ).rejects.toThrow()
        expect((await store.loadDocument(board.id)).updates).toEqual([])
        expect(await store.logStats(board.id)).toEqual({ count: 0, bytes: 0 })
      }),
    )

    it(
      'compaction replaces the snapshot and deletes only the rows it was given',
      withStore(async ({ store }) => {
        const board = record()
        const w = writer()
        await store.createBoard(board, w.state())
        const [s1, s2] = await store.appendUpdates([
          { boardId: board.id, update: w.add('one') },
          { boardId: board.id, update: w.add('two') },
        ])
        const stateAfterTwo = w.state()
        // a row the compacting server has not applied yet (another server appended it)
        const late = writer()
        const [s3] = await store.appendUpdates([{ boardId: board.id, update: late.add('late') }])
        const result = await store.compact(board.id, {
          snapshot: stateAfterTwo,
          seqs: [s1!, s2!],
          generation: 0,
        })
        expect(result).toEqual({ generation: 1, replaced: null })
        const stored = await store.loadDocument(board.id)
        expect(stored.seqs).toEqual([s3])
        expect(stored.generation).toBe(1)
        expect(cardsOf(stored)).toEqual(['late', 'one', 'two'])
        expect((await store.logStats(board.id)).count).toBe(1)
      }),
    )

    it(
      'a compaction from an older generation merges the stored snapshot instead of losing it',
      withStore(async ({ store }) => {
        const board = record()
        await store.createBoard(board, writer().state())
        // server A compacts what it wrote
        const a = writer()
        const [sa] = await store.appendUpdates([{ boardId: board.id, update: a.add('from-a') }])
        await store.compact(board.id, { snapshot: a.state(), seqs: [sa!], generation: 0 })
        // server B, loaded at generation 0, never saw A's row; it compacts its own
        const b = writer()
        const [sb] = await store.appendUpdates([{ boardId: board.id, update: b.add('from-b') }])
        const result = await store.compact(board.id, {
          snapshot: b.state(),
          seqs: [sb!],
          generation: 0,
        })
        expect(result.generation).toBe(2)
        expect(result.replaced).not.toBeNull()
        expect(cardsOf({ snapshot: result.replaced, updates: [] })).toEqual(['from-a'])
        const stored = await store.loadDocument(board.id)
        expect(stored.updates).toEqual([])
        expect(cardsOf(stored)).toEqual(['from-a', 'from-b'])
      }),
    )

    it(
      'a verified load moves an unreadable row aside and loads the rest',
      withStore(async ({ store }) => {
        const board = record()
        await store.createBoard(board, writer().state())
        const w = writer()
        const [, bad] = await store.appendUpdates([
          { boardId: board.id, update: w.add('good') },
          { boardId: board.id, update: new Uint8Array([1, 1, 200, 7, 0, 40, 1, 255, 255, 255]) },
        ])
        // optimistic loads return what is stored, as it is
        expect((await store.loadDocument(board.id, { verify: false })).seqs).toContain(bad)
        const stored = await store.loadDocument(board.id)
        expect(stored.seqs).not.toContain(bad)
        expect(cardsOf(stored)).toEqual(['good'])
        expect((await store.loadDocument(board.id, { verify: false })).seqs).not.toContain(bad)
      }),
    )

    it(
      'what is committed is there after the store is opened again',
      withDurableBoard(async (store, reopen, board, w) => {
        const [seq] = await store.appendUpdates([{ boardId: board.id, update: w.add('x') }])
        const again = await reopen()
        const stored = await again.loadDocument(board.id)
        expect(stored.seqs).toEqual([seq])
        expect(cardsOf(stored)).toEqual(['x'])
        expect(await again.getBoard(board.id)).toEqual(board)
      }),
    )

    it(
      'a sequence number is never given twice, even once the newest rows were compacted away and the store opened again',
      withDurableBoard(async (store, reopen, board, w) => {
        const seqs = await store.appendUpdates([
          { boardId: board.id, update: w.add('a') },
          { boardId: board.id, update: w.add('b') },
        ])
        await store.compact(board.id, { snapshot: w.state(), seqs, generation: 0 })
        const again = await reopen()
        const [next] = await again.appendUpdates([{ boardId: board.id, update: w.add('c') }])
        expect(next).toBeGreaterThan(Math.max(...seqs))
        const stored = await again.loadDocument(board.id)
        expect(stored.seqs).toEqual([next])
        expect(cardsOf(stored)).toEqual(['a', 'b', 'c'])
      }),
    )
  })
}
