import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'
import { canvasRoots, putCard, textValue } from '../../shared/schema/index.ts'
import { appendRawLogRow } from '../helpers/rawLog.ts'
import { connectClient, type Client } from '../helpers/clients.ts'
import { createBoard, startServer, tempDataDir } from '../helpers/server.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { waitFor } from '../helpers/wait.ts'

const { server, client, later } = integrationSuite()

const card = (label: string) => ({ kind: 'problem', label, x: 0, y: 0, role: 'cause' })
const labelOf = (doc: Y.Doc, id: string) =>
  textValue(canvasRoots(doc, 'problems').nodes.get(id)?.get('label'))
const label = (doc: Y.Doc, id: string) =>
  canvasRoots(doc, 'problems').nodes.get(id)!.get('label') as Y.Text
const pending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null
function change(doc: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const sv = Y.encodeStateVector(doc)
  doc.transact(() => write(doc))
  return Y.encodeStateAsUpdate(doc, sv)
}

/**
 * A socket speaking the protocol by hand: it sends updates and keeps every sync frame the
 * server sent it (kind 0 a sync step 1, 1 a step 2, 2 an update) with its payload.
 */
function raw(url: string) {
  return new Promise<{
    send(update: Uint8Array): void
    frames: { kind: number; payload: Uint8Array }[]
    closed: number | null
  }>((resolve, reject) => {
    const ws = new WebSocket(url)
    const socket = {
      frames: [] as { kind: number; payload: Uint8Array }[],
      closed: null as number | null,
      send(update: Uint8Array) {
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, 2)
        encoding.writeVarUint8Array(e, update)
        ws.send(encoding.toUint8Array(e))
      },
    }
    ws.on('message', (data) => {
      const d = decoding.createDecoder(new Uint8Array(data as Buffer))
      if (decoding.readVarUint(d) !== MESSAGE_SYNC) return
      const kind = decoding.readVarUint(d)
      socket.frames.push({ kind, payload: decoding.readVarUint8Array(d) })
    })
    ws.on('close', (code) => (socket.closed = code))
    ws.on('open', () => resolve(socket))
    ws.on('error', reject)
    later(() => ws.terminate())
  })
}
type Raw = Awaited<ReturnType<typeof raw>>
const steps1 = (s: Raw) => s.frames.filter((f) => f.kind === 0).length
const updatesTo = (s: Raw) => s.frames.filter((f) => f.kind === 2)

/** Counts the sync steps 1 the server sends a stock client's current socket. */
function countSteps1(c: Client): () => number {
  let n = 0
  c.provider.ws!.addEventListener('message', (event: MessageEvent) => {
    const bytes = new Uint8Array(event.data as ArrayBuffer)
    if (bytes[0] === MESSAGE_SYNC && bytes[1] === 0) n++
  })
  return () => n
}

describe('updates that would stay pending', () => {
  it("a participant's update needing content the server lacks is refused: not stored, not relayed, the others unaffected", async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const ws = `${s.url.replace(/^http/, 'ws')}/sync/${board.id}`
    const victim = await client(s.url, board.id, board.keys.participant)
    const watcher = await client(s.url, board.id, board.keys.viewer)
    victim.doc.transact(() => putCard(victim.doc, 'problems', 'v1', card('Prima')))
    await waitFor(() => labelOf(watcher.doc, 'v1') === 'Prima', 'the first card arrives')
    const observer = await raw(`${ws}?key=${board.keys.viewer}`)
    const attacker = await raw(`${ws}?key=${board.keys.participant}`)
    await waitFor(() => steps1(attacker) === 1, "the server's sync step 1")
    const logged = (await s.store.logStats(board.id)).count

    // content of a client the server never got, and an edit built on it
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(victim.doc))
    change(elsewhere, (d) => putCard(d, 'problems', 'ghost', card('')))
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(elsewhere))
    const dependent = change(hostile, (d) => label(d, 'ghost').insert(0, 'veleno'))
    // and the black hole: deletions written ahead as the victim
    const ahead = new Y.Doc()
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(victim.doc))
    ahead.clientID = victim.doc.clientID
    change(ahead, (d) => putCard(d, 'problems', 'tmp', card('x')))
    change(ahead, (d) => canvasRoots(d, 'problems').nodes.delete('tmp'))
    const blackHole = Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(ahead))
    attacker.send(dependent)
    attacker.send(blackHole)
    // not closed: asked, once, for what it lacks (an honest client would answer with it)
    await waitFor(() => steps1(attacker) === 2, 'the server asks for what is missing')

    // the victim's next card reaches everyone, intact
    victim.doc.transact(() => putCard(victim.doc, 'problems', 'v2', card('Seconda')))
    await waitFor(() => labelOf(watcher.doc, 'v2') === 'Seconda', 'the next card arrives')
    await waitFor(() => updatesTo(observer).length === 1, 'the observer gets the card')
    const relayed = new Y.Doc()
    Y.applyUpdate(relayed, Y.encodeStateAsUpdate(victim.doc))
    for (const f of updatesTo(observer)) Y.applyUpdate(relayed, f.payload)
    expect(labelOf(relayed, 'v2')).toBe('Seconda')
    expect(canvasRoots(relayed, 'problems').nodes.has('ghost')).toBe(false)
    expect((await s.store.logStats(board.id)).count).toBe(logged + 1)
    for (const doc of [victim.doc, watcher.doc, s.registry.loaded(board.id)!.doc])
      expect(pending(doc)).toBe(false)
    expect(attacker.closed).toBeNull()
    expect(steps1(attacker)).toBe(2)
  })

  it('a card and its label in two frames read together: the label waits for the card, no question asked', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const base = await client(s.url, board.id, board.keys.viewer)
    const writer = await raw(
      `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
    )
    await waitFor(() => steps1(writer) === 1, "the server's sync step 1")
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base.doc))
    const first = change(doc, (d) => putCard(d, 'problems', 'c', card('')))
    const second = change(doc, (d) => label(d, 'c').insert(0, 'Etichetta'))
    writer.send(first)
    writer.send(second)
    await waitFor(() => labelOf(base.doc, 'c') === 'Etichetta', 'both arrive')
    expect(steps1(writer)).toBe(1)
    expect(writer.closed).toBeNull()
  })

  it('a stock client back from offline, writing as it reconnects, is not refused and loses nothing', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const watcher = await client(s.url, board.id, board.keys.viewer)
    const person = await client(s.url, board.id, board.keys.participant)
    person.doc.transact(() => putCard(person.doc, 'problems', 'p', card('Online')))
    await waitFor(() => labelOf(watcher.doc, 'p') === 'Online', 'the first card')
    const closes: number[] = []
    person.provider.on('connection-close', (e: CloseEvent | null) => closes.push(e?.code ?? 0))

    person.provider.disconnect()
    person.doc.transact(() => putCard(person.doc, 'problems', 'off', card('')))
    person.doc.transact(() => label(person.doc, 'off').insert(0, 'Offline'))
    person.doc.transact(() => label(person.doc, 'p').insert(6, ' e poi'))
    // the moment the socket opens, before the server's sync step 1 is read: the stock client
    // sends this edit at once, and it builds on the offline ones the server has not got yet
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return
      person.provider.off('status', onStatus)
      person.doc.transact(() => label(person.doc, 'off').insert(7, ', riconnesso'))
    }
    person.provider.on('status', onStatus)
    person.provider.connect()
    const asked = countSteps1(person)
    await waitFor(
      () => labelOf(watcher.doc, 'off') === 'Offline, riconnesso',
      'the offline edits and the one made reconnecting arrive',
    )
    expect(labelOf(watcher.doc, 'p')).toBe('Online e poi')
    expect(person.provider.wsconnected).toBe(true)
    // the server asked for what it lacked rather than closing: the join's step 1, and one more
    expect(asked()).toBe(2)
    expect(closes.filter((code) => code >= 4000)).toEqual([])
    for (const doc of [person.doc, watcher.doc, s.registry.loaded(board.id)!.doc])
      expect(pending(doc)).toBe(false)
  })

  it('an edit building on one another tab passed over directly, which the server has not got yet', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const watcher = await client(s.url, board.id, board.keys.viewer)
    const tabB: Client = connectClient(s.url, board.id, board.keys.participant)
    later(() => tabB.destroy())
    const asked = countSteps1(tabB)
    await waitFor(() => tabB.provider.synced, 'tab B synced')
    // tab A (not connected yet) writes a card; tab B hears of it first, as over the
    // BroadcastChannel, so B's provider does not send it on
    const tabA = new Y.Doc()
    Y.applyUpdate(tabA, Y.encodeStateAsUpdate(tabB.doc))
    const fromA = change(tabA, (d) => putCard(d, 'problems', 'a', card('')))
    Y.applyUpdate(tabB.doc, fromA, tabB.provider)
    tabB.doc.transact(() => label(tabB.doc, 'a').insert(0, 'Da B'))
    await waitFor(() => labelOf(watcher.doc, 'a') === 'Da B', "B's answer brings A's card too")
    expect(tabB.provider.wsconnected).toBe(true)
    expect(asked()).toBe(2)
    expect(pending(s.registry.loaded(board.id)!.doc)).toBe(false)
  })

  it('content stored before the guard refused it is dropped at load: no client is sent it', async () => {
    const data = tempDataDir()
    later(() => data.remove())
    let s = await startServer({ dataDir: data.dir })
    const board = await createBoard(s.url)
    const writer = await client(s.url, board.id, board.keys.participant)
    writer.doc.transact(() => putCard(writer.doc, 'problems', 'a', card('prima')))
    const reader = await client(s.url, board.id, board.keys.viewer)
    await waitFor(() => labelOf(reader.doc, 'a') === 'prima', 'the card is stored')
    writer.destroy()
    reader.destroy()
    await s.close()
    // an edit of a card the server never got, in the log as an older server stored it
    const ghost = new Y.Doc()
    ghost.transact(() => putCard(ghost, 'problems', 'ghost', card('fantasma')))
    const junk = change(ghost, (d) => label(d, 'ghost').insert(0, 'ancora '))
    const db = new Database(join(data.dir, 'trama.sqlite'))
    appendRawLogRow(db, board.id, junk)
    db.close()

    s = await startServer({ dataDir: data.dir })
    later(() => s.close())
    const fresh = await client(s.url, board.id, board.keys.participant)
    expect(labelOf(fresh.doc, 'a')).toBe('prima')
    // before: the server's sync step 2 carried the pending edit to every client
    expect(pending(fresh.doc)).toBe(false)
    // and what the fresh client writes reaches the others
    fresh.doc.transact(() => putCard(fresh.doc, 'problems', 'b', card('dopo')))
    const other = await client(s.url, board.id, board.keys.viewer)
    await waitFor(() => labelOf(other.doc, 'b') === 'dopo', 'the next card arrives')
    expect(pending(other.doc)).toBe(false)
  })
})
