/**
 * The failover load (in the load-generator process): the clients of every board split between
 * two instances write as in the steady load; mid-load the bench kills the first instance
 * (`kill -9`) and its clients are pointed at the second, keeping their documents, so they send
 * again whatever the dead instance never stored. Afterwards every board is read on a fresh
 * instance (from PostgreSQL) and each edit is looked up in it by its Yjs clock: an edit that
 * reached any other client was stored (stored before relayed), so none of those may be missing.
 */
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { canvasRoots } from '../shared/schema/index.ts'
import type { BoardAccess, FailoverPhase, FailoverResult } from './cluster-ipc.ts'
import type { BenchConfig } from './config.ts'
import { edit, type BenchClient, type Sent } from './load.ts'
import { prng, sleep, waitUntil } from './util.ts'

export type Open = (url: string, board: BoardAccess, doc: Y.Doc) => WebsocketProvider

interface Edit {
  u: string
  clientId: number
  /** The writer's clock after the edit: a document holds the edit iff its state reaches it. */
  clock: number
  /** The card the edit created, if it created one. */
  card?: string
}

interface Writer extends BenchClient {
  url: string
  edits: Edit[]
}

const vectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64')

/** Ids `u` of the edits a remote transaction brought into `doc`. */
function observeRemoteEdits(doc: Y.Doc, seen: (u: string) => void): void {
  const nodes = canvasRoots(doc, 'problems').nodes
  const note = (card: Y.Map<unknown> | undefined) => {
    const u = card?.get('u')
    if (typeof u === 'string') seen(u)
  }
  nodes.observeDeep((events, transaction) => {
    if (transaction.local) return
    for (const event of events) {
      if (event.target === nodes) {
        for (const [key, change] of event.changes.keys)
          if (change.action === 'add') note(nodes.get(key))
      } else if ((event as Y.YMapEvent<unknown>).keysChanged.has('u'))
        note(event.target as Y.Map<unknown>)
    }
  })
}

export async function runFailover(
  config: BenchConfig,
  boards: BoardAccess[],
  [victim, survivor]: [string, string],
  open: Open,
  phase: (p: FailoverPhase) => Promise<string | undefined>,
): Promise<FailoverResult> {
  const sent = new Map<string, Sent>()
  const acknowledged = new Set<string>()
  const writers: Writer[] = []
  const verifiers: WebsocketProvider[] = []
  let writing = true
  try {
    for (const [board, access] of boards.entries())
      for (let i = 0; i < config.clients; i++) {
        const id = board * config.clients + i
        const doc = new Y.Doc()
        const url = i % 2 === 0 ? victim : survivor
        observeRemoteEdits(doc, (u) => acknowledged.add(u))
        writers.push({
          id,
          board,
          doc,
          url,
          provider: open(url, access, doc),
          random: prng(config.seed * 100_003 + id),
          cards: [],
          seq: 0,
          timer: null,
          edits: [],
        })
      }
    const synced = () => writers.every((w) => w.provider.synced)
    if (!(await waitUntil(synced, 30_000))) throw new Error('clients did not sync within 30 s')
    await phase('connected')

    const write = (w: Writer) => {
      const before = w.cards.length
      edit(w, sent, true)
      w.edits.push({
        u: `${w.id}.${w.seq - 1}`,
        clientId: w.doc.clientID,
        clock: Y.getState(w.doc.store, w.doc.clientID),
        ...(w.cards.length > before ? { card: w.cards.at(-1)! } : {}),
      })
    }
    const period = 1000 / config.rate
    for (const w of writers) {
      const tick = () => {
        if (!writing) return
        write(w)
        w.timer = setTimeout(tick, period)
      }
      w.timer = setTimeout(tick, w.random() * period)
    }
    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    const cpu0 = process.cpuUsage()
    const wall0 = performance.now()
    const end = wall0 + (config.warmupSeconds + config.seconds) * 1000

    await sleep(config.warmupSeconds * 1000 + (config.seconds * 1000) / 2)
    await phase('killNow') // answered once the first instance is dead
    const killed = performance.now()
    const moved = writers.filter((w) => w.url === victim)
    for (const w of moved) {
      w.provider.destroy()
      w.provider.awareness.destroy()
      w.url = survivor
      w.provider = open(survivor, boards[w.board]!, w.doc)
    }
    if (!(await waitUntil(synced, 30_000)))
      throw new Error('moved clients did not sync with the surviving instance within 30 s')
    const resyncMs = performance.now() - killed

    await sleep(end - performance.now())
    writing = false
    for (const w of writers) if (w.timer) clearTimeout(w.timer)
    const cpu = process.cpuUsage(cpu0)
    const wallMs = performance.now() - wall0
    loop.disable()

    const converged = () => {
      let n = 0
      for (let board = 0; board < boards.length; board++) {
        const vectors = writers.filter((w) => w.board === board).map((w) => vectorOf(w.doc))
        if (vectors.every((v) => v === vectors[0])) n++
      }
      return n
    }
    await waitUntil(() => converged() === boards.length, config.drainSeconds * 1000)
    const convergedBoards = converged()

    // Each board as a fresh instance loads it from PostgreSQL.
    const checkUrl = (await phase('converged')) ?? survivor
    const fresh = boards.map((access) => {
      const doc = new Y.Doc()
      const provider = open(checkUrl, access, doc)
      verifiers.push(provider)
      return doc
    })
    if (!(await waitUntil(() => verifiers.every((p) => p.synced), 30_000)))
      throw new Error('the check clients did not sync within 30 s')
    let written = 0
    let lostAcknowledged = 0
    let lostWritten = 0
    let lostCards = 0
    let divergentClients = 0
    for (const w of writers) {
      const doc = fresh[w.board]!
      const state = Y.decodeStateVector(Y.encodeStateVector(doc))
      const nodes = canvasRoots(doc, 'problems').nodes
      if (vectorOf(w.doc) !== vectorOf(doc)) divergentClients++
      for (const e of w.edits) {
        written++
        const held = (state.get(e.clientId) ?? 0) >= e.clock
        if (!held) lostWritten++
        if (!acknowledged.has(e.u)) continue
        if (!held) lostAcknowledged++
        if (e.card && !nodes.has(e.card)) lostCards++
      }
    }
    return {
      written,
      acknowledged: acknowledged.size,
      lostAcknowledged,
      lostWritten,
      lostCards,
      movedClients: moved.length,
      resyncMs: Math.round(resyncMs),
      convergedBoards,
      divergentClients,
      clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10,
      clientLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
    }
  } finally {
    writing = false
    for (const w of writers) {
      if (w.timer) clearTimeout(w.timer)
      w.provider.destroy()
      w.doc.destroy()
    }
    for (const p of verifiers) {
      p.destroy()
      p.doc.destroy()
    }
  }
}
