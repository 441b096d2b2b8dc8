import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCard, cardIds, cards, clusterSuite } from '../helpers/cluster.ts'
import type { Client } from '../helpers/clients.ts'
import type { NewBoardAnswer } from '../../server/http/routes.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = clusterSuite()

/** JSON with every object's keys sorted: two equal documents give the same text. */
const canonical = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      )
    : Array.isArray(value)
      ? value.map(canonical)
      : value

/** Everything a client holds of the board's problem canvas, comparable across clients. */
const content = (doc: Y.Doc) => JSON.stringify(canonical(cards(doc).toJSON()))

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, body: (await res.json()) as { status: string } }
}

describe('a Redis outage under two instances', () => {
  it('edits made on both sides while Redis is down reach everyone once it is back, nothing lost', async () => {
    const db = await suite.database()
    // compaction asks Redis for its lease: frequent compactions meet the outage too
    const limits = { compactAfterUpdates: 20, unloadDelayMs: 100 }
    const a = await suite.instance(db, { limits })
    const b = await suite.instance(db, { limits })
    const board = await createBoard(a.url)
    const writerOnA = await suite.client(a.url, board.id, board.keys.participant)
    const watcherOnA = await suite.client(a.url, board.id, board.keys.viewer)
    const writerOnB = await suite.client(b.url, board.id, board.keys.participant)
    const watcherOnB = await suite.client(b.url, board.id, board.keys.viewer)
    const all: Client[] = [writerOnA, watcherOnA, writerOnB, watcherOnB]
    const written = new Set<string>()
    const write = (w: Client, id: string) => {
      addCard(w.doc, id)
      written.add(id)
    }
    const everyoneHoldsAll = () =>
      all.every((c) => cards(c.doc).size === written.size) &&
      all.every((c) => content(c.doc) === content(writerOnA.doc))

    // before: edits cross through Redis
    for (let i = 0; i < 10; i++) {
      write(writerOnA, `before-a${i}`)
      write(writerOnB, `before-b${i}`)
    }
    await waitFor(everyoneHoldsAll, 'the first edits crossed')

    await suite.redis.stop(true)
    // during: both sides keep editing, new cards and the same cards from both sides
    for (let i = 0; i < 40; i++) {
      write(writerOnA, `during-a${i}`)
      write(writerOnB, `during-b${i}`)
      cards(writerOnA.doc).get('before-a1')!.set('x', i)
      cards(writerOnB.doc).get('before-a1')!.set('y', i)
      cards(writerOnB.doc)
        .get(`before-b${i % 10}`)!
        .set('label', `B ${i}`)
      cards(writerOnA.doc)
        .get(`before-b${i % 10}`)!
        .set('label', `A ${i}`)
      await new Promise((r) => setTimeout(r, 25))
    }
    // each instance went on storing and serving its own clients
    await waitFor(
      () => cardIds(watcherOnA.doc).filter((id) => id.startsWith('during-a')).length === 40,
      "A's watcher sees A's edits during the outage",
    )
    await waitFor(
      () => cardIds(watcherOnB.doc).filter((id) => id.startsWith('during-b')).length === 40,
      "B's watcher sees B's edits during the outage",
    )
    for (const s of [a, b]) expect((await health(s.url)).body.status).toBe('ok')

    // a board created during the outage, opened on both instances, left and opened again on A
    // (it must answer while Redis is down: each instance counts board creations on its own)
    const created = await fetch(`${b.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Nata durante il guasto' }),
      signal: AbortSignal.timeout(10_000),
    })
    expect(created.status).toBe(201)
    const fresh = (await created.json()) as NewBoardAnswer
    const key = fresh.keys.participant
    const leaving = await suite.client(a.url, fresh.id, key)
    const newOnB = await suite.client(b.url, fresh.id, key)
    addCard(leaving.doc, 'new-a')
    addCard(newOnB.doc, 'new-b')
    // relayed by A, so stored: then everyone on A leaves
    const peek = await suite.client(a.url, fresh.id, fresh.keys.viewer)
    await waitFor(() => cards(peek.doc).has('new-a'), "A's card of the new board relayed")
    leaving.provider.destroy()
    peek.provider.destroy()
    await waitFor(() => !a.registry.isLoaded(fresh.id), 'A unloaded the new board')
    const newOnA = await suite.client(a.url, fresh.id, key)
    await waitFor(() => cards(newOnA.doc).has('new-a'), 'A serves what it stored before unloading')
    const bothNew = () => [newOnA, newOnB].every((c) => cardIds(c.doc).join() === 'new-a,new-b')

    await suite.redis.restart()
    await waitFor(everyoneHoldsAll, 'every client holds every edit after the outage', 30_000)
    await waitFor(bothNew, 'the new board converged on both instances', 15_000)

    // after: the relay works again, both ways
    write(writerOnA, 'after-a')
    write(writerOnB, 'after-b')
    await waitFor(everyoneHoldsAll, 'edits cross again', 15_000)

    expect(cardIds(writerOnA.doc)).toEqual([...written].sort())
    const vector = (c: Client) => Y.decodeStateVector(Y.encodeStateVector(c.doc))
    for (const c of all) expect(vector(c)).toEqual(vector(writerOnA))
    for (const s of [a, b]) {
      const { status, body } = await health(s.url)
      expect(status).toBe(200)
      expect(body.status).toBe('ok')
      // a newcomer on either instance gets the same board
      const newcomer = await suite.client(s.url, board.id, board.keys.viewer)
      expect(content(newcomer.doc)).toBe(content(writerOnA.doc))
    }
  }, 90_000)
})
