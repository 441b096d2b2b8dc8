import type * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'

/** y-protocols' sync message types that carry a document update. */
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** A listener of the document's updates that would only store what the server sent. */
export interface QuietListener {
  /** Its `update` listener, taken off while the server's messages are applied. */
  onUpdate: (update: Uint8Array, origin: unknown) => void
  /** Given each update the server sends, as it came. */
  keepFromServer: (update: Uint8Array) => void
}

export interface QuietApply {
  /** Restores the provider's own handler. */
  restore(): void
  /** Adds a listener to keep quiet (the local copy, once it opens); returns its removal. */
  add(listener: QuietListener): () => void
}

/** The update a sync message carries, read from a copy of its reader; null for the others. */
function updateIn(decoder: decoding.Decoder): Uint8Array | null {
  const peek = decoding.clone(decoder)
  const type = decoding.readVarUint(peek)
  return type === SYNC_STEP_2 || type === SYNC_UPDATE ? decoding.readVarUint8Array(peek) : null
}

/**
 * Applies what the server sends without Yjs encoding it again for nobody.
 *
 * Yjs encodes every transaction's changes as an update whenever the document has an `update`
 * listener, before it calls the listeners. The provider's listener sends on only what did not
 * come from the provider itself, so for what the server sent (a 614 KB board on a 2,000-card
 * tree: ~80 ms) the encoding is thrown away; the local copy (localCopy.ts) stores it, and takes
 * the server's bytes as they came instead. While the provider reads a sync message, those
 * listeners are taken off for the transactions the provider applies (origin: the provider) and
 * put back for any other — a change an observer makes in reaction is sent and stored as always.
 * Other `update` listeners still get every update.
 */
export function applyServerUpdatesQuietly(doc: Y.Doc, provider: WebsocketProvider): QuietApply {
  const handlers = provider.messageHandlers
  const readSync = handlers[MESSAGE_SYNC]!
  const quiet = new Set<QuietListener>()
  const providerListener = provider._updateHandler
  let attached = true
  const attach = (on: boolean) => {
    if (on === attached) return
    attached = on
    for (const listener of [providerListener, ...[...quiet].map((q) => q.onUpdate)])
      if (on) doc.on('update', listener)
      else doc.off('update', listener)
  }
  // Emitted for each transaction after its observers and just before its update is encoded.
  const beforeEncoding = (tr: Y.Transaction) => attach(tr.origin !== provider)
  handlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    const update = quiet.size ? updateIn(decoder) : null
    doc.on('afterTransactionCleanup', beforeEncoding)
    try {
      readSync(encoder, decoder, ...rest)
    } finally {
      doc.off('afterTransactionCleanup', beforeEncoding)
      attach(true)
    }
    // kept once the provider has read it (the local copy checks it before storing it: Yjs's
    // reader logs an update it cannot apply, it does not throw)
    if (update) for (const q of quiet) q.keepFromServer(update)
  }
  return {
    restore() {
      handlers[MESSAGE_SYNC] = readSync
    },
    add(listener) {
      quiet.add(listener)
      return () => void quiet.delete(listener)
    },
  }
}
