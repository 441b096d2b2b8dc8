import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/protocol.ts'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import type { Scheduler } from '../../server/storage/groupCommit.ts'
import type { BoardStore } from '../../server/storage/types.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})
async function client(url: string, id: string, key: string): Promise<Client> {
  const c = await connectSynced(url, id, key)
  cleanup.push(() => c.destroy())
  return c
}
const nodes = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes
const addCard = (doc: Y.Doc, id: string) =>
  doc.transact(() =>
    putCard(doc, 'problems', id, { kind: 'problem', label: id, x: 0, y: 0, role: 'cause' }),
  )

/**
 * The group commit's turn, held by the test: batches close only when `turn()` is called (or,
 * after `release()`, at the end of every event-loop turn as in production).
 */
function heldTurns(): { scheduler: Scheduler; turn(): void; release(): void } {
  let held = true
  let queued: (() => void)[] = []
  const turn = () => {
    const run = queued
    queued = []
    for (const fn of run) fn()
  }
  return {
    scheduler: (fn) => {
      if (held) queued.push(fn)
      else setImmediate(fn)
    },
    turn,
    release() {
      held = false
      turn()
    },
  }
}

/** Store writes per board, through the wrapper the server accepts for tests. */
function countingStore(store: BoardStore, writes: Map<string, number>): BoardStore {
  const note = (id: string) => writes.set(id, (writes.get(id) ?? 0) + 1)
  return {
    ...store,
    appendUpdates: (items) => (items.forEach((i) => note(i.boardId)), store.appendUpdates(items)),
    compact: (id, request) => (note(id), store.compact(id, request)),
  }
}

/** A server whose group commits the test closes, a board, a writer and a watcher on it. */
async function heldBoard() {
  const turns = heldTurns()
  const s = await startServer({ storage: { scheduler: turns.scheduler } })
  cleanup.push(() => s.close())
  const board = await createBoard(s.url)
  const writer = await client(s.url, board.id, board.keys.participant)
  const watcher = await client(s.url, board.id, board.keys.viewer)
  return { turns, s, board, writer, watcher }
}

describe('storage batches', () => {
  it('a storage failure in the middle of a batch closes its boards and relays nothing of it', async () => {
    const turns = heldTurns()
    let failSecondAppend = false
    const s = await startServer({
      storage: { scheduler: turns.scheduler },
      wrapStore: (store: BoardStore) => ({
        ...store,
        // The second row of the batch names no board: the database refuses it mid-transaction.
        appendUpdates: (items) =>
          store.appendUpdates(
            failSecondAppend && items.length > 1
              ? items.map((item, i) => (i === 1 ? { ...item, boardId: 'no-such-board' } : item))
              : items,
          ),
      }),
    })
    cleanup.push(() => s.close())
    const [x, y] = [await createBoard(s.url), await createBoard(s.url)]
    const writerX = await client(s.url, x.id, x.keys.participant)
    const writerY = await client(s.url, y.id, y.keys.participant)
    const watchers = [
      await client(s.url, x.id, x.keys.viewer),
      await client(s.url, y.id, y.keys.viewer),
    ]
    // Everything a watcher is sent, and the close codes it gets.
    const seen = watchers.map((w) => {
      const record = { cards: new Set<string>(), closes: [] as number[] }
      nodes(w.doc).observe((e) => e.keysChanged.forEach((k) => record.cards.add(k)))
      w.provider.on('connection-close', (e: CloseEvent | null) => e && record.closes.push(e.code))
      return record
    })

    failSecondAppend = true
    addCard(writerX.doc, 'x1')
    addCard(writerY.doc, 'y1')
    addCard(writerX.doc, 'x2')
    await waitFor(() => s.registry.commits.pending === 3, 'the three updates wait in one batch')

    // Before the commit, a fresh client's sync is answered without the batch.
    const late = await client(s.url, x.id, x.keys.viewer)
    expect(nodes(late.doc).size).toBe(0)

    turns.turn()

    await s.registry.commits.idle()
    // The failure closed both boards of the batch at once: they are no longer loaded.
    expect(s.registry.isLoaded(x.id)).toBe(false)
    expect(s.registry.isLoaded(y.id)).toBe(false)
    await waitFor(
      () => seen.every((r) => r.closes.includes(CLOSE.STORAGE_FAILED.code)),
      'watchers told the boards closed',
    )
    expect(seen.map((r) => [...r.cards])).toEqual([[], []])
    expect(nodes(late.doc).size).toBe(0)
    for (const id of [x.id, y.id]) expect((await s.store.loadDocument(id)).updates).toEqual([])

    // Storage recovers: the writers resend on reconnect, and every card reaches everyone.
    failSecondAppend = false
    turns.release()
    await waitFor(
      () =>
        nodes(watchers[0]!.doc).has('x1') &&
        nodes(watchers[0]!.doc).has('x2') &&
        nodes(watchers[1]!.doc).has('y1'),
      'the edits arrive once storage works',
      20_000,
    )
    const stored = new Y.Doc()
    const fromLog = await s.store.loadDocument(x.id)
    Y.applyUpdate(stored, Y.mergeUpdates([fromLog.snapshot!, ...fromLog.updates]))
    expect([...nodes(stored).keys()].sort()).toEqual(['x1', 'x2'])
  })

  it('updates of one turn from several boards are stored in one transaction', async () => {
    const turns = heldTurns()
    let transactions = 0
    const s = await startServer({
      storage: { scheduler: turns.scheduler },
      wrapStore: (store: BoardStore) => ({
        ...store,
        appendUpdates: (items) => (transactions++, store.appendUpdates(items)),
      }),
    })
    cleanup.push(() => s.close())
    const boards = [await createBoard(s.url), await createBoard(s.url), await createBoard(s.url)]
    const writers = await Promise.all(boards.map((b) => client(s.url, b.id, b.keys.participant)))
    const watcher = await client(s.url, boards[2]!.id, boards[2]!.keys.viewer)
    writers.forEach((w, i) => addCard(w.doc, `card${i}`))
    await waitFor(() => s.registry.commits.pending === 3, 'one update per board queued')
    expect(nodes(watcher.doc).size).toBe(0)
    turns.turn()
    await s.registry.commits.idle()
    expect(transactions).toBe(1)
    for (const b of boards) expect((await s.store.loadDocument(b.id)).updates).toHaveLength(1)
    await waitFor(() => nodes(watcher.doc).has('card2'), 'relayed after the commit')
    turns.release()
  })

  it('unloading a board nobody changed writes nothing', async () => {
    const writes = new Map<string, number>()
    const s = await startServer({
      limits: { unloadDelayMs: 20 },
      wrapStore: (store: BoardStore) => countingStore(store, writes),
    })
    cleanup.push(() => s.close())
    const board = await createBoard(s.url)
    const touched = await createBoard(s.url)

    // People open the board, look, show their presence and leave.
    const a = await client(s.url, board.id, board.keys.participant)
    const b = await client(s.url, board.id, board.keys.viewer)
    a.provider.awareness.setLocalStateField('user', { name: 'Anna', color: '#0f766e' })
    await waitFor(() => b.provider.awareness.getStates().size >= 1, 'presence flows')
    a.destroy()
    b.destroy()
    await waitFor(() => !s.registry.isLoaded(board.id), 'untouched board unloaded')
    expect(writes.get(board.id) ?? 0).toBe(0)

    // A changed board is compacted once on unload; reopened and left untouched, no more.
    const w = await client(s.url, touched.id, touched.keys.participant)
    addCard(w.doc, 't1')
    await waitFor(() => writes.get(touched.id) === 1, 'the edit is stored')
    w.destroy()
    await waitFor(() => !s.registry.isLoaded(touched.id), 'changed board unloaded')
    expect(writes.get(touched.id)).toBe(2)
    expect((await s.store.logStats(touched.id)).count).toBe(0)
    const again = await client(s.url, touched.id, touched.keys.participant)
    expect(nodes(again.doc).has('t1')).toBe(true)
    again.destroy()
    await waitFor(() => !s.registry.isLoaded(touched.id), 'reopened board unloaded')
    expect(writes.get(touched.id)).toBe(2)
  })

  it('a board that goes quiet gets a fresh snapshot, so a crash leaves a short log', async () => {
    const s = await startServer({ storage: { snapshotWhenQuietMs: 50 } })
    cleanup.push(() => s.close())
    const board = await createBoard(s.url)
    const w = await client(s.url, board.id, board.keys.participant)
    for (let i = 0; i < 20; i++) addCard(w.doc, `q${i}`)
    // Each card went through the log; once the board is quiet, the snapshot holds all of them
    // and the log is empty.
    await waitFor(async () => {
      const stored = await s.store.loadDocument(board.id)
      if (stored.updates.length) return false
      const doc = new Y.Doc()
      Y.applyUpdate(doc, stored.snapshot!)
      return nodes(doc).size === 20
    }, 'the cards folded into the snapshot, the log empty')
    expect(s.registry.commits.stats.items).toBeGreaterThanOrEqual(20)
  })
  it('across rounds of random storage failures, no client ever receives an update the store does not hold', async () => {
    // mulberry32: the same failures on every run
    let seed = 1234
    const random = () => {
      seed = (seed + 0x6d2b79f5) >>> 0
      let t = seed
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    let chaos = true
    let injected = 0
    const s = await startServer({
      wrapStore: (store: BoardStore) => ({
        ...store,
        appendUpdates: async (items) => {
          if (chaos && items.some(() => random() < 0.15)) {
            injected += 1
            throw new Error('SQLITE_IOERR: disk I/O error')
          }
          return store.appendUpdates(items)
        },
      }),
    })
    cleanup.push(() => s.close())
    const storedVector = async (id: string) => {
      const stored = await s.store.loadDocument(id)
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
      return parts.length
        ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(parts)))
        : new Map<number, number>()
    }
    const boards = [await createBoard(s.url), await createBoard(s.url)]
    let received = 0
    const violations: string[] = []
    const writers: Client[] = []
    const watchers: Client[] = []
    for (const board of boards) {
      for (let w = 0; w < 2; w++)
        writers.push(await client(s.url, board.id, board.keys.participant))
      const watcher = await client(s.url, board.id, board.keys.viewer)
      watchers.push(watcher)
      watcher.doc.on('update', () => {
        received += 1
        // Storage only grows (compaction keeps every clock), so what the store holds now must
        // cover everything this watcher has been sent. (SQLite reads as soon as it is asked.)
        const seen = Y.decodeStateVector(Y.encodeStateVector(watcher.doc))
        void storedVector(board.id).then((stored) => {
          for (const [clientId, clock] of seen)
            if ((stored.get(clientId) ?? 0) < clock)
              violations.push(`board ${board.id}: client ${clientId} clock ${clock} not stored`)
        })
      })
    }
    let n = 0
    const writing = setInterval(() => {
      for (const [i, w] of writers.entries()) addCard(w.doc, `r${i}-${n}`)
      n += 1
    }, 15)
    cleanup.push(() => clearInterval(writing))
    await waitFor(
      () => injected >= 8 && received >= 100,
      'failures injected while edits flow',
      25_000,
    )
    clearInterval(writing)
    chaos = false
    // Once storage works, every card of every writer reaches the watcher of its board.
    await waitFor(
      () =>
        writers.every((w, i) => {
          const watcher = watchers[Math.floor(i / 2)]!
          return [...nodes(w.doc).keys()].every((k) => nodes(watcher.doc).has(k))
        }),
      'every edit arrives once storage works',
      25_000,
    )
    expect(violations).toEqual([])
  })
  it('updates of one turn that build on each other are all accepted (the guard sees the queued ones)', async () => {
    const { turns, s, board, writer, watcher } = await heldBoard()
    const closes: number[] = []
    writer.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code))
    // Three frames that reach the server in one turn: a card, then its label edited, then a
    // second card created and deleted, each depending on the one before.
    addCard(writer.doc, 'a')
    nodes(writer.doc).get('a')!.set('x', 42)
    addCard(writer.doc, 'b')
    nodes(writer.doc).delete('b')
    await waitFor(
      async () =>
        closes.length > 0 ||
        (await s.store.logStats(board.id)).count + s.registry.commits.pending >= 4,
      'the frames arrived',
    )
    turns.release()
    await waitFor(
      async () =>
        closes.length > 0 ||
        (nodes(watcher.doc).get('a')?.get('x') === 42 &&
          nodes(watcher.doc).size === 1 &&
          (await s.store.logStats(board.id)).count >= 4),
      'every update stored and relayed',
    )
    expect(closes).toEqual([])
  })

  it("a writer's updates sent in one go are stored in one batch, not one commit each", async () => {
    const { turns, s, board, writer, watcher } = await heldBoard()
    // a card, then keystroke after keystroke in its label: each builds on the one before
    addCard(writer.doc, 'k')
    const label = nodes(writer.doc).get('k')!.get('label') as Y.Text
    for (const ch of 'Trasporti') label.insert(label.length, ch)
    // all ten wait in the batch of this turn (before, each waited for the one before it)
    await waitFor(() => s.registry.commits.pending === 10, 'the ten updates wait in one batch')
    const batches = s.registry.commits.stats.batches
    turns.turn()
    await s.registry.commits.idle()
    expect(s.registry.commits.stats.batches).toBe(batches + 1)
    await waitFor(
      () => String(nodes(watcher.doc).get('k')?.get('label')) === 'kTrasporti',
      'the label relayed',
    )
  })
})
