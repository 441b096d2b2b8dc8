import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { waitFor } from './wait.ts'
import { createBoard } from './server.ts'
import { putCard } from '../../shared/schema/index.ts'

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** A stock y-websocket client on `/sync`, exactly as the contract describes. */
export function connectClient(
  baseUrl: string,
  boardId: string,
  key: string,
  doc = new Y.Doc(),
): Client {
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', boardId, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function connectSynced(
  baseUrl: string,
  boardId: string,
  key: string,
): Promise<Client> {
  const client = connectClient(baseUrl, boardId, key)
  await waitFor(() => client.provider.synced, 'client synced')
  return client
}

/** Outcome of a raw upgrade attempt: the HTTP status when refused, 101 when accepted. */
export function tryUpgrade(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
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

/**
 * A new board whose problem tree has these cards in a row (p0, p1…: the first the core
 * problem, the others causes), written by a client that stays connected; it is added to
 * `clients` for the test to destroy.
 */
export async function seededProblemBoard(
  url: string,
  labels: string[],
  clients: Client[],
  title = 'Patto Valle',
) {
  const board = await createBoard(url, title)
  const seeder = await connectSynced(url, board.id, board.keys.facilitator)
  clients.push(seeder)
  seeder.doc.transact(() =>
    labels.forEach((label, i) =>
      putCard(seeder.doc, 'problems', `p${i}`, {
        kind: 'problem',
        label,
        x: i * 260,
        y: 0,
        role: i === 0 ? 'core' : 'cause',
      }),
    ),
  )
  return board
}
