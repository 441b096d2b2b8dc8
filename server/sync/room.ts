import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { FastifyBaseLogger } from 'fastify'
import { migrateDoc } from '../../shared/schema/index.ts'
import {
  CLOSE,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from '../../shared/protocol.ts'
import type { BoardStore } from '../storage/types.ts'
import type { SyncLimits } from './config.ts'
import type { Connection } from './connection.ts'

const STORAGE_ORIGIN = Symbol('storage')

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/**
 * Checks a frame's envelope before anything is applied: a known message type and, for sync and
 * awareness, exactly one length-prefixed payload that ends where the frame ends.
 */
function checkFrame(data: Uint8Array): void {
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

/**
 * One loaded board: its document, its awareness and its connections. Every update the
 * document accepts is appended to storage first, then relayed to the other connections.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  /** Set when the stored board is newer than this server: nobody may sync it. */
  newerSchema = false
  destroyed = false
  private lastSeq = 0
  private logCount = 0
  private logBytes = 0
  private compactScheduled = false
  private unloadTimer: NodeJS.Timeout | null = null

  constructor(
    readonly id: string,
    private readonly store: BoardStore,
    private readonly limits: SyncLimits,
    private readonly log: FastifyBaseLogger,
    private readonly onIdle: (room: Room) => void,
  ) {
    this.awareness.setLocalState(null)
    const stored = store.loadDocument(id)
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    if (parts.length) Y.applyUpdate(this.doc, Y.mergeUpdates(parts), STORAGE_ORIGIN)
    this.lastSeq = stored.lastSeq
    this.logCount = stored.updates.length
    this.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0)

    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)

    const migration = migrateDoc(this.doc)
    if (!migration.ok) {
      this.newerSchema = true
      log.warn({ board: id, found: migration.found }, 'board schema is newer than this server')
    } else if (migration.applied.length) {
      log.info(
        { board: id, from: migration.from, to: migration.to, applied: migration.applied },
        'board migrated',
      )
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Durable first: nothing leaves this process before it is in the log.
    this.lastSeq = this.store.appendUpdate(this.id, update)
    this.logCount += 1
    this.logBytes += update.byteLength
    const frame = syncUpdateFrame(update)
    for (const conn of this.connections) if (conn !== origin) conn.send(frame)
    this.maybeCompact()
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed)
    const source = this.findConnection(origin)
    if (source) {
      for (const id of added) source.awarenessIds.add(id)
      for (const id of updated) source.awarenessIds.add(id)
      for (const id of removed) source.awarenessIds.delete(id)
    }
    const frame = awarenessFrame(this.awareness, changed)
    for (const conn of this.connections) if (conn !== source) conn.send(frame)
  }

  private findConnection(origin: unknown): Connection | undefined {
    return this.connections.has(origin as Connection) ? (origin as Connection) : undefined
  }

  /** Registers a connection and starts the sync handshake. */
  join(conn: Connection): void {
    this.cancelUnload()
    if (this.newerSchema) {
      conn.close(CLOSE.NEWER_SCHEMA)
      return
    }
    this.connections.add(conn)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    conn.send(encoding.toUint8Array(encoder))
    const states = [...this.awareness.getStates().keys()]
    if (states.length) conn.send(awarenessFrame(this.awareness, states))
  }

  /** Handles one frame; throws on a malformed one (the caller closes that socket only). */
  receive(conn: Connection, data: Uint8Array): void {
    checkFrame(data)
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC:
        this.receiveSync(conn, decoder)
        break
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(
          this.awareness,
          decoding.readVarUint8Array(decoder),
          conn,
        )
        break
      case MESSAGE_QUERY_AWARENESS:
        conn.send(awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]))
        break
      default:
        throw new Error(`unknown message type ${type}`)
    }
  }

  private receiveSync(conn: Connection, decoder: decoding.Decoder): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    if (conn.canWrite) {
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, conn)
    } else {
      // A viewer may ask for the state (step 1); its own changes are read and dropped.
      const kind = decoding.readVarUint(decoder)
      if (kind === syncProtocol.messageYjsSyncStep1)
        syncProtocol.readSyncStep1(decoder, encoder, this.doc)
      else if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate)
        decoding.readVarUint8Array(decoder)
      else throw new Error(`unknown sync message ${kind}`)
    }
    if (encoding.length(encoder) > 1) conn.send(encoding.toUint8Array(encoder))
  }

  /** Removes a connection and the presence it controlled; an empty room unloads later. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    if (conn.awarenessIds.size)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null)
    if (this.connections.size === 0) this.scheduleUnload()
  }

  scheduleUnload(): void {
    if (this.connections.size > 0 || this.destroyed) return
    this.cancelUnload()
    this.unloadTimer = setTimeout(() => this.onIdle(this), this.limits.unloadDelayMs)
    this.unloadTimer.unref()
  }

  private cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer)
    this.unloadTimer = null
  }

  private maybeCompact(): void {
    if (this.compactScheduled) return
    if (
      this.logCount < this.limits.compactAfterUpdates &&
      this.logBytes < this.limits.compactAfterBytes
    )
      return
    this.compactScheduled = true
    setImmediate(() => {
      this.compactScheduled = false
      if (!this.destroyed) this.compact()
    })
  }

  /** Writes the whole state as the snapshot and drops the log rows it covers. */
  compact(): void {
    this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
    this.logCount = 0
    this.logBytes = 0
  }

  /** Compacts and frees the room; the board reloads from storage on the next connection. */
  destroy(): void {
    if (this.destroyed) return
    this.cancelUnload()
    if (!this.newerSchema) this.compact()
    this.destroyed = true
    for (const conn of this.connections) conn.close(CLOSE.GOING_AWAY)
    this.connections.clear()
    this.awareness.destroy()
    this.doc.destroy()
  }
}
