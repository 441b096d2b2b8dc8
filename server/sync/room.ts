import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { FastifyBaseLogger } from 'fastify'
import {
  RefusedUpdate,
  SCHEMA_VERSION,
  judgeUpdate,
  metaRoot,
  migrateDoc,
} from '../../shared/schema/index.ts'
import { PresenceGate, ownEntries, ownersOf, presenceGateOf } from './presence.ts'
import {
  type AwarenessEntry,
  awarenessFrame,
  encodeAwarenessEntries,
  checkFrame,
  readAwarenessEntries,
  syncUpdateFrame,
  viewerPresence,
} from './frames.ts'
import {
  CLOSE,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from '../../shared/protocol.ts'
import type { GroupCommit } from '../storage/groupCommit.ts'
import type { BoardStore, StoredDocument } from '../storage/types.ts'
import type { SyncLimits } from './config.ts'
import type { Connection } from './connection.ts'
import { changesDocument } from './novelty.ts'
import { replayStored } from './replay.ts'

const STORAGE_ORIGIN = Symbol('storage')
const SERVER_ORIGIN = Symbol('server')
/** A browser tab has one awareness client id; a few more cover reconnects and tests. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4

/** An update waiting for the group commit of this turn. */
export interface PendingAppend {
  room: Room
  update: Uint8Array
}

/** What every room of a server shares. */
export interface RoomDeps {
  store: BoardStore
  /** The server's one group commit: every board's updates of a turn in one transaction. */
  commits: GroupCommit<PendingAppend>
  limits: SyncLimits
  log: FastifyBaseLogger
  /** Quiet time after which a changed board's log is folded into a fresh snapshot. */
  snapshotWhenQuietMs: number
  onIdle(room: Room): void
  /** Must drop the room synchronously: nothing may be served from it afterwards. */
  onStorageFailure(room: Room): void
}

/**
 * One loaded board: its document, its awareness and its connections. A client's update is
 * decoded, stored (in the group commit of its turn) and only then applied to the document and
 * relayed, so neither a relay nor a sync answer can carry anything that is not on disk.
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
  /**
   * The stored snapshot, while it is exactly the document (loaded with an empty log, unchanged
   * since): a fresh client's first sync is answered with these bytes instead of encoding a
   * large board on the event loop.
   */
  private wholeState: Uint8Array | null = null
  /** True while a stored update is applied: the doc's update event then only relays. */
  private applyingStored = false
  private unloadTimer: NodeJS.Timeout | null = null
  private quietTimer: NodeJS.Timeout | null = null
  private readonly store: BoardStore
  private readonly limits: SyncLimits
  private readonly log: FastifyBaseLogger

  /**
   * Loads a board: its snapshot, then its log replayed in slices of a few milliseconds with a
   * turn of the event loop between them, so a long log (after a crash) does not stall the other
   * boards; then the migrations. Nobody can join before it resolves.
   */
  static async open(id: string, deps: RoomDeps): Promise<Room> {
    // Optimistic: checking every record before applying it would double the work (and the
    // stall) of every cold open for the rare damaged board. If applying throws, the half-built
    // room is dropped and the board is loaded again, verified, its bad records quarantined.
    try {
      return await Room.build(id, deps, deps.store.loadDocument(id, { verify: false }))
    } catch (err) {
      deps.log.warn(
        { board: id, err: err instanceof Error ? err.message : String(err) },
        'board did not load as stored: loading it verified',
      )
      return Room.build(id, deps, deps.store.loadDocument(id))
    }
  }

  private static async build(id: string, deps: RoomDeps, stored: StoredDocument): Promise<Room> {
    const room = new Room(id, deps)
    await room.replay(stored)
    room.start()
    return room
  }

  private constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    this.store = deps.store
    this.limits = deps.limits
    this.log = deps.log
    this.awareness.setLocalState(null)
  }

  private async replay(stored: StoredDocument): Promise<void> {
    await replayStored(this.doc, stored, STORAGE_ORIGIN)
    if (stored.snapshot && !stored.updates.length) this.wholeState = stored.snapshot
    this.lastSeq = stored.lastSeq
    this.logCount = stored.updates.length
    this.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
  }

  private start(): void {
    this.doc.on('update', this.onDocUpdate)
    this.doc.on('afterTransaction', this.guardSchemaVersion)
    this.awareness.on('update', this.onAwarenessUpdate)

    const migration = migrateDoc(this.doc)
    if (!migration.ok) {
      this.newerSchema = true
      this.log.warn(
        { board: this.id, found: migration.found },
        'board schema is newer than this server',
      )
    } else if (migration.applied.length) {
      this.log.info(
        { board: this.id, from: migration.from, to: migration.to, applied: migration.applied },
        'board migrated',
      )
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.wholeState = null
    if (origin === STORAGE_ORIGIN) return
    // A client's update was stored by the group commit before it was applied. Anything else
    // is the server's own change (a migration, the schema guard): store it now, before relaying.
    if (!this.applyingStored) {
      try {
        this.lastSeq = this.store.appendUpdate(this.id, update)
      } catch (err) {
        this.storageFailed(err)
        return
      }
      this.noteStored(update.byteLength)
    }
    const frame = syncUpdateFrame(update)
    for (const conn of this.connections) if (conn !== origin) conn.send(frame)
  }

  /**
   * A writer's update: checked, then queued for this turn's commit. It reaches the document
   * (and from there the other clients) only once committed.
   */
  private acceptUpdate(conn: Connection, update: Uint8Array): void {
    // Garbage throws here, before anything is stored (y-protocols' own reader would swallow
    // the error and keep the socket open).
    const decoded = Y.decodeUpdate(update)
    // Already known (typically a reconnecting client's sync step 2): nothing to store or relay.
    if (!changesDocument(this.doc, decoded)) return
    // A hostile or broken client: nothing of it is stored or relayed; the caller closes the
    // socket for good (shared/schema/updateGuard.ts says what is refused and why).
    const writer = { facilitator: conn.role === 'facilitator' }
    let refusal = judgeUpdate(this.doc, decoded, writer)
    if (refusal && this.deps.commits.pending > 0) {
      // It may build on updates still queued in this turn's batch (a card, then its label, in
      // two frames read together), which the document does not hold yet: commit them now and
      // judge again against the document they make.
      this.deps.commits.flush()
      if (this.destroyed) return
      refusal = judgeUpdate(this.doc, decoded, writer)
    }
    if (refusal) throw new RefusedUpdate(refusal)
    this.deps.commits.add({
      item: { room: this, update },
      onStored: (seq) => this.applyStored(conn, update, seq),
      onFailed: (err) => this.storageFailed(err),
    })
  }

  private applyStored(conn: Connection, update: Uint8Array, seq: number): void {
    // Stored after the room closed: it is in the log, and the next load reads it.
    if (this.destroyed) return
    this.lastSeq = Math.max(this.lastSeq, seq)
    this.noteStored(update.byteLength)
    this.applyingStored = true
    try {
      Y.applyUpdate(this.doc, update, conn)
    } finally {
      this.applyingStored = false
    }
  }

  private noteStored(bytes: number): void {
    this.logCount += 1
    this.logBytes += bytes
    this.maybeCompact()
    this.armQuietSnapshot()
  }

  /** Not stored, so never served: the room closes now and everyone reloads from the log. */
  private storageFailed(err: unknown): void {
    if (this.destroyed) return
    this.log.error(
      { board: this.id, err: err instanceof Error ? err.message : String(err) },
      'storage failed: board closed',
    )
    // Updates of this board still queued must not land behind a reloaded room's snapshot.
    this.deps.commits.discard((item) => item.room === this)
    this.deps.onStorageFailure(this)
  }

  /** Only migrations write the schema version: a client that changes it is overruled. */
  private guardSchemaVersion = (tr: Y.Transaction): void => {
    if (this.newerSchema || !this.connections.has(tr.origin as Connection)) return
    const meta: unknown = metaRoot(this.doc)
    if (![...tr.changed].some(([type, keys]) => type === meta && keys.has('schemaVersion'))) return
    setImmediate(() => {
      if (this.destroyed || metaRoot(this.doc).get('schemaVersion') === SCHEMA_VERSION) return
      this.doc.transact(
        () => metaRoot(this.doc).set('schemaVersion', SCHEMA_VERSION),
        SERVER_ORIGIN,
      )
    })
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // As y-websocket does: a connection controls the ids it introduced, and they leave with it.
    const source = this.connections.has(origin as Connection) ? (origin as Connection) : undefined
    if (source) {
      for (const id of added) source.awarenessIds.add(id)
      for (const id of removed) source.awarenessIds.delete(id)
    }
    // Everyone gets it, the sender too: the stock client counts its own echo as a sign of life
    // and would otherwise reconnect every 30 s when alone on the board.
    const frame = awarenessFrame(this.awareness, added.concat(updated, removed))
    for (const conn of this.connections) conn.send(frame)
  }

  /** Registers a connection and starts the sync handshake. */
  join(conn: Connection): void {
    // The room unloaded while this socket finished its handshake: the client reconnects and
    // gets the board reloaded (a destroyed document must never answer a sync).
    if (this.destroyed) {
      conn.close(CLOSE.GOING_AWAY)
      return
    }
    this.cancelUnload()
    if (this.newerSchema) {
      conn.close(CLOSE.NEWER_SCHEMA)
      this.scheduleUnload()
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
        this.receiveAwareness(conn, decoding.readVarUint8Array(decoder))
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
    const kind = decoding.readVarUint(decoder)
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      const fresh = this.wholeState && Y.decodeStateVector(stateVector).size === 0
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(
        encoder,
        fresh ? this.wholeState! : Y.encodeStateAsUpdate(this.doc, stateVector),
      )
    } else if (
      kind === syncProtocol.messageYjsSyncStep2 ||
      kind === syncProtocol.messageYjsUpdate
    ) {
      const update = decoding.readVarUint8Array(decoder)
      // A viewer's changes are read and dropped, never applied, stored or relayed.
      if (conn.canWrite) this.acceptUpdate(conn, update)
    } else throw new Error(`unknown sync message ${kind}`)
    if (encoding.length(encoder) > 1) conn.send(encoding.toUint8Array(encoder))
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    if (update.byteLength > this.limits.maxAwarenessBytes)
      throw new Error('awareness state too large')
    const entries = readAwarenessEntries(update)
    const states = this.awareness.getStates()
    const fresh = entries.filter((e) => e.state !== null && !states.has(e.clientId)).length
    if (conn.awarenessIds.size + fresh > MAX_AWARENESS_IDS_PER_CONNECTION)
      throw new Error('too many awareness ids')
    // Ownership and the board's presence budget: see presence.ts. Checked on arrival (what is
    // refused costs no budget) and again when held-back presence is released.
    const own = (from: Connection, list: AwarenessEntry[]) => {
      const { kept, refused } = ownEntries(list, from, ownersOf(this.connections))
      // an echo carries a clock already seen; a newer clock for someone else's id is an attempt
      const attempts = refused.filter(
        (e) => e.clock > (this.awareness.meta.get(e.clientId)?.clock ?? 0),
      )
      if (attempts.length)
        this.log.warn(
          { board: this.id, role: from.role, ids: attempts.map((e) => e.clientId) },
          "presence for another connection's client id refused",
        )
      return kept
    }
    const gate = presenceGateOf<Connection>(
      this,
      () =>
        new PresenceGate<Connection>(this.limits.presenceBytesPerSecond, {
          sharers: () => this.connections.size,
          apply: (from, list) => {
            if (this.destroyed || !this.connections.has(from)) return
            const kept = own(from, list)
            if (!kept.length) return
            // A projector may only speak for itself, and must not move or claim cards.
            const accepted = from.canWrite
              ? encodeAwarenessEntries(kept)
              : viewerPresence(kept, from, this.connections)
            if (accepted) awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, from)
          },
        }),
    )
    gate.offer(conn, own(conn, entries))
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
    this.unloadTimer = setTimeout(() => this.deps.onIdle(this), this.limits.unloadDelayMs)
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

  /**
   * A board that changed and then went quiet gets a fresh snapshot, so a crash leaves a short
   * log to replay on the next load.
   */
  private armQuietSnapshot(): void {
    if (this.quietTimer) this.quietTimer.refresh()
    else {
      this.quietTimer = setTimeout(() => {
        this.quietTimer = null
        if (!this.destroyed && this.logCount > 0) this.compact()
      }, this.deps.snapshotWhenQuietMs)
      this.quietTimer.unref()
    }
  }

  /** Whether the log holds updates the snapshot does not (an untouched board holds none). */
  get changedSinceSnapshot(): boolean {
    return this.logCount > 0
  }

  /**
   * Writes the whole state as the snapshot and drops the log rows it covers. A failure leaves
   * the log as it was (nothing is lost) and is only logged.
   */
  compact(): boolean {
    try {
      this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
    } catch (err) {
      this.log.error(
        { board: this.id, err: (err as Error).message },
        'compaction failed; the log is kept',
      )
      return false
    }
    this.logCount = 0
    this.logBytes = 0
    return true
  }

  /**
   * Frees the room; the board reloads from storage on the next connection. Normally its queued
   * updates are committed and applied first, and a changed board is compacted (an untouched
   * one writes nothing). After a storage failure (`compact: false`) the log on disk is the
   * truth and nothing is written.
   */
  destroy({ compact = true }: { compact?: boolean } = {}): void {
    if (this.destroyed) return
    if (compact) {
      // Never throws; a failure of this room's updates destroys it without compaction.
      this.deps.commits.flush()
      if (this.destroyed) return
    }
    this.destroyed = true
    this.cancelUnload()
    if (this.quietTimer) clearTimeout(this.quietTimer)
    try {
      if (compact && !this.newerSchema && this.changedSinceSnapshot) this.compact()
    } finally {
      const reason = compact ? CLOSE.GOING_AWAY : CLOSE.STORAGE_FAILED
      for (const conn of this.connections) conn.close(reason)
      this.connections.clear()
      this.awareness.destroy()
      this.doc.destroy()
    }
  }
}
