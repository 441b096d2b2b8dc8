import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'
import { canvasRoots, putCard, textValue } from '../../shared/schema/index.ts'
import { exportBoard } from '../../shared/export/index.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { seededRandom, type Random } from '../helpers/fuzzNetwork.ts'
import { waitFor } from '../helpers/wait.ts'

const { server, client, later } = integrationSuite()

const SEED = 20261202
const MUTATIONS = 1_500

function frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** A real update of the kind pages send, then damaged: bytes flipped, cut, repeated. */
function mutated(base: Y.Doc, r: Random): Uint8Array {
  // The honest client holds nothing pending (the server takes only what integrates), so its
  // whole state always reads back.
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(scratch)
  const id = `m${r.int(1e6)}`
  if (r.chance(0.5))
    putCard(scratch, 'problems', id, { kind: 'problem', label: 'x', x: 1, y: 2, role: 'cause' })
  else {
    const ids = [...canvasRoots(scratch, 'problems').nodes.keys()]
    const card = ids.length ? canvasRoots(scratch, 'problems').nodes.get(r.pick(ids)) : null
    const text = card?.get('label')
    if (text instanceof Y.Text) text.insert(0, 'ab')
    else putCard(scratch, 'problems', id, { kind: 'problem', label: 'y', x: 0, y: 0, role: 'core' })
  }
  const bytes = Y.encodeStateAsUpdate(scratch, before).slice()
  const edits = 1 + r.int(4)
  for (let i = 0; i < edits; i++) {
    const at = r.int(bytes.length)
    switch (r.int(4)) {
      case 0:
        bytes[at] = r.int(256)
        break
      case 1:
        bytes[at] = bytes[at]! ^ (1 << r.int(8))
        break
      case 2:
        return bytes.slice(0, at)
      case 3:
        bytes[at] = bytes[(at + 1) % bytes.length]!
    }
  }
  return bytes
}

/** A sync step 1 with an empty state vector: the server answers it after the frames before. */
const STEP1 = (() => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(e)
})()

/** A hand-made socket that can tell whether the server kept it open after a frame. */
function open(url: string) {
  return new Promise<{ ws: WebSocket; judged(): Promise<boolean> }>((resolve, reject) => {
    const ws = new WebSocket(url)
    let waiting: ((open: boolean) => void) | null = null
    ws.on('message', (data) => {
      const bytes = new Uint8Array(data as Buffer)
      // sync step 2 (0, 1): the answer to our step 1
      if (bytes[0] === MESSAGE_SYNC && bytes[1] === 1) waiting?.(true)
    })
    ws.on('close', () => waiting?.(false))
    ws.on('open', () =>
      resolve({
        ws,
        /** Asks for the state: true if the answer came (the frame before was accepted). */
        judged() {
          return new Promise<boolean>((done) => {
            waiting = (open) => {
              waiting = null
              done(open)
            }
            if (ws.readyState === WebSocket.OPEN) ws.send(STEP1)
            else done(false)
          })
        },
      }),
    )
    ws.on('error', reject)
    later(() => ws.terminate())
  })
}

describe('seeded mutation fuzz', () => {
  it('a participant sending thousands of damaged updates leaves every observer with the same content, an export that imports, and a server that answers', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const honest = await client(s.url, board.id, board.keys.participant)
    const watchers = [
      await client(s.url, board.id, board.keys.viewer),
      await client(s.url, board.id, board.keys.participant),
    ]
    const r = seededRandom(SEED)
    const wsUrl = `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`

    // health checks all along
    const health: number[] = []
    let failures = 0
    let running = true
    const probe = (async () => {
      while (running) {
        const t0 = performance.now()
        const res = await fetch(`${s.url}/healthz`).catch(() => null)
        if (res?.status === 200) health.push(performance.now() - t0)
        else failures++
        await res?.arrayBuffer()
        await new Promise((done) => setTimeout(done, 20))
      }
    })()

    let socket = await open(wsUrl)
    let closes = 0
    for (let i = 0; i < MUTATIONS; i++) {
      socket.ws.send(frame(mutated(honest.doc, r)))
      if (!(await socket.judged())) {
        closes++
        socket = await open(wsUrl)
      }
      if (i % 50 === 0) {
        // the honest participant keeps working meanwhile
        honest.doc.transact(() =>
          putCard(honest.doc, 'problems', `h${i}`, {
            kind: 'problem',
            label: `Carta ${i}`,
            x: i,
            y: 0,
            role: 'cause',
          }),
        )
        await new Promise((done) => setImmediate(done))
      }
    }
    honest.doc.transact(() =>
      putCard(honest.doc, 'problems', 'last', {
        kind: 'problem',
        label: 'Ultima',
        x: 0,
        y: 0,
        role: 'effect',
      }),
    )
    const hasLast = (d: Y.Doc) =>
      textValue(canvasRoots(d, 'problems').nodes.get('last')?.get('label')) === 'Ultima'
    for (const w of watchers) await waitFor(() => hasLast(w.doc), 'the last honest card arrives')
    running = false
    await probe

    // the same content everywhere: the observers' projections and the server's export
    const server_ = await exportJson(s.url, board.id, board.keys.viewer)
    const views = [honest, ...watchers].map((c) => exportBoard(c.doc, 'T'))
    for (const v of views) expect({ ...v, exportedAt: '' }).toEqual({ ...server_, exportedAt: '' })
    // (a damaged delete set may remove cards that exist: any participant may delete a card; what
    // it can no longer do is delete cards not written yet, so the last one arrived everywhere)
    const kept = views[0]!.canvases.problems.nodes.filter((n) => /^Carta /.test(n.label)).length
    // and it imports
    const res = await fetch(`${s.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(server_),
    })
    expect(res.status).toBe(201)

    health.sort((a, b) => a - b)
    const worst = health[health.length - 1] ?? 0
    console.log(
      `mutation fuzz: ${MUTATIONS} damaged updates, ${closes} sockets closed, ${kept} honest cards kept, ${health.length} health checks, ` +
        `median ${health[health.length >> 1]?.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    )
    // nothing was taken that cannot be integrated: no document holds content pending
    for (const doc of [honest.doc, ...watchers.map((w) => w.doc), s.registry.loaded(board.id)!.doc])
      expect(doc.store.pendingStructs === null && doc.store.pendingDs === null).toBe(true)
    expect(failures).toBe(0)
    expect(health.length).toBeGreaterThan(5)
    // Liveness, not speed: the server was never stuck (the benchmark measures speed).
    expect(worst).toBeLessThan(5_000)
  }, 120_000)
})
