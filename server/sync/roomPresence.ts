import * as awarenessProtocol from 'y-protocols/awareness'
import type { FastifyBaseLogger } from 'fastify'
import { PresenceGate, ownEntries, ownersOf, presenceGateOf } from './presence.ts'
import {
  type AwarenessEntry,
  awarenessFrame,
  encodeAwarenessEntries,
  readAwarenessEntries,
  viewerPresence,
} from './frames.ts'
import type { SyncLimits } from './config.ts'
import type { Connection } from './connection.ts'
import type { Role } from '../../shared/protocol.ts'

/** Presence of another server's clients, applied here and never sent back to Redis. */
export const REMOTE_PRESENCE = Symbol('remote presence')
/** The holder of presence ids that clients of another server introduced. */
const REMOTE_OWNER = Symbol('another server')
/**
 * A name as the history records it (presence may carry up to 64 KiB; the page asks for a name
 * of a few words).
 */
const MAX_DECLARED_NAME = 80
/** A browser tab has one awareness client id; a few more cover reconnects and tests. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4

/** What the presence of a board needs of its room. */
export interface PresenceHost {
  readonly id: string
  readonly awareness: awarenessProtocol.Awareness
  readonly connections: ReadonlySet<Connection>
  readonly destroyed: boolean
  /** Sends a frame to every connection of the room. */
  relayToAll(frame: Uint8Array): void
  /** This server's connections changed presence (for other servers); null without a cluster. */
  readonly onOwnPresence: ((update: Uint8Array) => void) | null
}

/**
 * The presence (awareness) of one board: who may set which ids (presence.ts has the rules),
 * the board's presence budget, the echo to everyone, and the ids other servers' clients hold.
 */
export class RoomPresence {
  /** Presence ids introduced by clients of other servers. */
  private readonly remoteIds = new Set<number>()

  constructor(
    private readonly host: PresenceHost,
    private readonly limits: SyncLimits,
    private readonly log: FastifyBaseLogger,
  ) {
    host.awareness.setLocalState(null)
    host.awareness.on('update', this.onUpdate)
  }

  /** The full presence, for a connection that just joined or asked for it. */
  frameOfAll(): Uint8Array | null {
    const states = [...this.host.awareness.getStates().keys()]
    return states.length ? awarenessFrame(this.host.awareness, states) : null
  }

  /** The name a connection's presence declares, if any. */
  declaredName(conn: Connection): string | null {
    for (const id of conn.awarenessIds) {
      const state = this.host.awareness.getStates().get(id) as { user?: { name?: unknown } }
      const name = state?.user?.name
      if (typeof name === 'string' && name.trim())
        return name.trim().slice(0, MAX_DECLARED_NAME).trimEnd()
    }
    return null
  }

  /** A client's awareness update; throws on one the connection may not send. */
  receive(conn: Connection, update: Uint8Array): void {
    if (update.byteLength > this.limits.maxAwarenessBytes)
      throw new Error('awareness state too large')
    const entries = readAwarenessEntries(update)
    const states = this.host.awareness.getStates()
    const fresh = entries.filter((e) => e.state !== null && !states.has(e.clientId)).length
    if (conn.awarenessIds.size + fresh > MAX_AWARENESS_IDS_PER_CONNECTION)
      throw new Error('too many awareness ids')
    // Ownership and the board's presence budget: see presence.ts. Checked on arrival (what is
    // refused costs no budget) and again when held-back presence is released.
    const gate = presenceGateOf<Connection>(
      this,
      () =>
        new PresenceGate<Connection>(this.limits.presenceBytesPerSecond, {
          sharers: () => this.host.connections.size,
          apply: (from, list) => {
            if (this.host.destroyed || !this.host.connections.has(from)) return
            const kept = this.own(from, list)
            if (!kept.length) return
            // A projector may only speak for itself, and must not move or claim cards.
            const accepted = from.canWrite
              ? encodeAwarenessEntries(kept)
              : viewerPresence(kept, from, this.host.connections)
            if (accepted)
              awarenessProtocol.applyAwarenessUpdate(this.host.awareness, accepted, from)
          },
        }),
    )
    gate.offer(conn, this.own(conn, entries))
  }

  /**
   * The entries a connection may set: its own ids and new ones, each saying the connection's
   * role whatever the page wrote (a projector follows the facilitators' presence).
   */
  private own(from: Connection, list: AwarenessEntry[]): AwarenessEntry[] {
    const { kept: own, refused } = ownEntries(list, from, this.ownerOf())
    const kept = own.map((e) => withRole(e, from.role))
    // an echo carries a clock already seen; a newer clock for someone else's id is an attempt
    const attempts = refused.filter(
      (e) => e.clock > (this.host.awareness.meta.get(e.clientId)?.clock ?? 0),
    )
    if (attempts.length)
      this.log.warn(
        { board: this.host.id, role: from.role, ids: attempts.map((e) => e.clientId) },
        "presence for another connection's client id refused",
      )
    return kept
  }

  private ownerOf(): (clientId: number) => Connection | typeof REMOTE_OWNER | undefined {
    const local = ownersOf(this.host.connections)
    return (id) => local(id) ?? (this.remoteIds.has(id) ? REMOTE_OWNER : undefined)
  }

  /** Removes what a leaving connection controlled. */
  leave(conn: Connection): void {
    if (conn.awarenessIds.size)
      awarenessProtocol.removeAwarenessStates(this.host.awareness, [...conn.awarenessIds], null)
  }

  /** Presence of another server's clients (an awareness update), shown to this room's. */
  applyRemote(update: Uint8Array): void {
    const local = ownersOf(this.host.connections)
    const entries = readAwarenessEntries(update).filter((e) => local(e.clientId) === undefined)
    if (!entries.length) return
    for (const e of entries)
      if (e.state === null) this.remoteIds.delete(e.clientId)
      else this.remoteIds.add(e.clientId)
    awarenessProtocol.applyAwarenessUpdate(
      this.host.awareness,
      encodeAwarenessEntries(entries),
      REMOTE_PRESENCE,
    )
  }

  /** The presence of this server's own clients (for another server that just loaded the board). */
  local(): Uint8Array | null {
    const ids = [...this.host.awareness.getStates().keys()].filter((id) => !this.remoteIds.has(id))
    return ids.length ? awarenessProtocol.encodeAwarenessUpdate(this.host.awareness, ids) : null
  }

  private onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // As y-websocket does: a connection controls the ids it introduced, and they leave with it.
    const source = this.host.connections.has(origin as Connection)
      ? (origin as Connection)
      : undefined
    if (source) {
      for (const id of added) source.awarenessIds.add(id)
      for (const id of removed) source.awarenessIds.delete(id)
    }
    const changed = added.concat(updated, removed)
    // Everyone gets it, the sender too: the stock client counts its own echo as a sign of life
    // and would otherwise reconnect every 30 s when alone on the board.
    this.host.relayToAll(awarenessFrame(this.host.awareness, changed))
    const share = this.host.onOwnPresence
    if (origin === REMOTE_PRESENCE || !share) return
    const own = changed.filter((id) => !this.remoteIds.has(id))
    if (!own.length) return
    share(awarenessProtocol.encodeAwarenessUpdate(this.host.awareness, own))
  }
}

/** An entry whose state says `role` (a removal, or a state that is not an object, as it is). */
function withRole(e: AwarenessEntry, role: Role): AwarenessEntry {
  const state = e.state
  if (!state || typeof state !== 'object' || Array.isArray(state)) return e
  if ((state as { role?: unknown }).role === role) return e
  return { ...e, state: { ...state, role } }
}
