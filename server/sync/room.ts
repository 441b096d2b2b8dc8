import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import type { FastifyBaseLogger } from 'fastify'
import { awarenessFrame, syncUpdateFrame } from './frames.ts'
import { readClientMessage, type ClientMessageHandler } from './clientMessages.ts'
import { CLOSE, MESSAGE_SYNC } from '../../shared/protocol.ts'
import type { GroupCommit } from '../storage/groupCommit.ts'
import type { BoardStore, StoredDocument } from '../storage/types.ts'
import { callHook, type RoomHooks } from './hooks.ts'
import type { SyncLimits } from './config.ts'
import type { Connection } from './connection.ts'
import { BoardLog } from './boardLog.ts'
import { IdleUnload } from './idleUnload.ts'
import { LoadedDocument } from './loadedDocument.ts'
import { RoomPresence } from './roomPresence.ts'
import { REMOTE_ORIGIN, RoomRemote } from './roomRemote.ts'
import { migrateLoaded, schemaVersionGuard } from './schemaVersion.ts'
import { UpdateIntake, type DecodedUpdate, type PendingAppend } from './updateIntake.ts'

const STORAGE_ORIGIN = Symbol('storage')
const SERVER_ORIGIN = Symbol('server')

export type { PendingAppend } from './updateIntake.ts'

/** What every room of a server shares. */
export interface RoomDeps {
  store: BoardStore
  /** The server's one group commit: every board's updates of a turn in one transaction. */
  commits: GroupCommit<PendingAppend>
  limits: SyncLimits
  log: FastifyBaseLogger
  /** Quiet time after which a changed board's log is folded into a fresh snapshot. */
  snapshotWhenQuietMs: number
  hooks: RoomHooks
  onIdle(room: Room): void
  /** Must drop the room synchronously: nothing may be served from it afterwards. */
  onStorageFailure(room: Room): void
}

/**
 * One loaded board: its document, its awareness and its connections. A client's update is
 * decoded, stored (in the group commit of its turn) and only then applied to the document and
 * relayed, so neither a relay nor a sync answer can carry anything that is not stored. The
 * hooks (hooks.ts) let a deployment follow loads, accepted updates, relays, presence and
 * unloads, and decide who compacts. Presence is roomPresence.ts's, the log and its compaction
 * boardLog.ts's, loading the document loadedDocument.ts's, what other servers of a cluster
 * send roomRemote.ts's.
 */
export class Room {
  private readonly content: LoadedDocument
  private readonly ydoc: Y.Doc
  /** Only migrations write the schema version: a client that changes it is overruled. */
  private readonly guardSchemaVersion: (tr: Y.Transaction) => void
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<Connection>()
  /** Set when the stored board is newer than this server: nobody may sync it. */
  newerSchema = false
  /** No longer serving: unloading or evicted (its document may still finish storing). */
  destroyed = false
  /** The document is freed; nothing is applied any more. */
  freed = false
  private started = false
  readonly presence: RoomPresence
  private readonly boardLog: BoardLog
  private readonly intake: UpdateIntake
  /** Its side towards the other servers of a cluster (roomRemote.ts). */
  readonly remote: RoomRemote
  /**
   * When the room unloads once nobody uses it (`hold` keeps it loaded while a reader waits for
   * its slices or an export runs).
   */
  readonly idle: IdleUnload
  private readonly limits: SyncLimits
  private readonly log: FastifyBaseLogger
  private readonly hooks: RoomHooks

  /** An empty room; openRoom (openRoom.ts) builds and loads one. */
  constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    this.limits = deps.limits
    this.log = deps.log
    this.hooks = deps.hooks
    const room = this
    this.idle = new IdleUnload(
      deps.limits.unloadDelayMs,
      () => this.connections.size > 0 || this.destroyed,
      () => this.deps.onIdle(this),
    )
    this.content = new LoadedDocument(
      {
        id,
        get freed() {
          return room.freed
        },
        loaded: () => this.start(),
        failed: () => {
          this.closeConnections(CLOSE.GOING_AWAY)
          this.deps.onIdle(this)
        },
      },
      STORAGE_ORIGIN,
      deps.log,
    )
    this.ydoc = this.content.ydoc
    this.guardSchemaVersion = schemaVersionGuard(this, SERVER_ORIGIN)
    this.awareness = new awarenessProtocol.Awareness(this.ydoc)
    this.presence = new RoomPresence(
      {
        id,
        awareness: this.awareness,
        connections: this.connections,
        get destroyed() {
          return room.destroyed
        },
        relayToAll: (frame) => this.relay(frame, null),
        onOwnPresence: this.hooks.onPresence
          ? (update) => this.callHook('onPresence', () => this.hooks.onPresence?.(this, update))
          : null,
      },
      deps.limits,
      deps.log,
    )
    this.intake = new UpdateIntake(this, deps.commits, deps.log)
    this.boardLog = new BoardLog(
      {
        id,
        get doc() {
          return room.doc
        },
        get serving() {
          return room.started && !room.destroyed
        },
        get freed() {
          return room.freed
        },
        mayCompact: () => this.hooks.mayCompact?.(this) ?? true,
        applyNewer: (update) => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN),
      },
      deps.store,
      deps.limits,
      deps.log,
      deps.snapshotWhenQuietMs,
    )
    this.remote = new RoomRemote(
      {
        get freed() {
          return room.freed
        },
        get doc() {
          return room.doc
        },
        presence: this.presence,
        changed: () => this.content.changed(),
      },
      this.boardLog,
    )
  }

  /**
   * Loads the stored board into this new room: a large snapshot in slices (the room is served
   * meanwhile), anything else whole, with its log replayed in slices of a few milliseconds and
   * its migrations stored before this resolves. `verify` checks every record first.
   */
  async load(stored: StoredDocument, verify: boolean): Promise<void> {
    if (!verify && this.loadInSlices(stored)) return
    await this.replay(stored)
    this.start()
    // a migration is stored before anyone can sync the board
    if (this.intake.pending) await this.deps.commits.flush()
  }

  /** A room whose load failed: dropped, nothing of it served or written. */
  abandon(): void {
    this.destroyed = true
    void this.free({ compacted: false })
  }

  private async replay(stored: StoredDocument): Promise<void> {
    // a room that already holds rows of its own (relayed by another server) has more than the
    // stored snapshot: a fresh client is not sent those bytes alone
    await this.content.replay(stored, !this.boardLog.holdsRows)
    this.boardLog.loaded(stored)
  }

  /** Whether the stored snapshot is still being applied in slices (the room serves meanwhile). */
  get loadingInSlices(): boolean {
    return this.content.loadingInSlices
  }

  /**
   * Resolves once the board is whole in the document without completing it at once (a board
   * loading in slices goes on a few milliseconds at a time): for readers that can wait.
   */
  settled(): Promise<void> {
    return this.content.settled()
  }

  /** The board's document (a board still loading in slices is completed first). */
  get doc(): Y.Doc {
    return this.content.doc
  }

  /** A large snapshot that needs no migration loads in slices; the room is served meanwhile. */
  private loadInSlices(stored: StoredDocument): boolean {
    if (this.boardLog.holdsRows || !this.content.loadInSlices(stored)) return false
    this.boardLog.loaded(stored)
    return true
  }

  private start(): void {
    this.ydoc.on('update', this.onDocUpdate)
    this.ydoc.on('afterTransaction', this.guardSchemaVersion)
    this.started = true
    this.newerSchema = !migrateLoaded(this.doc, this.id, this.log)
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.content.changed()
    if (origin === STORAGE_ORIGIN) return
    if (origin === REMOTE_ORIGIN) {
      this.relay(syncUpdateFrame(update), null)
      return
    }
    // The server's own change (a migration, the schema guard): stored first, relayed after.
    this.intake.submit(update, (seq) => {
      if (this.freed) return
      this.boardLog.noted(seq, update.byteLength)
      this.relay(syncUpdateFrame(update), null)
      this.callHook('onBroadcast', () => this.hooks.onBroadcast?.(this, update, seq))
    })
  }

  private relay(frame: Uint8Array, except: unknown): void {
    for (const conn of this.connections) if (conn !== except) conn.send(frame)
  }

  /** A writer's update, stored by the group commit: applied, relayed, and told to the hooks. */
  applyStored(conn: Connection, update: Uint8Array, seq: number, decoded: DecodedUpdate): void {
    // Stored after the room was freed: it is in the log, and the next load reads it.
    if (this.freed) return
    this.boardLog.noted(seq, update.byteLength)
    const hooks = this.hooks
    const change = (hooks.beforeApplyUpdate || hooks.onAcceptedUpdate) && {
      update,
      decoded,
      seq,
      role: conn.role,
      name: this.presence.declaredName(conn),
    }
    if (change) this.callHook('beforeApplyUpdate', () => hooks.beforeApplyUpdate?.(this, change))
    // Relayed as stored: the bytes every other client gets are the bytes the log holds, and
    // Yjs does not encode the transaction again for nobody (it encodes only while the doc has
    // an `update` listener, and ours is off for this one transaction).
    this.ydoc.off('update', this.onDocUpdate)
    try {
      Y.applyUpdate(this.doc, update, conn)
    } finally {
      this.ydoc.on('update', this.onDocUpdate)
      // even a failed apply may have changed the document: its stored bytes no longer hold it
      this.content.changed()
    }
    this.relay(syncUpdateFrame(update), conn)
    this.callHook('onBroadcast', () => this.hooks.onBroadcast?.(this, update, seq))
    if (change) this.callHook('onAcceptedUpdate', () => hooks.onAcceptedUpdate?.(this, change))
  }

  private callHook(name: keyof RoomHooks, fn: () => unknown): void {
    callHook(this.log, this.id, name, fn)
  }

  /** Not stored, so never served: the room closes now and everyone reloads from the log. */
  storageFailed(err: unknown): void {
    if (this.destroyed && this.freed) return
    this.log.error(
      { board: this.id, err: err instanceof Error ? err.message : String(err) },
      'storage failed: board closed',
    )
    // Updates of this board still queued must not land behind a reloaded room's snapshot.
    this.deps.commits.discard((item) => item.room === this)
    this.deps.onStorageFailure(this)
  }

  /** Registers a connection and starts the sync handshake. */
  join(conn: Connection): void {
    // The room unloaded while this socket finished its handshake: the client reconnects and
    // gets the board reloaded (a destroyed document must never answer a sync).
    if (this.destroyed) {
      conn.close(CLOSE.GOING_AWAY)
      return
    }
    this.idle.cancel()
    if (this.newerSchema) {
      conn.close(CLOSE.NEWER_SCHEMA)
      this.idle.schedule()
      return
    }
    this.connections.add(conn)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    this.content.writeSyncStep1(encoder)
    conn.send(encoding.toUint8Array(encoder))
    const presence = this.presence.frameOfAll()
    if (presence) conn.send(presence)
  }

  /** Handles one frame; throws on a malformed one (the caller closes that socket only). */
  receive(conn: Connection, data: Uint8Array): void {
    const answer = readClientMessage(conn, data, this.messages)
    if (answer) conn.send(answer)
  }

  /** What each client message does to this room (clientMessages.ts reads them). */
  private readonly messages: ClientMessageHandler<Connection> = {
    syncStep1: (_conn, stateVector) => this.content.missingFrom(stateVector),
    update: (conn, update) => {
      // An empty update (a fresh client's step 2) changes nothing; reading the document for it
      // would finish a board still loading in slices at once.
      const empty = update.length === 2 && update[0] === 0 && update[1] === 0
      // A viewer's changes are read and dropped, never applied, stored or relayed.
      if (conn.canWrite && !empty) this.intake.accept(conn, update)
    },
    awareness: (conn, update) => this.presence.receive(conn, update),
    queryAwareness: (conn) =>
      conn.send(awarenessFrame(this.awareness, [...this.awareness.getStates().keys()])),
  }

  /** Removes a connection and the presence it controlled; an empty room unloads later. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    this.presence.leave(conn)
    if (this.connections.size === 0) this.idle.schedule()
  }

  /** Whether the log holds updates the snapshot does not (an untouched board holds none). */
  get changedSinceSnapshot(): boolean {
    return this.boardLog.changedSinceSnapshot
  }

  /**
   * Writes the whole state as the snapshot and drops the log rows it holds, when the hooks
   * allow (one server at a time). Resolves true when a snapshot was written (boardLog.ts).
   */
  compact(): Promise<boolean> {
    return this.boardLog.compact()
  }

  /**
   * Frees the room; the board reloads from storage on the next connection. Normally its queued
   * updates are committed and applied first, and a changed board is compacted (an untouched
   * one writes nothing). After a storage failure (`compact: false`) the log is the truth and
   * nothing is written: the room is dropped at once.
   */
  async destroy({ compact = true }: { compact?: boolean } = {}): Promise<void> {
    if (!compact) return this.evict()
    if (this.destroyed) return
    this.destroyed = true
    this.idle.cancel()
    this.closeConnections(CLOSE.GOING_AWAY)
    let compacted = false
    try {
      // Never rejects; a failure of this room's updates evicts it (and frees it).
      if (this.intake.pending) await this.deps.commits.flush()
      await this.boardLog.compacting
      if (!this.freed && !this.newerSchema && this.changedSinceSnapshot)
        compacted = await this.compact()
    } finally {
      await this.free({ compacted })
    }
  }

  private evict(): void {
    this.destroyed = true
    this.closeConnections(CLOSE.STORAGE_FAILED)
    void this.free({ compacted: false })
  }

  private closeConnections(reason: (typeof CLOSE)[keyof typeof CLOSE]): void {
    for (const conn of this.connections) conn.close(reason)
    this.connections.clear()
  }

  private async free(info: { compacted: boolean }): Promise<void> {
    if (this.freed) return
    this.freed = true
    this.idle.cancel()
    this.boardLog.stop()
    this.connections.clear()
    this.awareness.destroy()
    this.content.destroy()
    this.intake.releaseWaiters()
    try {
      await this.hooks.onUnload?.(this, info)
    } catch (err) {
      this.log.error({ board: this.id, err: (err as Error).message }, 'unload hook failed')
    }
  }
}
