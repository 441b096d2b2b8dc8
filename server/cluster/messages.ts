import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * What servers tell each other about a board, on its Redis channel. Binary (lib0 encoding):
 * a kind, the sending server's id, then the kind's fields. A server ignores its own messages.
 */
export type ClusterMessage =
  /** An update the sender stored as log row `seq`, after it committed. */
  | { kind: 'update'; from: string; seq: number; update: Uint8Array }
  /** An awareness update of the sender's own clients. */
  | { kind: 'presence'; from: string; update: Uint8Array }
  /** The sender just loaded the board: the others answer with their clients' presence. */
  | { kind: 'presence-query'; from: string }

const KINDS = ['update', 'presence', 'presence-query'] as const

export function encodeClusterMessage(message: ClusterMessage): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, KINDS.indexOf(message.kind))
  encoding.writeVarString(e, message.from)
  if (message.kind === 'update') {
    encoding.writeVarUint(e, message.seq)
    encoding.writeVarUint8Array(e, message.update)
  } else if (message.kind === 'presence') encoding.writeVarUint8Array(e, message.update)
  return Buffer.from(encoding.toUint8Array(e))
}

/** Throws on a message this server cannot read. */
export function decodeClusterMessage(data: Uint8Array): ClusterMessage {
  const d = decoding.createDecoder(data)
  const kind = KINDS[decoding.readVarUint(d)]
  const from = decoding.readVarString(d)
  switch (kind) {
    case 'update': {
      const seq = decoding.readVarUint(d)
      return { kind, from, seq, update: decoding.readVarUint8Array(d) }
    }
    case 'presence':
      return { kind, from, update: decoding.readVarUint8Array(d) }
    case 'presence-query':
      return { kind, from }
    default:
      throw new Error('unknown cluster message')
  }
}
