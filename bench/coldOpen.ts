/**
 * Cold opens and unloads. A 2,000-card board is stored, unloaded, then opened by a fresh
 * client while other boards are edited: how long the client waits for its sync, and the
 * longest stall of the server's event loop meanwhile (what every other board waited). The
 * reference holds the same document in memory (it has no storage), so its sync is the floor.
 * Then 200 boards are opened and left untouched: what their unload writes and stalls.
 *
 * Run: `npm run bench:cold`. Both servers run compiled in child processes; the clients here.
 */
import * as Y from 'yjs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { loadavg } from 'node:os'
import type { NewBoardAnswer } from '../server/http/routes.ts'
import { canvasRoots, putCard, PROBLEM_ROLES } from '../shared/schema/index.ts'
import { killAllChildren, ServerChild } from './child.ts'
import { sleep, waitUntil } from './util.ts'

const CARDS = 2_000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const UNTOUCHED = 200
const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket

function bigBoard(doc: Y.Doc): void {
  for (let i = 0; i < CARDS; i++)
    doc.transact(() =>
      putCard(doc, 'problems', `card-${i}`, {
        kind: 'problem',
        role: PROBLEM_ROLES[i % PROBLEM_ROLES.length]!,
        label: `Problema numero ${i} del territorio`,
        x: (i % 50) * 220,
        y: Math.floor(i / 50) * 120,
      }),
    )
}

function provider(url: string, room: string, doc: Y.Doc, key?: string): WebsocketProvider {
  return new WebsocketProvider(url.replace(/^http/, 'ws') + (key ? '/sync' : ''), room, doc, {
    ...(key ? { params: { key } } : {}),
    WebSocketPolyfill,
    disableBc: true,
  })
}

async function createBoard(url: string, title: string): Promise<NewBoardAnswer> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status}`)
  return (await res.json()) as NewBoardAnswer
}

/**
 * Opens a fresh client and answers the ms until it holds every card: read at each update the
 * client applies (polling every 20 ms, as before, added up to 20 ms to figures of 25–50 ms).
 */
async function timedSync(url: string, room: string, key?: string): Promise<number> {
  const doc = new Y.Doc()
  const t0 = performance.now()
  let done = 0
  const whole = () => canvasRoots(doc, 'problems').nodes.size >= CARDS
  doc.on('update', () => {
    if (!done && whole()) done = performance.now()
  })
  const p = provider(url, room, doc, key)
  const ok = await waitUntil(() => done > 0, 30_000)
  p.destroy()
  doc.destroy()
  if (!ok) throw new Error('cold client did not receive the board within 30 s')
  return done - t0
}

const loaded = async (url: string) =>
  ((await (await fetch(`${url}/healthz`)).json()) as { boardsLoaded: number }).boardsLoaded

/** Two clients editing each of four other boards, so the cold open has neighbours. */
function neighbours(url: string, rooms: { room: string; key?: string }[]): () => void {
  const clients = rooms.flatMap((r) =>
    [0, 1].map(() => {
      const doc = new Y.Doc()
      return { doc, p: provider(url, r.room, doc, r.key) }
    }),
  )
  let n = 0
  const timer = setInterval(() => {
    for (const c of clients) canvasRoots(c.doc, 'problems').nodes.set(`n${n}`, new Y.Map())
    n++
  }, 100)
  return () => {
    clearInterval(timer)
    for (const c of clients) c.p.destroy()
  }
}

/**
 * The longest stall since the round began, read once the load is surely over: Trama builds the
 * board in slices after the first client was answered (slicedLoad.ts), so right after the sync
 * the stall meter would not have seen it.
 */
async function stallAfterLoad(server: ServerChild): Promise<number> {
  await sleep(500)
  return (await server.request('stats')).loopDelayMaxMs
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** One server under test: a fresh client's sync of the big board, and its longest stall. */
interface ColdTarget {
  server: ServerChild
  /** Makes the next sync cold (Trama: lets the board unload) and times it. */
  round(): Promise<{ syncMs: number; stallMs: number }>
  stop(): void
}

async function tramaTarget(): Promise<ColdTarget> {
  process.env.BENCH_UNLOAD_MS = '300'
  const server = await ServerChild.spawn('trama', 'trama-server.ts')
  delete process.env.BENCH_UNLOAD_MS
  const board = await createBoard(server.url, 'Cold')
  const source = new Y.Doc()
  bigBoard(source)
  const writer = provider(server.url, board.id, source, board.keys.participant)
  await waitUntil(() => writer.synced, 30_000)
  // Stored once a second client receives it from the server.
  await timedSync(server.url, board.id, board.keys.viewer)
  writer.destroy()
  const others = await Promise.all([1, 2, 3, 4].map((i) => createBoard(server.url, `N${i}`)))
  const stop = neighbours(
    server.url,
    others.map((b) => ({ room: b.id, key: b.keys.participant })),
  )
  return {
    server,
    stop,
    async round() {
      // the board unloads 300 ms after its last client left
      const deadline = performance.now() + 10_000
      while ((await loaded(server.url)) > others.length && performance.now() < deadline)
        await sleep(50)
      await server.request('stats') // resets the stall meter
      const syncMs = await timedSync(server.url, board.id, board.keys.viewer)
      return { syncMs, stallMs: await stallAfterLoad(server) }
    },
  }
}

async function referenceTarget(): Promise<ColdTarget> {
  const server = await ServerChild.spawn('reference', 'reference-server.ts')
  const source = new Y.Doc()
  bigBoard(source)
  // The reference keeps a room only while someone is connected: the holder stays.
  const holder = provider(server.url, 'cold', source)
  await waitUntil(() => holder.synced, 30_000)
  const stop = neighbours(
    server.url,
    [1, 2, 3, 4].map((i) => ({ room: `N${i}` })),
  )
  return {
    server,
    stop() {
      stop()
      holder.destroy()
    },
    async round() {
      await sleep(400) // as long as Trama's wait for the unload, with the same neighbours
      await server.request('stats')
      const syncMs = await timedSync(server.url, 'cold')
      return { syncMs, stallMs: await stallAfterLoad(server) }
    },
  }
}

/** Untouched boards: opened, looked at, left. What their unload writes and stalls. */
async function untouchedUnload(server: ServerChild): Promise<string> {
  const boards = []
  for (let i = 0; i < UNTOUCHED; i++) boards.push(await createBoard(server.url, `U${i}`))
  // Past the checkpoint worker's next turn (every second): its copy of the new boards' rows into
  // the database file is counted in the process's writes (its thread's too), and fell in the
  // measured window in some runs (87–92 KB).
  await sleep(1_500)
  const clients = boards.map((b) => {
    const doc = new Y.Doc()
    return provider(server.url, b.id, doc, b.keys.viewer)
  })
  await waitUntil(() => clients.every((c) => c.synced), 30_000)
  await sleep(300)
  const before = await server.request('stats')
  for (const c of clients) c.destroy()
  const t0 = performance.now()
  let n = -1
  while (performance.now() - t0 < 20_000 && (n = await loaded(server.url)) > 0) await sleep(50)
  const after = await server.request('stats')
  const written = (after.writtenBytes ?? NaN) - (before.writtenBytes ?? NaN)
  return (
    `${UNTOUCHED} untouched boards unloaded (${n} left): ${written} bytes written, ` +
    `longest stall ${after.loopDelayMaxMs.toFixed(1)} ms`
  )
}

async function main(): Promise<void> {
  process.setMaxListeners(UNTOUCHED + 50)
  const watchdog = setTimeout(() => {
    console.error('cold-open bench did not finish within 240 s: aborting')
    killAllChildren().finally(() => process.exit(1))
  }, 240_000)
  watchdog.unref()
  const [l1, l5] = loadavg() as [number, number]
  console.log(
    `Cold open of a ${CARDS}-card board, median of ${ROUNDS}; load ${l1.toFixed(2)} ${l5.toFixed(2)}`,
  )
  const trama = await tramaTarget()
  const reference = await referenceTarget()
  const ours: { syncMs: number; stallMs: number }[] = []
  const ref: { syncMs: number; stallMs: number }[] = []
  try {
    // interleaved, the order alternating: neither always runs on a busier machine
    for (let r = 0; r < ROUNDS; r++) {
      const [l1r] = loadavg() as [number]
      const order = r % 2 ? [reference, trama] : [trama, reference]
      for (const target of order) {
        const result = await target.round()
        ;(target === trama ? ours : ref).push(result)
        console.log(
          `  round ${r + 1} ${target.server.name.padEnd(9)} sync ${result.syncMs.toFixed(0)} ms, ` +
            `longest stall ${result.stallMs.toFixed(1)} ms, load ${l1r.toFixed(2)}`,
        )
      }
    }
  } finally {
    trama.stop()
    reference.stop()
  }
  const pick = (xs: typeof ours, k: 'syncMs' | 'stallMs') => median(xs.map((x) => x[k]))
  const ratio = (a: number, b: number) => (a / b).toFixed(2)
  console.log(
    `fresh client sync (median): Trama (cold, from SQLite) ${pick(ours, 'syncMs').toFixed(0)} ms, ` +
      `reference (in memory) ${pick(ref, 'syncMs').toFixed(0)} ms, ratio ` +
      ratio(pick(ours, 'syncMs'), pick(ref, 'syncMs')),
  )
  console.log(
    `longest server stall meanwhile (median): Trama ${pick(ours, 'stallMs').toFixed(1)} ms, ` +
      `reference ${pick(ref, 'stallMs').toFixed(1)} ms`,
  )
  await reference.server.stop()
  console.log(await untouchedUnload(trama.server))
  await trama.server.stop()
  const [e1, e5] = loadavg() as [number, number]
  console.log(`load at the end ${e1.toFixed(2)} ${e5.toFixed(2)}`)
}

main().then(
  () => process.exit(0),
  async (err: Error) => {
    console.error(err.stack ?? err.message)
    await killAllChildren()
    process.exit(1)
  },
)
