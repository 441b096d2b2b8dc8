/**
 * The load: `boards × clients` stock y-websocket clients, each writing `rate` small card edits
 * per second. Every edit carries its id `u` and send time `t`; the other clients of the board
 * record the propagation latency when they observe it.
 */
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { cpus } from 'node:os'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { canvasRoots, putCard, PROBLEM_ROLES } from '../shared/schema/index.ts'
import type { BenchConfig } from './config.ts'
import { machineCpu, prng, sleep, waitUntil } from './util.ts'

/** Opens a provider for board `board` (0-based) on the server under test. */
export type Connect = (board: number, doc: Y.Doc) => WebsocketProvider

export type Phase = 'connected' | 'measureStart' | 'measureEnd' | 'drained'

export interface LoadResult {
  connectMs: number
  measuredMs: number
  drainMs: number
  /** Edits written, all phases. */
  sent: number
  /** Edits written during the measured phase, and their deliveries to other clients. */
  measuredSent: number
  /** Write slots of the measured phase skipped because the bench fell behind (should be 0). */
  skipped: number
  expected: number
  received: number
  duplicates: number
  /** Observed edits whose id the bench did not write (should be 0). */
  unknown: number
  /** Latency (ms) of every measured delivery, sorted. */
  latencies: number[]
  /** Close codes of connections the server (or network) ended during the run. */
  closes: Record<string, number>
  reconnects: number
  convergedBoards: number
  /** Clients that were not synced any more when the measured phase began (should be 0). */
  unsyncedAtStart: number
  /** Client-process health: CPU used and event-loop delay during the measured phase. */
  clientCpuPercent: number
  /** CPU used by the whole machine (all processes) during the measured phase, % of one core. */
  machineCpuPercent: number
  clientLoopDelayP99Ms: number
}

export interface Sent {
  t: number
  measured: boolean
  received: number
}

export interface BenchClient {
  id: number
  board: number
  doc: Y.Doc
  provider: WebsocketProvider
  random: () => number
  cards: string[]
  seq: number
  timer: NodeJS.Timeout | null
}

const LABELS = ['Spopolamento', 'Trasporti', 'Servizi', 'Lavoro', 'Turismo', 'Scuole', 'Acqua']

/** One realistic edit in one transaction: create a card (20%), move one (65%), relabel one. */
export function edit(client: BenchClient, sent: Map<string, Sent>, measured: boolean): void {
  const { doc, random } = client
  const u = `${client.id}.${client.seq++}`
  const nodes = canvasRoots(doc, 'problems').nodes
  const r = random()
  const t = performance.now()
  sent.set(u, { t, measured, received: 0 })
  doc.transact(() => {
    const own = client.cards[Math.floor(random() * client.cards.length)]
    const card = own === undefined ? undefined : nodes.get(own)
    if (!card || r < 0.2) {
      const id = `card-${client.id}-${client.cards.length}`
      putCard(doc, 'problems', id, {
        kind: 'problem',
        role: PROBLEM_ROLES[Math.floor(random() * PROBLEM_ROLES.length)]!,
        label: `${LABELS[Math.floor(random() * LABELS.length)]} ${client.cards.length}`,
        x: Math.round(random() * 2000),
        y: Math.round(random() * 1200),
        t,
        u,
      })
      client.cards.push(id)
      return
    }
    // Each client only edits its own cards: no concurrent overwrite can hide an edit's `u`.
    if (r < 0.85) {
      card.set('x', Math.round(random() * 2000))
      card.set('y', Math.round(random() * 1200))
    } else {
      card.set('label', `${LABELS[Math.floor(random() * LABELS.length)]} (rev. ${client.seq})`)
    }
    card.set('t', t)
    card.set('u', u)
  })
}

/** A writer of the load: its seeded random source and its pending timer. */
interface Writer {
  random: () => number
  timer: NodeJS.Timeout | null
}

/**
 * The writers' warm-up and measured phase, shared by the stock and the light clients: each
 * writes `rate` edits a second on an absolute schedule with a random phase of its own; the
 * bench process's CPU, the machine's and the event-loop delay are taken over the measured
 * phase. Resolves once every writer has stopped.
 */
export async function writeAndMeasure<C extends Writer>(
  config: BenchConfig,
  clients: C[],
  write: (client: C, measured: boolean) => void,
  synced: (client: C) => boolean,
  onPhase: (phase: Phase) => Promise<void>,
) {
  const period = 1000 / config.rate
  const start = performance.now() + 50
  const measureStart = start + config.warmupSeconds * 1000
  const measureEnd = measureStart + config.seconds * 1000
  let measuredSent = 0
  let skipped = 0
  for (const client of clients) {
    let due = start + client.random() * period
    const tick = () => {
      const now = performance.now()
      if (now >= measureEnd) return void (client.timer = null)
      const measured = now >= measureStart
      write(client, measured)
      if (measured) measuredSent++
      due += period
      // A writer more than one period late (the bench process starved) skips the missed
      // slots instead of bursting them: the offered load never exceeds the configured rate.
      if (now - due > period) {
        const missed = Math.floor((now - due) / period)
        due += missed * period
        if (measured) skipped += missed
      }
      client.timer = due < measureEnd ? setTimeout(tick, Math.max(0, due - now)) : null
    }
    client.timer = setTimeout(tick, Math.max(0, due - performance.now()))
  }

  await sleep(measureStart - performance.now())
  const unsyncedAtStart = clients.filter((c) => !synced(c)).length
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const cpu0 = process.cpuUsage()
  const machine0 = machineCpu()
  const wall0 = performance.now()
  await onPhase('measureStart')
  await sleep(measureEnd - performance.now())
  const cpu = process.cpuUsage(cpu0)
  const machine1 = machineCpu()
  const machineCpuPercent =
    ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * cpus().length * 100
  const measuredMs = performance.now() - wall0
  loop.disable()
  await onPhase('measureEnd')
  await waitUntil(() => clients.every((c) => c.timer === null), 5_000)
  return {
    measuredSent,
    skipped,
    unsyncedAtStart,
    measuredMs,
    machineCpuPercent,
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / measuredMs) * 100,
    clientLoopDelayP99Ms: loop.percentile(99) / 1e6,
  }
}

export async function runLoad(
  config: BenchConfig,
  connect: Connect,
  onPhase: (phase: Phase) => Promise<void>,
): Promise<LoadResult> {
  const sent = new Map<string, Sent>()
  const latencies: number[] = []
  const closes: Record<string, number> = {}
  const others = config.clients - 1
  let received = 0
  let duplicates = 0
  let unknown = 0
  let reconnects = 0
  let tracking = true
  const clients: BenchClient[] = []

  const observe = (u: unknown, t: unknown, now: number) => {
    const record = typeof u === 'string' ? sent.get(u) : undefined
    if (!record) return void unknown++
    if (!record.measured) return
    record.received++
    if (record.received > others) return void duplicates++
    received++
    latencies.push(now - (typeof t === 'number' ? t : record.t))
  }

  const t0 = performance.now()
  try {
    for (let board = 0; board < config.boards; board++) {
      for (let i = 0; i < config.clients; i++) {
        const id = board * config.clients + i
        const doc = new Y.Doc()
        const provider = connect(board, doc)
        const client: BenchClient = {
          id,
          board,
          doc,
          provider,
          random: prng(config.seed * 100_003 + id),
          cards: [],
          seq: 0,
          timer: null,
        }
        let connections = 0
        provider.on('status', ({ status }) => {
          if (status === 'connected' && ++connections > 1 && tracking) reconnects++
        })
        provider.on('connection-close', (event) => {
          if (!tracking) return
          const code = event ? String(event.code) : 'local'
          closes[code] = (closes[code] ?? 0) + 1
        })
        const nodes = canvasRoots(doc, 'problems').nodes
        nodes.observeDeep((events, transaction) => {
          if (transaction.local) return
          const now = performance.now()
          for (const event of events) {
            if (event.target === nodes) {
              for (const [key, change] of event.changes.keys) {
                const card = change.action === 'add' ? nodes.get(key) : undefined
                if (card) observe(card.get('u'), card.get('t'), now)
              }
            } else if ((event as Y.YMapEvent<unknown>).keysChanged.has('u')) {
              const card = event.target as Y.Map<unknown>
              observe(card.get('u'), card.get('t'), now)
            }
          }
        })
        clients.push(client)
      }
    }
    const synced = await waitUntil(() => clients.every((c) => c.provider.synced), 30_000)
    if (!synced) {
      const n = clients.filter((c) => !c.provider.synced).length
      throw new Error(`${n} of ${clients.length} clients did not sync within 30 s`)
    }
    const connectMs = performance.now() - t0
    await onPhase('connected')

    const {
      measuredSent,
      skipped,
      unsyncedAtStart,
      measuredMs,
      machineCpuPercent,
      clientCpuPercent,
      clientLoopDelayP99Ms,
    } = await writeAndMeasure(
      config,
      clients,
      (client, measured) => edit(client, sent, measured),
      (client) => client.provider.synced,
      onPhase,
    )
    // Every client synced before the warm-up; report any that is no longer synced now.
    if (unsyncedAtStart)
      console.warn(
        `  warning: ${unsyncedAtStart} clients not synced when the measured phase starts`,
      )

    // Drain: wait for the in-flight deliveries and for every board to converge (every client
    // of a board holds the same state).
    const converged = () => {
      let n = 0
      for (let board = 0; board < config.boards; board++) {
        const docs = clients.filter((c) => c.board === board).map((c) => c.doc)
        const vectors = docs.map((d) => Buffer.from(Y.encodeStateVector(d)).toString('base64'))
        const sizes = docs.map((d) => canvasRoots(d, 'problems').nodes.size)
        if (vectors.every((v) => v === vectors[0]) && sizes.every((x) => x === sizes[0])) n++
      }
      return n
    }
    const drain0 = performance.now()
    const expected = measuredSent * others
    await waitUntil(
      () => received >= expected && converged() === config.boards,
      config.drainSeconds * 1000,
    )
    const drainMs = performance.now() - drain0
    const convergedBoards = converged()
    await onPhase('drained')
    latencies.sort((a, b) => a - b)
    return {
      connectMs,
      measuredMs,
      drainMs,
      sent: sent.size,
      measuredSent,
      skipped,
      expected,
      received,
      duplicates,
      unknown,
      latencies,
      closes,
      reconnects,
      convergedBoards,
      unsyncedAtStart,
      machineCpuPercent,
      clientCpuPercent,
      clientLoopDelayP99Ms,
    }
  } finally {
    tracking = false
    for (const c of clients) {
      if (c.timer) clearTimeout(c.timer)
      c.provider.destroy()
      c.doc.destroy()
    }
  }
}
