/**
 * The cluster bench's load generator: a process of its own (started by bench/cluster-ipc.ts),
 * holding every stock y-websocket client of one run. It runs the ladder's steady load
 * (bench/load.ts) with each board's clients spread over the given instances, or the failover
 * load (bench/cluster-failover.ts), and reports its own CPU and event-loop delay with the result.
 */
import WebSocket from 'ws'
import type * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { runFailover } from './cluster-failover.ts'
import type { BoardAccess, FromLoad, RunRequest, ToLoad } from './cluster-ipc.ts'
import { runLoad } from './load.ts'

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket

if (!process.send) throw new Error('started by the cluster bench only (needs an IPC channel)')
const send = (message: FromLoad) => process.send!(message)

function open(url: string, board: BoardAccess, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(url.replace(/^http/, 'ws') + '/sync', board.id, doc, {
    params: { key: board.key },
    WebSocketPolyfill,
    disableBc: true,
  })
}

let nextId = 1
const waiting = new Map<number, (url: string | undefined) => void>()

/** Tells the bench a phase and waits for its answer. */
function phase(name: Extract<FromLoad, { type: 'phase' }>['phase']): Promise<string | undefined> {
  const id = nextId++
  return new Promise((resolve) => {
    waiting.set(id, resolve)
    send({ type: 'phase', id, phase: name })
  })
}

async function run(request: RunRequest): Promise<Extract<FromLoad, { type: 'result' }>> {
  const { config, boards, urls } = request
  // each provider registers a process 'exit' listener
  process.setMaxListeners(boards.length * config.clients * 2 + 20)
  if (request.kind === 'failover')
    return {
      type: 'result',
      failover: await runFailover(config, boards, request.urls, open, phase),
    }
  // runLoad opens the clients of each board in order: client i of a board goes to urls[i % n]
  const opened = new Map<number, number>()
  const connect = (board: number, doc: Y.Doc) => {
    const i = opened.get(board) ?? 0
    opened.set(board, i + 1)
    return open(urls[i % urls.length]!, boards[board]!, doc)
  }
  return { type: 'result', steady: await runLoad(config, connect, (p) => phase(p).then(() => {})) }
}

process.on('message', (raw: unknown) => {
  const message = raw as ToLoad
  if (message.type === 'ack') {
    waiting.get(message.id)?.(message.url)
    waiting.delete(message.id)
  } else if (message.type === 'run') {
    run(message.request).then(send, (err: Error) =>
      send({ type: 'error', message: err.stack ?? err.message }),
    )
  }
})
// the bench is gone: nothing to report to
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
