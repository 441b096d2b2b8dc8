import { afterEach } from 'vitest'
import * as encoding from 'lib0/encoding'
import NodeWebSocket from 'ws'
import type * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'

/** A participant key of the right shape, for providers that never connect. */
export const KEY = 'abcdefghijklmnop_-QR'

/**
 * Stock y-websocket providers of board_1234 that never connect (unit tests feed them frames by
 * hand), destroyed after each test.
 */
export function idleProviders(): (doc: Y.Doc, key?: string) => WebsocketProvider {
  const providers: WebsocketProvider[] = []
  afterEach(() => providers.splice(0).forEach((p) => p.destroy()))
  return (doc, key = KEY) => {
    const p = new WebsocketProvider('ws://127.0.0.1:1/sync', 'board_1234', doc, {
      connect: false,
      params: { key },
      disableBc: true,
      WebSocketPolyfill: NodeWebSocket as unknown as typeof WebSocket,
    })
    providers.push(p)
    return p
  }
}

/** A sync message (y-protocols' messageSync), its body written by `write`. */
export function syncFrame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_SYNC)
  write(e)
  return encoding.toUint8Array(e)
}
