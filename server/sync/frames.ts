import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts'
import type { Connection } from './connection.ts'

export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function awarenessFrame(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/**
 * Checks a frame's envelope before anything is applied: a known message type and, for sync and
 * awareness, exactly one length-prefixed payload that ends where the frame ends.
 */
export function checkFrame(data: Uint8Array): void {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === MESSAGE_SYNC) decoding.readVarUint(decoder)
  else if (type === MESSAGE_QUERY_AWARENESS) {
    if (decoder.pos !== data.length) throw new Error('trailing bytes')
    return
  } else if (type !== MESSAGE_AWARENESS) throw new Error(`unknown message type ${type}`)
  const length = decoding.readVarUint(decoder)
  if (decoder.pos + length !== data.length)
    throw new Error('payload length does not match the frame')
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: unknown
}

/** The entries of an awareness update (the y-protocols encoding), states parsed. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const out: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    out.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown })
  }
  if (decoder.pos !== update.length) throw new Error('trailing bytes in awareness update')
  return out
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, JSON.stringify(e.state))
  }
  return encoding.toUint8Array(encoder)
}

/**
 * What a viewer's awareness update may change: only its own presence (not the ids other
 * connections introduced), without a drag or an editing mark. Null when nothing is left.
 */
export function viewerPresence(
  entries: AwarenessEntry[],
  viewer: Connection,
  all: Iterable<Connection>,
): Uint8Array | null {
  const others = new Set<number>()
  for (const conn of all) if (conn !== viewer) for (const id of conn.awarenessIds) others.add(id)
  const kept = entries
    .filter((e) => !others.has(e.clientId))
    .map((e) =>
      e.state && typeof e.state === 'object'
        ? { ...e, state: { ...(e.state as object), drag: null, editing: null } }
        : e,
    )
  return kept.length ? encodeAwarenessEntries(kept) : null
}
