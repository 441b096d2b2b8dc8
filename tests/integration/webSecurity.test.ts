import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { get as httpGet } from 'node:http'
import WebSocket from 'ws'
import { createBoard, startServer } from '../helpers/server.ts'

let server: Awaited<ReturnType<typeof startServer>>
let staticDir: string
beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'trama-static-'))
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  )
  server = await startServer({ staticDir, allowedOrigins: ['https://trama.example.org'] })
})
afterAll(async () => {
  await server.close()
  rmSync(staticDir, { recursive: true, force: true })
})

function expectSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp, what).toMatch(/(^|; )script-src 'self'(;|$)/)
  expect(csp, what).toMatch(/default-src 'self'/)
  expect(csp, what).toMatch(/frame-ancestors 'none'/)
  expect(csp, what).toMatch(/object-src 'none'/)
  expect(csp, what).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/)
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe/)
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
}

/** The HTTP status of an upgrade attempt (101 when accepted), with an optional Origin header. */
function upgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', () => resolve(-1))
  })
}

describe('security headers', () => {
  it('are on every answer: page, API, errors, static files', async () => {
    const board = await createBoard(server.url)
    const answers: [string, Promise<Response>][] = [
      ['page', fetch(`${server.url}/b/${board.id}`)],
      ['index', fetch(`${server.url}/`)],
      ['health', fetch(`${server.url}/healthz`)],
      ['board info', fetch(`${server.url}/api/boards/${board.id}?key=${board.keys.viewer}`)],
      ['unknown api', fetch(`${server.url}/api/nothing`)],
      ['missing key', fetch(`${server.url}/api/boards/${board.id}`)],
      [
        'bad json',
        fetch(`${server.url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{ nope',
        }),
      ],
      [
        'not json',
        fetch(`${server.url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'x',
        }),
      ],
    ]
    for (const [what, pending] of answers) {
      const res = await pending
      expectSecurityHeaders(res, what)
      await res.arrayBuffer()
    }
  })

  it('a refused upgrade carries them too', async () => {
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/no-such-board-x`)
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.headers)
        ws.terminate()
      })
      ws.on('open', () => reject(new Error('upgraded')))
      ws.on('error', () => {})
    })
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(String(headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/)
  })
})

/** The page's Cross-Origin-Opener-Policy as asked for with these headers (Host among them). */
function openerPolicy(headers: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${server.url}/`, { headers }, (res) => {
      res.resume()
      const value = res.headers['cross-origin-opener-policy']
      resolve(Array.isArray(value) ? value.join(',') : value)
    })
    req.on('error', reject)
  })
}

describe('Cross-Origin-Opener-Policy', () => {
  it('is sent where browsers apply it (loopback, HTTPS), not to a LAN address over plain HTTP', async () => {
    const port = new URL(server.url).port
    expect(await openerPolicy({})).toBe('same-origin')
    expect(await openerPolicy({ host: `localhost:${port}` })).toBe('same-origin')
    expect(await openerPolicy({ host: `[::1]:${port}` })).toBe('same-origin')
    // a workshop's laptops on the venue's network: Chromium would ignore it with an error in
    // every page's console
    expect(await openerPolicy({ host: `192.168.1.20:${port}` })).toBeUndefined()
    expect(await openerPolicy({ host: `trama.local:${port}` })).toBeUndefined()
    // behind a proxy that ends TLS
    const proxied = { host: 'trama.example.org', 'x-forwarded-proto': 'https' }
    expect(await openerPolicy(proxied)).toBe('same-origin')
  })
})

describe('WebSocket origin check', () => {
  it('accepts the app itself, listed origins and clients without an Origin; refuses others with 403 before the upgrade', async () => {
    const board = await createBoard(server.url)
    const ws = server.url.replace(/^http/, 'ws')
    const url = `${ws}/sync/${board.id}?key=${board.keys.participant}`
    expect(await upgrade(url)).toBe(101) // stock Node client: no Origin
    expect(await upgrade(url, server.url)).toBe(101) // the app's own page
    expect(await upgrade(url, server.url.replace('127.0.0.1', 'localhost'))).toBe(403)
    expect(await upgrade(url, 'https://trama.example.org')).toBe(101) // ALLOWED_ORIGINS
    expect(await upgrade(url, 'https://evil.example')).toBe(403)
    expect(await upgrade(url, 'null')).toBe(403)
    expect(await upgrade(url, 'http://127.0.0.1.evil.example')).toBe(403)
    // the origin is checked before anything is said about the board or the key
    expect(await upgrade(`${ws}/sync/no-such-board-x`, 'https://evil.example')).toBe(403)
    expect(await upgrade(`${ws}/sync/${board.id}`, 'https://evil.example')).toBe(403)
    expect(await upgrade(`${ws}/sync/${board.id}`, server.url)).toBe(401)
  })
})
