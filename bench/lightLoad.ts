/**
 * The ladder's load, with clients light enough that the bench is not the bottleneck: each client
 * speaks the y-websocket protocol on a raw socket, writes its edits from a document that holds
 * only its own cards (its updates are exactly what a stock client would send), and reads what
 * the server relays without applying it: every edit carries a marker `µ<client>.<seq>µ` in its
 * `u` field, found in the relayed bytes. Stock clients apply every update of their board
 * (500 documents at 50 boards) and ran out of CPU before either server did.
 *
 * At the end one stock client per board syncs and checks that the board holds every client's
 * last edit of every card (nothing lost, the board converged).
 */
import * as Y from 'yjs'
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import { performance } from 'node:perf_hooks'
import { canvasRoots, putCard, PROBLEM_ROLES } from '../shared/schema/index.ts'
import type { BenchConfig } from './config.ts'
import { writeAndMeasure, type LoadResult, type Phase } from './load.ts'
import { prng, waitUntil } from './util.ts'

/** The WebSocket URL of board `board` (0-based) on the server under test. */
export type Endpoint = (board: number) => { url: string; room: string; params?: { key: string } }

const LABELS = ['Spopolamento', 'Trasporti', 'Servizi', 'Lavoro', 'Turismo', 'Scuole', 'Acqua']
const MICRO = 0xb5 // µ is C2 B5 in UTF-8
const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket

interface LightClient {
  id: number
  board: number
  doc: Y.Doc
  ws: WebSocket | null
  synced: boolean
  random: () => number
  cards: string[]
  /** Per card, the marker of this client's last edit of it. */
  last: Map<string, string>
  seq: number
  timer: NodeJS.Timeout | null
  seen: Set<string>
}

const frame = (kind: number, payload: Uint8Array) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0) // sync
  encoding.writeVarUint(e, kind)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

/**
 * Every marker `µ<digits>.<digits>µ` in relayed bytes. The binary parts of an update (client
 * ids, clocks) can hold the bytes of µ too: a candidate that is not digits and a dot up to the
 * next µ is not a marker, and the search goes on from the byte after it.
 */
function markers(bytes: Buffer, found: (marker: string) => void): void {
  let i = bytes.indexOf(0xc2)
  while (i !== -1 && i + 1 < bytes.length) {
    if (bytes[i + 1] === MICRO) {
      let j = i + 2
      while (j < bytes.length && ((bytes[j]! >= 0x30 && bytes[j]! <= 0x39) || bytes[j] === 0x2e))
        j++
      if (j > i + 2 && bytes[j] === 0xc2 && bytes[j + 1] === MICRO) {
        found(bytes.toString('latin1', i + 2, j))
        i = bytes.indexOf(0xc2, j + 2)
        continue
      }
    }
    i = bytes.indexOf(0xc2, i + 1)
  }
}

/** One edit in one transaction, as bench/load.ts makes them: create 20 %, move 65 %, relabel. */
function edit(
  client: LightClient,
  sent: Map<string, { t: number; measured: boolean }>,
  measured: boolean,
): void {
  const { doc, random } = client
  const marker = `${client.id}.${client.seq++}`
  const u = `µ${marker}µ`
  const nodes = canvasRoots(doc, 'problems').nodes
  const r = random()
  sent.set(marker, { t: performance.now(), measured })
  doc.transact(() => {
    const cardId = client.cards[Math.floor(r * 1e6) % Math.max(1, client.cards.length)]
    const card = cardId ? nodes.get(cardId) : undefined
    if (!card || r < 0.2) {
      const id = `card-${client.id}-${client.cards.length}`
      putCard(doc, 'problems', id, {
        kind: 'problem',
        role: PROBLEM_ROLES[Math.floor(random() * PROBLEM_ROLES.length)]!,
        label: `${LABELS[Math.floor(random() * LABELS.length)]} ${client.cards.length}`,
        x: Math.round(random() * 2000),
        y: Math.round(random() * 1200),
        u,
      })
      client.cards.push(id)
      client.last.set(id, u)
      return
    }
    if (r < 0.85) {
      card.set('x', Math.round(random() * 2000))
      card.set('y', Math.round(random() * 1200))
    } else card.set('label', `${LABELS[Math.floor(random() * LABELS.length)]} (rev. ${client.seq})`)
    card.set('u', u)
    client.last.set(cardId!, u)
  })
}

export async function runLightLoad(
  config: BenchConfig,
  endpoint: Endpoint,
  onPhase: (phase: Phase) => Promise<void>,
): Promise<LoadResult> {
  const sent = new Map<string, { t: number; measured: boolean }>()
  const deliveries = new Map<string, number>()
  const latencies: number[] = []
  const closes: Record<string, number> = {}
  const others = config.clients - 1
  let received = 0
  let duplicates = 0
  let unknown = 0
  let reconnects = 0
  let tracking = true
  const clients: LightClient[] = []

  const observe = (client: LightClient, marker: string, now: number) => {
    const record = sent.get(marker)
    if (!record) return void unknown++
    if (!record.measured || marker.startsWith(`${client.id}.`)) return
    if (client.seen.has(marker)) return void duplicates++
    client.seen.add(marker)
    deliveries.set(marker, (deliveries.get(marker) ?? 0) + 1)
    received++
    latencies.push(now - record.t)
  }

  const open = (client: LightClient, first: boolean) => {
    const { url, room, params } = endpoint(client.board)
    const query = params ? `?${new URLSearchParams(params)}` : ''
    const ws = new WebSocket(`${url}/${room}${query}`, { perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    client.ws = ws
    ws.on('open', () => {
      if (!first && tracking) reconnects++
      ws.send(frame(0, Y.encodeStateVector(client.doc)))
    })
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data)
      if (decoding.readVarUint(decoder) !== 0) return // presence: not read
      const kind = decoding.readVarUint(decoder)
      if (kind === 0) {
        const sv = decoding.readVarUint8Array(decoder)
        ws.send(frame(1, Y.encodeStateAsUpdate(client.doc, sv)))
        return
      }
      if (kind === 1) client.synced = true
      const now = performance.now()
      markers(data, (m) => observe(client, m, now))
    })
    ws.on('close', (code) => {
      client.synced = false
      if (client.ws !== ws) return
      client.ws = null
      if (!tracking) return
      closes[String(code)] = (closes[String(code)] ?? 0) + 1
      setTimeout(() => tracking && open(client, false), 100)
    })
    ws.on('error', () => {})
  }

  const t0 = performance.now()
  const checkers: { provider: WebsocketProvider; doc: Y.Doc }[] = []
  try {
    for (let board = 0; board < config.boards; board++)
      for (let i = 0; i < config.clients; i++) {
        const id = board * config.clients + i
        const doc = new Y.Doc()
        const client: LightClient = {
          id,
          board,
          doc,
          ws: null,
          synced: false,
          random: prng(config.seed * 100_003 + id),
          cards: [],
          last: new Map(),
          seq: 0,
          timer: null,
          seen: new Set(),
        }
        doc.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin === 'remote' || !client.ws || client.ws.readyState !== WebSocket.OPEN) return
          client.ws.send(frame(2, update))
        })
        clients.push(client)
        open(client, true)
      }
    const synced = await waitUntil(() => clients.every((c) => c.synced), 30_000)
    if (!synced) {
      const n = clients.filter((c) => !c.synced).length
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
      (client) => client.synced,
      onPhase,
    )

    const drain0 = performance.now()
    const expected = measuredSent * others
    await waitUntil(() => received >= expected, config.drainSeconds * 1000)
    const drainMs = performance.now() - drain0

    // One stock client per board: does the board hold every client's last edit of every card?
    for (let board = 0; board < config.boards; board++) {
      const doc = new Y.Doc()
      const { url, room, params } = endpoint(board)
      const provider = new WebsocketProvider(url, room, doc, {
        ...(params ? { params } : {}),
        WebSocketPolyfill,
        disableBc: true,
      })
      checkers.push({ provider, doc })
    }
    const holdsAll = (board: number) => {
      const nodes = canvasRoots(checkers[board]!.doc, 'problems').nodes
      return clients
        .filter((c) => c.board === board)
        .every((c) => [...c.last].every(([id, u]) => nodes.get(id)?.get('u') === u))
    }
    const converged = () => checkers.filter((_, b) => holdsAll(b)).length
    await waitUntil(
      () => checkers.every((c) => c.provider.synced) && converged() === config.boards,
      config.drainSeconds * 1000,
    )
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
      c.ws?.terminate()
      c.doc.destroy()
    }
    for (const c of checkers) {
      c.provider.destroy()
      c.doc.destroy()
    }
  }
}
