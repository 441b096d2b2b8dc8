import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts'
import { checkFrame } from './frames.ts'

/** What a room does with each message a client (`from`) sends (y-websocket's protocol). */
export interface ClientMessageHandler<C> {
  /** Sync step 1: answers the update the client lacks, given its state vector (step 2). */
  syncStep1(from: C, stateVector: Uint8Array): Uint8Array
  /** Sync step 2, or an update: what the client holds that the room may lack. */
  update(from: C, update: Uint8Array): void
  /** An awareness update: the client's presence. */
  awareness(from: C, update: Uint8Array): void
  /** The client asks for everyone's presence. */
  queryAwareness(from: C): void
}

/**
 * Reads one frame a client sent and hands its content to `handler`. Returns the answer to
 * send back (sync step 2, for a sync step 1), or null. Throws on a malformed frame or an
 * unknown message; the caller closes that socket only.
 */
export function readClientMessage<C>(
  from: C,
  data: Uint8Array,
  handler: ClientMessageHandler<C>,
): Uint8Array | null {
  checkFrame(data)
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MESSAGE_SYNC:
      return readSync(from, decoder, handler)
    case MESSAGE_AWARENESS:
      handler.awareness(from, decoding.readVarUint8Array(decoder))
      return null
    case MESSAGE_QUERY_AWARENESS:
      handler.queryAwareness(from)
      return null
    default:
      throw new Error(`unknown message type ${type}`)
  }
}

function readSync<C>(
  from: C,
  decoder: decoding.Decoder,
  handler: ClientMessageHandler<C>,
): Uint8Array | null {
  const kind = decoding.readVarUint(decoder)
  if (kind === syncProtocol.messageYjsSyncStep1) {
    const missing = handler.syncStep1(from, decoding.readVarUint8Array(decoder))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, missing)
    return encoding.toUint8Array(encoder)
  }
  if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) {
    handler.update(from, decoding.readVarUint8Array(decoder))
    return null
  }
  throw new Error(`unknown sync message ${kind}`)
}
