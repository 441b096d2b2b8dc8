import { describe, expect, it } from 'vitest'
import { Agent, request, type IncomingMessage } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect, type Socket } from 'node:net'
import { startServer } from '../helpers/server.ts'

// Node ends a keep-alive connection by itself after fastify's keepAliveTimeout (72 s) and a
// connection without a whole request after its headersTimeout (60 s): these tests end well
// before either, so a stop that waits for them fails them.
const BEFORE_NODE_GIVES_UP = 20_000

/** A socket's end, as a promise. */
const closed = (socket: Socket) =>
  new Promise<void>((resolve) => {
    if (socket.destroyed) resolve()
    else socket.once('close', () => resolve())
  })

describe('stopping the server', () => {
  it(
    'ends a keep-alive connection whose answer was still being sent when the stop began',
    async () => {
      // a client's file large enough to be still on its way when the stop begins
      const dir = mkdtempSync(join(tmpdir(), 'trama-static-'))
      mkdirSync(join(dir, 'assets'))
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
      const size = 16 * 1024 * 1024
      writeFileSync(join(dir, 'assets', 'big.js'), Buffer.alloc(size, 0x20))
      const s = await startServer({ staticDir: dir })
      const agent = new Agent({ keepAlive: true })
      try {
        let socket: Socket | undefined
        let received = 0
        const answer = new Promise<IncomingMessage>((resolve, reject) => {
          const req = request(`${s.url}/assets/big.js`, { agent }, (res) => {
            res.pause()
            resolve(res)
          })
          req.on('socket', (sock) => (socket = sock))
          req.on('error', reject)
          req.end()
        })
        const res = await answer
        const stopping = s.close()
        // the answer under way is sent whole; then the connection is ended and the stop ends
        const read = new Promise<void>((resolve) => {
          res.on('data', (chunk: Buffer) => (received += chunk.length))
          res.on('end', () => resolve())
        })
        res.resume()
        await read
        expect(res.statusCode).toBe(200)
        expect(received).toBe(size)
        await closed(socket as Socket)
        await stopping
      } finally {
        agent.destroy()
        rmSync(dir, { recursive: true, force: true })
      }
    },
    BEFORE_NODE_GIVES_UP,
  )

  it(
    'cuts, after its grace, a connection whose request never comes whole',
    async () => {
      const s = await startServer({ closeGraceMs: 300 })
      const port = Number(new URL(s.url).port)
      const socket = connect(port, '127.0.0.1')
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
      // half a request: Node counts the connection as busy, not idle
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      socket.on('error', () => {})
      await expect.poll(() => socket.bytesWritten > 0).toBe(true)
      await s.close()
      await closed(socket)
      expect(socket.destroyed).toBe(true)
    },
    BEFORE_NODE_GIVES_UP,
  )
})
