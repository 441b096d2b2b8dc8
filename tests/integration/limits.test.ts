import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { CLOSE } from '../../shared/protocol.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: Awaited<ReturnType<typeof startServer>>
const clients: Client[] = []

beforeAll(async () => {
  server = await startServer({
    limits: { maxFrameBytes: 64 * 1024, messagesPerSecond: 50, messageBurst: 100 },
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.close()
})

/** Opens a raw socket and resolves with its close code after sending `frames`. */
function sendAndWaitClose(url: string, frames: (Buffer | string)[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('open', () => {
      for (const f of frames) ws.send(f)
    })
    ws.on('close', (code) => resolve(code))
    ws.on('error', () => {})
    setTimeout(() => reject(new Error('socket was not closed')), 10_000).unref()
  })
}

describe('bad input on the socket', () => {
  it('garbage, oversized and flooding sockets are closed; others notice nothing', async () => {
    const board = await createBoard(server.url)
    const a = await connectSynced(server.url, board.id, board.keys.participant)
    const b = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(a, b)
    const closes: unknown[] = []
    a.provider.on('connection-close', (e: unknown) => closes.push(e))
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`

    expect(
      await sendAndWaitClose(url, [
        Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      ]),
    ).toBe(CLOSE.MALFORMED.code)
    expect(await sendAndWaitClose(url, [Buffer.from([9, 1, 2])])).toBe(CLOSE.MALFORMED.code)
    expect(await sendAndWaitClose(url, [Buffer.from([0, 2, 200, 1, 2, 3])])).toBe(
      CLOSE.MALFORMED.code,
    )
    expect(await sendAndWaitClose(url, ['{"hello":"text"}'])).toBe(CLOSE.MALFORMED.code)
    expect(await sendAndWaitClose(url, [Buffer.alloc(65 * 1024, 1)])).toBe(1009)
    const flood = Array.from({ length: 400 }, () => Buffer.from([3]))
    expect(await sendAndWaitClose(url, flood)).toBe(CLOSE.RATE_LIMITED.code)

    // the well-behaved clients kept their connection and still sync
    a.doc.transact(() =>
      putCard(a.doc, 'problems', 'ok', {
        kind: 'problem',
        label: 'ancora qui',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    await waitFor(() => canvasRoots(b.doc, 'problems').nodes.has('ok'), 'b still receives')
    expect(closes).toEqual([])
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
  })

  it('a client over the rate is closed, reconnects by itself, and loses nothing', async () => {
    const board = await createBoard(server.url)
    const fast = await connectSynced(server.url, board.id, board.keys.participant)
    const other = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(fast, other)
    const codes: number[] = []
    fast.provider.on('connection-close', (e: CloseEvent | null) => e && codes.push(e.code))
    for (let i = 0; i < 300; i++)
      fast.doc.transact(() =>
        putCard(fast.doc, 'problems', `burst-${i}`, {
          kind: 'problem',
          label: `${i}`,
          x: i,
          y: 0,
          role: 'cause',
        }),
      )
    await waitFor(() => codes.includes(CLOSE.RATE_LIMITED.code), 'closed for its rate')
    await waitFor(
      () => canvasRoots(other.doc, 'problems').nodes.size === 300,
      'every card arrives after the reconnect',
      20_000,
    )
    expect(fast.provider.wsconnected).toBe(true)
  })
})
