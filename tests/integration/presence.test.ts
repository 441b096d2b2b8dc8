import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS } from '../../shared/protocol.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: Awaited<ReturnType<typeof startServer>>
const clients: Client[] = []
beforeAll(async () => {
  server = await startServer({ limits: { pingIntervalMs: 100 } })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.close()
})

describe('ping', () => {
  it('drops a connection that stops answering pings, and its presence', async () => {
    const board = await createBoard(server.url)
    const watcher = await connectSynced(server.url, board.id, board.keys.viewer)
    clients.push(watcher)

    // A raw client that announces itself, then goes silent (no pongs) like a laptop that slept.
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'Laptop addormentato' } })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
    )
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
      {
        autoPong: false,
      },
    )
    const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()))
    ws.on('open', () => ws.send(encoding.toUint8Array(encoder)))
    awareness.destroy()

    await waitFor(
      () => watcher.provider.awareness.getStates().has(doc.clientID),
      'presence arrives',
    )
    await closed
    await waitFor(
      () => !watcher.provider.awareness.getStates().has(doc.clientID),
      'presence removed',
    )
    expect(watcher.provider.wsconnected).toBe(true)
  })
})
