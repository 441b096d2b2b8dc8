import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { waitFor } from './wait.ts'

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
