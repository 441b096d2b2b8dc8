import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'

/**
 * Applies what the server sends without Yjs encoding it again for nobody.
 *
 * Yjs encodes every transaction's changes as an update whenever the document has an `update`
 * listener, before it calls the listeners. The provider's listener sends on only what did not
 * come from the provider itself, so for what the server sent (a 614 KB board on a 2,000-card
 * tree: ~80 ms) the encoding is thrown away. While the provider reads a sync message, its
 * listener is taken off for the transactions the provider applies (origin: the provider) and
 * put back for any other — a change an observer makes in reaction is sent as always. Other
 * `update` listeners (the local IndexedDB copy) still get every update.
 *
 * Returns the function that restores the provider's own handler.
 */
export function applyServerUpdatesQuietly(doc: Y.Doc, provider: WebsocketProvider): () => void {
  const handlers = provider.messageHandlers
  const readSync = handlers[MESSAGE_SYNC]!
  const listener = provider._updateHandler
  let attached = true
  const attach = (on: boolean) => {
    if (on === attached) return
    attached = on
    if (on) doc.on('update', listener)
    else doc.off('update', listener)
  }
  // Emitted for each transaction after its observers and just before its update is encoded.
  const beforeEncoding = (tr: Y.Transaction) => attach(tr.origin !== provider)
  handlers[MESSAGE_SYNC] = (...args) => {
    doc.on('afterTransactionCleanup', beforeEncoding)
    try {
      readSync(...args)
    } finally {
      doc.off('afterTransactionCleanup', beforeEncoding)
      attach(true)
    }
  }
  return () => {
    handlers[MESSAGE_SYNC] = readSync
  }
}
