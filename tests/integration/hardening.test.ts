import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts'
import { SCHEMA_VERSION, canvasRoots, metaRoot, putCard } from '../../shared/schema/index.ts'
import type { BoardStore } from '../../server/storage/types.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { integrationSuite } from '../helpers/teardown.ts'

const { server, client, later } = integrationSuite()
const card = (label: string) => ({ kind: 'problem', label, x: 0, y: 0, role: 'cause' })

function rawSocket(
  url: string,
): Promise<{ ws: WebSocket; frames: Uint8Array[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    const frames: Uint8Array[] = []
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)))
    ws.on('message', (d) => frames.push(new Uint8Array(d as Buffer)))
    ws.on('open', () => resolve({ ws, frames, closed }))
    ws.on('error', reject)
    later(() => ws.terminate())
  })
}

describe('hardening', () => {
  it('a participant alone on a board hears its own presence back, so the stock client stays connected', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const { ws, frames } = await rawSocket(
      `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
    )
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    const state = new TextEncoder().encode(
      JSON.stringify({ user: { name: 'Sola', color: '#0f766e' } }),
    )
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, 4242)
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint8Array(inner, state) // varString = length-prefixed UTF-8
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
    ws.send(encoding.toUint8Array(encoder))
    await waitFor(() => frames.some((f) => f[0] === MESSAGE_AWARENESS), 'own awareness echoed')
  })

  it('an undecodable update inside a well-formed frame closes that socket and changes nothing', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const { ws, closed } = await rawSocket(
      `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
    )
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, 2) // update
    encoding.writeVarUint8Array(
      encoder,
      new Uint8Array([1, 1, 200, 7, 0, 40, 1, 255, 255, 255, 255]),
    )
    ws.send(encoding.toUint8Array(encoder))
    expect(await closed).toBe(CLOSE.MALFORMED.code)
    expect((await s.store.logStats(board.id)).count).toBe(0)
  })

  it('when storage fails the board closes, nothing unsaved is relayed, and edits arrive once it recovers', async () => {
    let failing = false
    const s = await server({
      wrapStore: (store: BoardStore) => ({
        ...store,
        appendUpdates: async (items) => {
          if (failing) throw new Error('SQLITE_FULL: database or disk is full')
          return store.appendUpdates(items)
        },
      }),
    })
    const board = await createBoard(s.url)
    const a = await client(s.url, board.id, board.keys.participant)
    const b = await client(s.url, board.id, board.keys.participant)
    const closes: number[] = []
    b.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code))
    failing = true
    a.doc.transact(() =>
      putCard(a.doc, 'problems', 'during-failure', card('scritta a disco pieno')),
    )
    await waitFor(() => closes.includes(CLOSE.STORAGE_FAILED.code), 'b told the board closed')
    expect(canvasRoots(b.doc, 'problems').nodes.has('during-failure')).toBe(false)
    failing = false
    await waitFor(
      () => canvasRoots(b.doc, 'problems').nodes.has('during-failure'),
      'the edit arrives after recovery',
      15_000,
    )
    const stored = await s.store.loadDocument(board.id)
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0)
  })

  it('a projector cannot move cards or claim them through its presence', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const editor = await client(s.url, board.id, board.keys.participant)
    const projector = await client(s.url, board.id, board.keys.viewer)
    projector.provider.awareness.setLocalState({
      user: { name: 'Proiettore', color: '#1d4ed8' },
      drag: { canvas: 'problems', nodes: { x: { x: 1, y: 1 } } },
      editing: 'x',
    })
    await waitFor(
      () =>
        editor.provider.awareness.getStates().get(projector.doc.clientID)?.user?.name ===
        'Proiettore',
      'projector presence arrives',
    )
    const state = editor.provider.awareness.getStates().get(projector.doc.clientID)!
    expect(state.drag).toBeNull()
    expect(state.editing).toBeNull()
  })

  it('a client cannot change the schema version', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const c = await client(s.url, board.id, board.keys.participant)
    metaRoot(c.doc).set('schemaVersion', SCHEMA_VERSION + 5)
    await waitFor(
      () => metaRoot(c.doc).get('schemaVersion') === SCHEMA_VERSION,
      'server restores the version',
    )
  })

  it('refuses absurdly nested imports with 400 and floods of new boards with 429', async () => {
    const s = await server({ boardsPerMinute: 3 })
    let deep: unknown = 'x'
    for (let i = 0; i < 3000; i++) deep = [deep]
    const res = await fetch(`${s.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        format: 'trama.board',
        schemaVersion: SCHEMA_VERSION,
        title: 'x',
        nested: deep,
      }),
    })
    expect(res.status).toBe(400)
    const codes: number[] = []
    for (let i = 0; i < 4; i++)
      codes.push(
        (
          await fetch(`${s.url}/api/boards`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"title":"t"}',
          })
        ).status,
      )
    expect(codes).toEqual([201, 201, 429, 429])
    expect(await s.store.countBoards()).toBe(2)
  })
})
