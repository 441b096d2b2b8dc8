import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { integrationSuite } from '../helpers/teardown.ts'

const { server, client, later } = integrationSuite()

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'board-v3.json'), 'utf8'),
) as { canvases: { problems: { nodes: Record<string, unknown>[]; edges: unknown[] } } }

/** A valid export with `cards` extra problem cards, `labelLength` characters each. */
function bigExport(cards: number, labelLength: number): string {
  const nodes = [...fixture.canvases.problems.nodes]
  for (let i = 0; i < cards; i++)
    nodes.push({
      id: `extra-${i}`,
      kind: 'problem',
      label: `Problema ${i} ${'x'.repeat(labelLength)}`.slice(0, labelLength),
      role: 'cause',
      x: i * 10,
      y: 400,
    })
  return JSON.stringify({
    ...fixture,
    canvases: { ...fixture.canvases, problems: { ...fixture.canvases.problems, nodes } },
  })
}

function postImport(url: string, body: string) {
  return fetch(`${url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
}

/**
 * Two clients edit one board while `during` runs: one writes a card every 20 ms, the other
 * times each card's arrival. Returns the round-trip times and what `during` resolved to.
 */
async function editsDuring<T>(
  url: string,
  during: () => Promise<T>,
): Promise<{ latencies: number[]; result: T }> {
  const board = await createBoard(url)
  const writer = await client(url, board.id, board.keys.participant)
  const reader = await client(url, board.id, board.keys.participant)
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  canvasRoots(reader.doc, 'problems').nodes.observe((event) => {
    const now = performance.now()
    for (const key of event.keysChanged) {
      const t = sentAt.get(key)
      if (t !== undefined) latencies.push(now - t)
    }
  })
  let n = 0
  const edit = () => {
    const id = `edit-${n++}`
    sentAt.set(id, performance.now())
    writer.doc.transact(() =>
      putCard(writer.doc, 'problems', id, {
        kind: 'problem',
        label: id,
        x: n,
        y: 0,
        role: 'cause',
      }),
    )
  }
  const timer = setInterval(edit, 20)
  try {
    const result = await during()
    edit()
    await waitFor(() => latencies.length === sentAt.size, 'every edit arrived', 10_000)
    return { latencies, result }
  } finally {
    clearInterval(timer)
  }
}

/**
 * The attacker runs in its own process, as it would on its own machine: building and sending
 * 30 MiB must not be counted against the server (the test process also hosts the server).
 */
type Attack = 'nested' | 'bulk' | 'strings'
function attack(url: string, kind: Attack): Promise<{ status: number; code: string }> {
  const script = `
    const size = 30 * 1024 * 1024
    const kind = ${JSON.stringify(kind)}
    const body = kind === 'nested'
      ? '{"a":' + '['.repeat(size)
      : kind === 'bulk'
        ? '{"format":"trama.board","schemaVersion":1,"bulk":[' + '[1],'.repeat(size / 4) + '[1]]}'
        : '{"format":"trama.board","schemaVersion":1,"title":"' + 'x'.repeat(size) + '"}'
    const res = await fetch(process.argv[1] + '/api/boards/import', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body,
    })
    const json = await res.json()
    console.log(JSON.stringify({ status: res.status, code: json.error?.code }))
  `
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as { status: number; code: string })
      else reject(new Error(`attacker exited with ${code}: ${out}`))
    })
  })
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const percentile = (xs: number[], p: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!

describe('safe import', () => {
  // nested: refused by the depth scan; bulk: by the value count; strings: few values, so it is
  // parsed and validated for real, in the worker
  for (const kind of ['nested', 'bulk', 'strings'] as const)
    it(`a 30 MiB ${kind} body gets a 4xx while two clients editing another board see no stall`, async () => {
      const s = await server()
      // the server's event loop (this process) is watched too: the figure that is ours alone
      const loop = monitorEventLoopDelay({ resolution: 5 })
      loop.enable()
      const { latencies, result } = await editsDuring(s.url, () => attack(s.url, kind))
      loop.disable()
      console.info(
        `edits during a ${kind} 30 MiB import (answered ${result.status} ${result.code}): ` +
          `n=${latencies.length} p50=${percentile(latencies, 0.5).toFixed(1)} ms ` +
          `p95=${percentile(latencies, 0.95).toFixed(1)} ms max=${Math.max(...latencies).toFixed(1)} ms; ` +
          `event loop delay p99=${(loop.percentile(99) / 1e6).toFixed(1)} ms max=${(loop.max / 1e6).toFixed(1)} ms`,
      )
      expect(result.status).toBeGreaterThanOrEqual(400)
      expect(result.status).toBeLessThan(500)
      expect(result.code).toBe(kind === 'bulk' ? 'IMPORT_TOO_COMPLEX' : 'INVALID_EXPORT')
      // The bound is 100 ms; before the fix one import held every board for 3–11 s (13 s
      // on this machine). The median must meet it; single outliers get a wide margin, since on
      // two shared cores the other test files, the attacker and the worker delay timers by
      // themselves — still far below what blocking parsing costs.
      expect(percentile(latencies, 0.5)).toBeLessThan(100)
      expect(Math.max(...latencies)).toBeLessThan(2_000)
      expect(await s.store.countBoards()).toBe(1) // the edited board only
    })

  it('a large valid export imports through the worker and exports the same board', async () => {
    const s = await server()
    const body = bigExport(3_000, 150) // ~600 KiB, ~20,000 values: built in the worker
    expect(body.length).toBeGreaterThan(300 * 1024)
    const res = await postImport(s.url, body)
    expect(res.status).toBe(201)
    const board = (await res.json()) as { id: string; keys: { viewer: string } }
    const out = (await exportJson(s.url, board.id, board.keys.viewer)) as {
      canvases: { problems: { nodes: { id: string }[] } }
    }
    expect(out.canvases.problems.nodes.length).toBe(fixture.canvases.problems.nodes.length + 3_000)
  })

  it('a board larger than the limit is refused with 413 BOARD_TOO_LARGE and nothing is created', async () => {
    const s = await server({ limits: { maxBoardBytes: 64 * 1024 } })
    const res = await postImport(s.url, bigExport(600, 150))
    expect(res.status).toBe(413)
    const json = (await res.json()) as { error: { code: string; details: string[] } }
    expect(json.error.code).toBe('BOARD_TOO_LARGE')
    expect(json.error.details.join()).toMatch(/at most 0\.1 MiB/)
    expect(await s.store.countBoards()).toBe(0)
    expect((await postImport(s.url, bigExport(10, 20))).status).toBe(201)
  })

  it('the rate limit and the size limit answer before the body is sent', async () => {
    const s = await server({ boardsPerMinute: 1, maxImportBytes: 1024 * 1024 })
    expect((await postImport(s.url, bigExport(1, 10))).status).toBe(201)
    /** Sends only the headers (announcing `length` bytes), and waits for an answer. */
    const headersOnly = (length: number) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${s.url}/api/boards/import`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(length) },
        })
        req.on('response', (res) => {
          resolve(res.statusCode ?? 0)
          res.resume()
          req.destroy()
        })
        req.on('error', reject)
        req.flushHeaders()
        setTimeout(() => reject(new Error('no answer before the body')), 5_000).unref()
      })
    expect(await headersOnly(512 * 1024)).toBe(429)
    const fresh = await server({ maxImportBytes: 1024 * 1024 })
    const big = await new Promise<number>((resolve, reject) => {
      const req = request(`${fresh.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) },
      })
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0)
        res.resume()
        req.destroy()
      })
      req.on('error', reject)
      req.flushHeaders()
    })
    expect(big).toBe(413)
    // no length announced: the limit applies while the body streams
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(`${fresh.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      })
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0)
        res.resume()
        req.destroy()
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, ' ')
      let sent = 0
      const pump = () => {
        while (sent < 4 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length
          if (!req.write(chunk)) return req.once('drain', pump)
        }
        if (!req.destroyed) req.end()
      }
      req.write('{"a":')
      pump()
    })
    expect(streamed).toBe(413)
    expect((await s.store.countBoards()) + (await fresh.store.countBoards())).toBe(1)
  })

  it('past the imports allowed at once, another import is answered 503 before its body is read', async () => {
    const s = await server({ httpLimits: { importsAtOnce: 1 } })
    // the first import sends its headers and half a body, then waits: it holds the only slot
    const slow = request(`${s.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    })
    slow.on('error', () => {})
    slow.write('{"format":"trama.board",')
    later(() => slow.destroy())
    await new Promise((r) => setTimeout(r, 200))
    const busy = await postImport(s.url, bigExport(1, 10))
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('5')
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('SERVER_BUSY')
    // once the first one is over, the slot is free again
    slow.destroy()
    await waitFor(
      async () => (await postImport(s.url, bigExport(1, 10))).status === 201,
      'slot freed',
    )
  })
})
