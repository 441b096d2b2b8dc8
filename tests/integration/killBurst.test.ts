import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { killHard, startServerProcess } from '../helpers/child.ts'
import { createBoard, tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const BOARDS = 5
const WRITERS_PER_BOARD = 4
/** Relayed updates the watchers must have seen before the kill: a burst of thousands. */
const SEEN_BEFORE_KILL = 2_000

// Each stock provider adds a process 'exit' listener.
process.setMaxListeners(BOARDS * (WRITERS_PER_BOARD + 2) + 10)

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})
const track = (c: Client) => {
  cleanup.push(() => c.destroy())
  return c
}
const nodes = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes

describe('kill -9 during a burst', () => {
  it('every update relayed before the kill is there after restart, on every board', async () => {
    const data = tempDataDir()
    cleanup.push(() => data.remove())
    const first = await startServerProcess(data.dir)
    cleanup.push(() => killHard(first.child))
    const boards = []
    for (let b = 0; b < BOARDS; b++) boards.push(await createBoard(first.url, `Burst ${b}`))

    const writers: Client[] = []
    const watchers: Client[] = []
    for (const board of boards) {
      for (let w = 0; w < WRITERS_PER_BOARD; w++)
        writers.push(track(await connectSynced(first.url, board.id, board.keys.participant)))
      watchers.push(track(await connectSynced(first.url, board.id, board.keys.viewer)))
    }
    let relayed = 0
    for (const w of watchers) w.doc.on('update', () => (relayed += 1))

    // Every writer keeps writing (new cards and edits of its own) until the server dies, so
    // the kill lands in the middle of batches.
    let n = 0
    const writing = setInterval(() => {
      for (const [i, w] of writers.entries()) {
        const id = `w${i}-${n}`
        w.doc.transact(() =>
          putCard(w.doc, 'problems', id, {
            kind: 'problem',
            label: `card ${n}`,
            x: n,
            y: i,
            role: 'cause',
          }),
        )
        if (n > 0)
          nodes(w.doc)
            .get(`w${i}-${n - 1}`)
            ?.set('label', `edited ${n}`)
      }
      n += 1
    }, 2)
    cleanup.push(() => clearInterval(writing))
    await waitFor(() => relayed >= SEEN_BEFORE_KILL, 'a burst relayed to the watchers', 30_000)
    await killHard(first.child)
    clearInterval(writing)
    // Whatever reached a watcher, even after the kill signal was sent, was relayed by the
    // server: once the sockets are closed, the watchers hold all of it.
    await waitFor(() => watchers.every((w) => !w.provider.wsconnected), 'watchers disconnected')
    for (const c of [...writers, ...watchers]) c.provider.disconnect()
    const seen = watchers.map((w) => ({
      sv: Y.decodeStateVector(Y.encodeStateVector(w.doc)),
      cards: [...nodes(w.doc).entries()].map(([id, card]) => [id, card.toJSON()] as const),
    }))
    expect(seen.reduce((sum, s) => sum + s.cards.length, 0)).toBeGreaterThan(0)

    const second = await startServerProcess(data.dir)
    cleanup.push(() => killHard(second.child))
    for (const [b, board] of boards.entries()) {
      const reader = track(await connectSynced(second.url, board.id, board.keys.viewer))
      const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc))
      for (const [client, clock] of seen[b]!.sv)
        expect(stored.get(client) ?? 0, `board ${b}, client ${client}`).toBeGreaterThanOrEqual(
          clock,
        )
      for (const [id, card] of seen[b]!.cards) {
        const after = nodes(reader.doc).get(id)
        expect(after, `board ${b}: card ${id}`).toBeDefined()
        // The card may have been edited again after the watcher saw it, never lost or reverted
        // to an older label than the watcher's.
        expect(Number(String(after!.get('label')).split(' ')[1])).toBeGreaterThanOrEqual(
          Number(String(card.label).split(' ')[1]),
        )
      }
    }
  })
})
