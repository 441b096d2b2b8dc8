/** The two servers under test and one run of the load against either. */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type { NewBoardAnswer } from '../server/http/routes.ts'
import { ServerChild } from './child.ts'
import type { BenchConfig, TargetName } from './config.ts'
import { runLoad, type Connect, type Phase } from './load.ts'
import { runLightLoad, type Endpoint } from './lightLoad.ts'
import type { TargetResult } from './report.ts'

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket

export async function createBoard(baseUrl: string, title: string): Promise<NewBoardAnswer> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`)
  return (await res.json()) as NewBoardAnswer
}

export interface Target {
  name: TargetName
  entry: string
  /** Prepares the boards on a started server and answers how clients connect to them. */
  prepare(server: ServerChild, config: BenchConfig): Promise<Connect>
  /** The same, for the light clients of the ladder (bench/lightLoad.ts). */
  endpoints(server: ServerChild, config: BenchConfig): Promise<Endpoint>
}

export const TARGETS: Target[] = [
  {
    name: 'trama',
    entry: 'trama-server.ts',
    async prepare(server, config) {
      const boards: NewBoardAnswer[] = []
      for (let b = 0; b < config.boards; b++)
        boards.push(await createBoard(server.url, `Bench board ${b + 1}`))
      const wsUrl = server.url.replace(/^http/, 'ws') + '/sync'
      return (board, doc) =>
        new WebsocketProvider(wsUrl, boards[board]!.id, doc, {
          params: { key: boards[board]!.keys.participant },
          WebSocketPolyfill,
          disableBc: true,
        })
    },
    async endpoints(server, config) {
      const boards: NewBoardAnswer[] = []
      for (let b = 0; b < config.boards; b++)
        boards.push(await createBoard(server.url, `Bench board ${b + 1}`))
      const url = server.url.replace(/^http/, 'ws') + '/sync'
      return (board) => ({
        url,
        room: boards[board]!.id,
        params: { key: boards[board]!.keys.participant },
      })
    },
  },
  {
    name: 'reference',
    entry: 'reference-server.ts',
    async prepare(server) {
      const wsUrl = server.url.replace(/^http/, 'ws')
      return (board, doc) =>
        new WebsocketProvider(wsUrl, `bench-board-${board + 1}`, doc, {
          WebSocketPolyfill,
          disableBc: true,
        })
    },
    async endpoints(server) {
      const url = server.url.replace(/^http/, 'ws')
      return (board) => ({ url, room: `bench-board-${board + 1}` })
    },
  },
]

/**
 * One run of the load against a fresh server. `light`: the ladder's light clients
 * (bench/lightLoad.ts); otherwise stock y-websocket providers (bench/load.ts).
 */
export async function runTarget(
  target: Target,
  config: BenchConfig,
  { light = false }: { light?: boolean } = {},
): Promise<TargetResult> {
  console.log(`\n[${target.name}] starting server…`)
  const server = await ServerChild.spawn(target.name, target.entry)
  const result: TargetResult = { name: target.name, load: undefined!, server: {} }
  try {
    console.log(`[${target.name}] pid ${server.pid} at ${server.url}`)
    await new Promise((r) => setTimeout(r, 300))
    result.server.idle = await server.request('gc')
    const started = Date.now()
    const onPhase = async (phase: Phase) => {
      result.server[phase] = await server.request(phase === 'drained' ? 'gc' : 'stats')
      const elapsed = ((Date.now() - started) / 1000).toFixed(1)
      console.log(`[${target.name}] ${elapsed} s: ${phase}`)
    }
    result.load = light
      ? await runLightLoad(config, await target.endpoints(server, config), onPhase)
      : await runLoad(config, await target.prepare(server, config), onPhase)
    const l = result.load
    console.log(
      `[${target.name}] ${l.received}/${l.expected} deliveries, drain ${Math.round(l.drainMs)} ms`,
    )
    // Let the server see the disconnects before its last sample.
    await new Promise((r) => setTimeout(r, 500))
  } finally {
    const last = await server.stop()
    if (last) result.server.final = last
  }
  return result
}
