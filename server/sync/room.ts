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
import type { RoomHooks } from './hooks.ts'
import type { SyncLimits } from './config.ts'
import type { Connection } from './connection.ts'
import { changesDocument } from './novelty.ts'
import { replayStored } from './replay.ts'

const STORAGE_ORIGIN = Symbol('storage')
const SERVER_ORIGIN = Symbol('server')
/** Stored by another server and delivered here: relayed to this room's clients, never stored. */
const REMOTE_ORIGIN = Symbol('remote')
/** The holder of presence ids that clients of another server introduced. */
const REMOTE_OWNER = Symbol('another server')
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
 * unloads, and decide who compacts.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  /** Set when the stored board is newer than this server: nobody may sync it. */
  newerSchema = false
  /** No longer serving: unloading or evicted (its document may still finish storing). */
  destroyed = false
  /** The document is freed; nothing is applied any more. */
  private freed = false
  private started = false
  /** The log rows the document holds: a compaction deletes only these. */
  private readonly applied = new Set<number>()
  /** The generation of the stored snapshot the document holds. */
  private generation = 0
  private logCount = 0
  private logBytes = 0
  private compactScheduled = false
  private compacting: Promise<boolean> | null = null
  /**
   * The stored snapshot, while it is exactly the document (loaded with an empty log, unchanged
   * since): a fresh client's first sync is answered with these bytes instead of encoding a
   * large board on the event loop.
   */
  private wholeState: Uint8Array | null = null
  /** True while a stored update is applied: the doc's update event then only relays. */
  private applyingStored = false
  /** This room's updates in the group commit (queued or being written). */
  private inFlight = 0
  private settledWaiters: (() => void)[] = []
  /** Updates of a connection held back behind one that waits for queued updates. */
  private readonly backlogs = new WeakMap<Connection, Uint8Array[]>()
  /** Presence ids introduced by clients of other servers. */
  private readonly remoteIds = new Set<number>()
  private unloadTimer: NodeJS.Timeout | null = null
  private quietTimer: NodeJS.Timeout | null = null
  private readonly store: BoardStore
  private readonly limits: SyncLimits
  private readonly log: FastifyBaseLogger
  private readonly hooks: RoomHooks

  /**
   * Loads a board: its snapshot, then its log replayed in slices of a few milliseconds with a
   * turn of the event loop between them, so a long log (after a crash) does not stall the other
   * boards; then the migrations, stored before it resolves. Nobody can join before.
   */
  static async open(id: string, deps: RoomDeps): Promise<Room> {
    // Optimistic: checking every record before applying it would double the work (and the
    // stall) of every cold open for the rare damaged board. If applying throws, the half-built
    // room is dropped and the board is loaded again, verified, its bad records quarantined.
    try {
      return await Room.build(id, deps, false)
    } catch (err) {
      deps.log.warn(
        { board: id, err: err instanceof Error ? err.message : String(err) },
        'board did not load as stored: loading it verified',
      )
      return Room.build(id, deps, true)
    }
  }

  private static async build(id: string, deps: RoomDeps, verify: boolean): Promise<Room> {
    const room = new Room(id, deps)
    try {
      await deps.hooks.beforeLoad?.(room)
      const stored = await deps.store.loadDocument(id, { verify })
      await room.replay(stored)
      room.start()
      // a migration is stored before anyone can sync the board
      if (room.inFlight) await deps.commits.flush()
    } catch (err) {
      room.destroyed = true
      room.free({ compacted: false })
      throw err
    }
    return room
  }

  private constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    this.store = deps.store
    this.limits = deps.limits
    this.log = deps.log
    this.hooks = deps.hooks
    this.awareness.setLocalState(null)
  }

  private async replay(stored: StoredDocument): Promise<void> {
    const remoteFirst = this.applied.size > 0
    await replayStored(this.doc, stored, STORAGE_ORIGIN)
    if (stored.snapshot && !stored.updates.length && !remoteFirst) this.wholeState = stored.snapshot
    for (const seq of stored.seqs) this.applied.add(seq)
    this.generation = stored.generation
    this.logCount = this.applied.size
    this.logBytes += stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
  }

  private start(): void {
    this.doc.on('update', this.onDocUpdate)
    this.doc.on('afterTransaction', this.guardSchemaVersion)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.started = true

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
    if (origin === REMOTE_ORIGIN) {
      this.relay(syncUpdateFrame(update), null)
      return
    }
    // A client's update was stored by the group commit before it was applied: relay it.
    if (this.applyingStored) {
      this.relay(syncUpdateFrame(update), origin)
      return
    }
    // The server's own change (a migration, the schema guard): stored first, relayed after.
    this.submit(update, {
      onStored: (seq) => {
        if (this.freed) return
        this.noteStored(seq, update.byteLength)
        this.relay(syncUpdateFrame(update), null)
        this.callHook('onBroadcast', () => this.hooks.onBroadcast?.(this, update, seq))
      },
    })
  }

  private relay(frame: Uint8Array, except: unknown): void {
    for (const conn of this.connections) if (conn !== except) conn.send(frame)
  }

  /** Queues an update of this room for the group commit; a failure closes the room. */
  private submit(update: Uint8Array, { onStored }: { onStored(seq: number): void }): void {
    this.inFlight += 1
    this.deps.commits.add({
      item: { room: this, update },
      onStored: (seq) => {
        this.settleOne()
        onStored(seq)
      },
      onFailed: (err) => {
        this.settleOne()
        this.storageFailed(err)
      },
    })
  }

  private settleOne(): void {
    this.inFlight -= 1
    if (this.inFlight > 0) return
    for (const resolve of this.settledWaiters.splice(0)) resolve()
  }

  /** Resolves when none of this room's updates waits for storage. */
  private settled(): Promise<void> {
    if (this.inFlight === 0 || this.freed) return Promise.resolve()
    return new Promise((resolve) => this.settledWaiters.push(resolve))
  }

  /**
   * A writer's update: checked, then queued for this turn's commit. It reaches the document
   * (and from there the other clients) only once committed.
   */
  private acceptUpdate(conn: Connection, update: Uint8Array): void {
    const backlog = this.backlogs.get(conn)
    // behind an update that waits: the connection's updates keep their order
    if (backlog) {
      backlog.push(update)
      return
    }
    if (this.judge(conn, update)) return
    this.backlogs.set(conn, [update])
    void this.drainBacklog(conn)
  }

  /**
   * Judges and queues one update; false when it is refused while updates of this room are
   * still being stored: it may build on them (a card, then its label, in two frames read
   * together), so it is judged again once they are in the document. Throws when refused.
   */
  private judge(conn: Connection, update: Uint8Array): boolean {
    // Garbage throws here, before anything is stored (y-protocols' own reader would swallow
    // the error and keep the socket open).
    const decoded = Y.decodeUpdate(update)
    // Already known (typically a reconnecting client's sync step 2): nothing to store or relay.
    if (!changesDocument(this.doc, decoded)) return true
    // A hostile or broken client: nothing of it is stored or relayed; the caller closes the
    // socket for good (shared/schema/updateGuard.ts says what is refused and why).
    const refusal = judgeUpdate(this.doc, decoded, { facilitator: conn.role === 'facilitator' })
    if (refusal && this.inFlight > 0) return false
    if (refusal) throw new RefusedUpdate(refusal)
    this.submit(update, { onStored: (seq) => this.applyStored(conn, update, seq) })
    return true
  }

  private async drainBacklog(conn: Connection): Promise<void> {
    const backlog = this.backlogs.get(conn)!
    try {
      while (backlog.length) {
        if (this.inFlight > 0) void this.deps.commits.flush()
        await this.settled()
        if (this.destroyed || conn.closed) return
        while (backlog.length && this.judge(conn, backlog[0]!)) backlog.shift()
      }
    } catch (err) {
      this.log.warn(
        { board: this.id, err: (err as Error).message },
        'malformed message: connection closed',
      )
      // a refusal says why (the board is paused, a phase locked…): the page tells the person
      conn.close(err instanceof RefusedUpdate ? err.close : CLOSE.MALFORMED)
    } finally {
      this.backlogs.delete(conn)
    }
  }

  private applyStored(conn: Connection, update: Uint8Array, seq: number): void {
    // Stored after the room was freed: it is in the log, and the next load reads it.
    if (this.freed) return
    this.noteStored(seq, update.byteLength)
    if (this.hooks.beforeApplyUpdate) {
      const change = { update, seq, role: conn.role, name: this.declaredName(conn) }
      this.callHook('beforeApplyUpdate', () => this.hooks.beforeApplyUpdate?.(this, change))
    }
    this.applyingStored = true
    try {
      Y.applyUpdate(this.doc, update, conn)
    } finally {
      this.applyingStored = false
    }
    this.callHook('onBroadcast', () => this.hooks.onBroadcast?.(this, update, seq))
    if (this.hooks.onAcceptedUpdate) {
      const change = { update, seq, role: conn.role, name: this.declaredName(conn) }
      this.callHook('onAcceptedUpdate', () => this.hooks.onAcceptedUpdate?.(this, change))
    }
  }

  /** The name a connection's presence declares, if any. */
  private declaredName(conn: Connection): string | null {
    for (const id of conn.awarenessIds) {
      const name: unknown = (this.awareness.getStates().get(id) as { user?: { name?: unknown } })
        ?.user?.name
      if (typeof name === 'string' && name) return name
    }
    return null
  }

  private callHook(name: keyof RoomHooks, fn: () => unknown): void {
    try {
      const result = fn()
      if (result instanceof Promise)
        result.catch((err: Error) =>
          this.log.error({ board: this.id, hook: name, err: err.message }, 'room hook failed'),
        )
    } catch (err) {
      this.log.error(
        { board: this.id, hook: name, err: (err as Error).message },
        'room hook failed',
      )
    }
  }

  /**
   * An update another server stored (log row `seq`) and relayed: applied and relayed to this
   * room's clients, never stored again. Harmless when already applied.
   */
  applyRemoteUpdate(update: Uint8Array, seq: number): void {
    if (this.freed || this.applied.has(seq)) return
    this.wholeState = null
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
    this.noteStored(seq, update.byteLength)
  }

  /**
   * Applies what the store holds and this room does not (after messages from other servers
   * were lost): a newer snapshot, and log rows it never applied. Relayed, never stored again.
   */
  catchUp(stored: StoredDocument): void {
    if (this.freed) return
    if (stored.snapshot && stored.generation > this.generation) {
      Y.applyUpdate(this.doc, stored.snapshot, REMOTE_ORIGIN)
      this.generation = stored.generation
    }
    stored.updates.forEach((update, i) => this.applyRemoteUpdate(update, stored.seqs[i]!))
  }

  /** Presence of another server's clients (an awareness update), shown to this room's. */
  applyRemotePresence(update: Uint8Array): void {
    if (this.freed) return
    const local = ownersOf(this.connections)
    const entries = readAwarenessEntries(update).filter((e) => local(e.clientId) === undefined)
    if (!entries.length) return
    for (const e of entries)
      if (e.state === null) this.remoteIds.delete(e.clientId)
      else this.remoteIds.add(e.clientId)
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(entries),
      REMOTE_ORIGIN,
    )
  }

  /** The presence of this server's own clients (for another server that just loaded the board). */
  localPresence(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()].filter((id) => !this.remoteIds.has(id))
    return ids.length ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null
  }

  private ownerOf(): (clientId: number) => Connection | typeof REMOTE_OWNER | undefined {
    const local = ownersOf(this.connections)
    return (id) => local(id) ?? (this.remoteIds.has(id) ? REMOTE_OWNER : undefined)
  }

  private noteStored(seq: number, bytes: number): void {
    this.applied.add(seq)
    this.logCount += 1
    this.logBytes += bytes
    this.maybeCompact()
    this.armQuietSnapshot()
  }

  /** Not stored, so never served: the room closes now and everyone reloads from the log. */
  private storageFailed(err: unknown): void {
    if (this.destroyed && this.freed) return
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
    const changed = added.concat(updated, removed)
    // Everyone gets it, the sender too: the stock client counts its own echo as a sign of life
    // and would otherwise reconnect every 30 s when alone on the board.
    this.relay(awarenessFrame(this.awareness, changed), null)
    if (origin === REMOTE_ORIGIN || !this.hooks.onPresence) return
    const own = changed.filter((id) => !this.remoteIds.has(id))
    if (!own.length) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, own)
    this.callHook('onPresence', () => this.hooks.onPresence?.(this, update))
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
      const { kept, refused } = ownEntries(list, from, this.ownerOf())
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
    if (!this.started || this.destroyed || this.compactScheduled) return
    if (
      this.logCount < this.limits.compactAfterUpdates &&
      this.logBytes < this.limits.compactAfterBytes
    )
      return
    this.compactScheduled = true
    setImmediate(() => {
      this.compactScheduled = false
      if (!this.destroyed) void this.compact()
    })
  }

  /**
   * A board that changed and then went quiet gets a fresh snapshot, so a crash leaves a short
   * log to replay on the next load.
   */
  private armQuietSnapshot(): void {
    if (!this.started || this.destroyed) return
    if (this.quietTimer) this.quietTimer.refresh()
    else {
      this.quietTimer = setTimeout(() => {
        this.quietTimer = null
        if (!this.destroyed && this.logCount > 0) void this.compact()
      }, this.deps.snapshotWhenQuietMs)
      this.quietTimer.unref()
    }
  }

  /** Whether the log holds updates the snapshot does not (an untouched board holds none). */
  get changedSinceSnapshot(): boolean {
    return this.logCount > 0
  }

  /**
   * Writes the whole state as the snapshot and drops the log rows it holds, when the hooks
   * allow (one server at a time). One compaction at a time; a failure leaves the log as it was
   * (nothing is lost) and is only logged. Resolves true when a snapshot was written.
   */
  compact(): Promise<boolean> {
    this.compacting ??= this.compactNow().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  private async compactNow(): Promise<boolean> {
    try {
      if (!(await (this.hooks.mayCompact?.(this) ?? true)) || this.freed) return false
      const seqs = [...this.applied]
      const [count, bytes] = [this.logCount, this.logBytes]
      const result = await this.store.compact(this.id, {
        snapshot: Y.encodeStateAsUpdate(this.doc),
        seqs,
        generation: this.generation,
      })
      this.generation = result.generation
      for (const seq of seqs) this.applied.delete(seq)
      this.logCount = Math.max(0, this.logCount - count)
      this.logBytes = Math.max(0, this.logBytes - bytes)
      // another server compacted meanwhile: what its snapshot holds comes in (and is relayed)
      if (result.replaced && !this.freed) Y.applyUpdate(this.doc, result.replaced, REMOTE_ORIGIN)
      return true
    } catch (err) {
      this.log.error(
        { board: this.id, err: (err as Error).message },
        'compaction failed; the log is kept',
      )
      return false
    }
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
    this.cancelUnload()
    this.closeConnections(CLOSE.GOING_AWAY)
    let compacted = false
    try {
      // Never rejects; a failure of this room's updates evicts it (and frees it).
      if (this.inFlight) await this.deps.commits.flush()
      await this.compacting
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
    this.cancelUnload()
    if (this.quietTimer) clearTimeout(this.quietTimer)
    this.connections.clear()
    this.awareness.destroy()
    this.doc.destroy()
    for (const resolve of this.settledWaiters.splice(0)) resolve()
    try {
      await this.hooks.onUnload?.(this, info)
    } catch (err) {
      this.log.error({ board: this.id, err: (err as Error).message }, 'unload hook failed')
    }
  }
}
