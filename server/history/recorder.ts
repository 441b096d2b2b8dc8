import * as Y from 'yjs'
import type { FastifyBaseLogger } from 'fastify'
import type { Role } from '../../shared/protocol.ts'
import {
  changesContent,
  classifyUpdate,
  createdCount,
  deletedCount,
  type Classification,
} from './classify.ts'
import type { Decoded } from '../../shared/schema/updatePlaces.ts'
import { countRecords } from './labels.ts'
import { contentDigest } from './content.ts'
import { docFromVersion } from './restore.ts'
import { ActivityFeed, trimEvery, type FeedEntry, type ServerChange } from './activityFeed.ts'
import { DEFAULT_THINNING, versionsToThin, type ThinningPolicy } from './thinning.ts'
import type { HistoryStore, NewBinEntry, NewVersion, VersionInfo, VersionReason } from './types.ts'

/** What the history needs of a room (server/sync/room.ts). */
export interface HistoryRoom {
  readonly id: string
  readonly doc: Y.Doc
}

/** A client's update the room accepted, with who wrote it (server/sync/hooks.ts). */
export interface HistoryChange {
  update: Uint8Array
  /** The update decoded once by the room's guard, when it has it. */
  decoded?: Decoded
  role: Role | null
  name: string | null
}

export interface HistoryOptions {
  store: HistoryStore
  log: FastifyBaseLogger
  /** The clock (tests pass a fake one). */
  now?: () => number
  /** A board changed for this long since its last version gets a new one. */
  activityVersionMs?: number
  /** A single change that deletes (or creates) more records than this is preceded by a version. */
  bulkRecords?: number
  /** One writer's edits closer than this fold into one activity entry. */
  foldActivityMs?: number
  /**
   * Edits folded into an entry already stored are written at most this often (one write per
   * entry, not one per keystroke); the activity list flushes them first.
   */
  flushActivityMs?: number
  thinning?: ThinningPolicy
  /** Activity entries and bin entries kept per board. */
  keepActivity?: number
  keepBin?: number
}

interface BoardState {
  /** When the newest version was taken (0: not known yet). */
  lastVersionAt: number
  /** Whether the board changed since its newest version. */
  changed: boolean
  /** A digest of the newest version's content, when this server took it (else null). */
  lastContent: string | null
  /** When this server last applied a change of its own clients (or its own restore). */
  lastChangeAt: number
  /** The classification of the update being applied (before → after hook). */
  pending: Classification | null
  /** Its activity entry, written before it was applied, named when it is written. */
  pendingEntry: FeedEntry | null
  known: Promise<void>
  /** Bin entries added since the board's bin was last trimmed. */
  binSinceTrim: number
}

/**
 * The board's history: versions (checkpoints and named ones), the activity record and the bin.
 * It follows the rooms through their hooks: before an accepted update is applied it reads what
 * the update deletes (into the bin) and takes a version before a bulk deletion or a phase
 * change; after it, it records who changed what; on unload it takes a last version if the board
 * changed. Versions are written before the update reaches any other client (the SQLite history
 * writes synchronously), so a crash cannot keep the deletion and lose the version before it;
 * PostgreSQL's are sent then and committed moments later (the hooks cannot wait).
 */
export class History {
  readonly store: HistoryStore
  private readonly log: FastifyBaseLogger
  private readonly now: () => number
  private readonly activityVersionMs: number
  private readonly bulkRecords: number
  private readonly feed: ActivityFeed
  private readonly thinning: ThinningPolicy
  private readonly keepBin: number
  private readonly boards = new Map<string, BoardState>()
  private batches = 0

  constructor(options: HistoryOptions) {
    this.store = options.store
    this.log = options.log
    this.now = options.now ?? Date.now
    this.activityVersionMs = options.activityVersionMs ?? 10 * 60_000
    this.bulkRecords = options.bulkRecords ?? 10
    this.thinning = options.thinning ?? DEFAULT_THINNING
    this.feed = new ActivityFeed({
      store: this.store,
      now: this.now,
      foldMs: options.foldActivityMs ?? 60_000,
      flushMs: options.flushActivityMs ?? 2_000,
      keep: options.keepActivity ?? 5_000,
      failed: (what, board, err) => this.failed(what, board, err),
    })
    this.keepBin = options.keepBin ?? 5_000
  }

  /** The room hooks (server/sync/hooks.ts) that feed the history. */
  readonly hooks = {
    beforeLoad: (room: HistoryRoom): Promise<void> => this.ready(room.id),
    beforeApplyUpdate: (room: HistoryRoom, change: HistoryChange): void =>
      this.beforeApply(room, change),
    onAcceptedUpdate: (room: HistoryRoom, change: HistoryChange): void =>
      this.afterApply(room, change),
    onUnload: (room: HistoryRoom): Promise<void> => this.unloaded(room),
  }

  private board(id: string): BoardState {
    let state = this.boards.get(id)
    if (!state) {
      state = {
        lastVersionAt: 0,
        changed: false,
        lastContent: null,
        lastChangeAt: 0,
        pending: null,
        pendingEntry: null,
        known: Promise.resolve(),
        binSinceTrim: 0,
      }
      const s = state
      s.known = this.store.listVersions(id).then(
        (list) => {
          s.lastVersionAt = Math.max(s.lastVersionAt, list[0]?.at ?? 0)
        },
        () => {},
      )
      this.boards.set(id, state)
    }
    return state
  }

  /** The document before a client's update: what it deletes goes to the bin, and versions. */
  private beforeApply(room: HistoryRoom, change: HistoryChange): void {
    const state = this.board(room.id)
    const c = classifyUpdate(room.doc, change.decoded ?? change.update)
    state.pending = c
    const author = { role: change.role, author: change.name }
    // Nothing recorded yet for this board (new, imported, or older than the history): its
    // state before the first change is the first version.
    if (state.lastVersionAt === 0)
      void this.autoCheckpoint(room, state, 'initial', author, Number.MIN_SAFE_INTEGER)
    else if (deletedCount(c) > this.bulkRecords || createdCount(c) > this.bulkRecords)
      this.checkpoint(room, 'bulk', author)
    else if (c.meta.has('phase') && state.changed) {
      // changed and changed back (a card added and removed, a word typed and undone): the
      // board is its last version again, and a second copy of it is no version
      if (contentDigest(room.doc) === state.lastContent) state.changed = false
      else this.checkpoint(room, 'phase', author)
    }
    if (c.removed.length) {
      const at = this.now()
      const batch = `${at.toString(36)}-${(this.batches++).toString(36)}`
      this.toBin(
        state,
        c.removed.map((r) => ({
          boardId: room.id,
          at,
          role: change.role,
          name: change.name,
          collection: r.collection,
          recordId: r.id,
          fields: r.fields,
          batch,
        })),
      )
    }
    // written before anyone is sent the change, like the bin; labels are completed after
    state.pendingEntry = c.records.size ? this.feed.record(room, c, change) : null
  }

  /** Who changed what, once the update is in the document. */
  private afterApply(room: HistoryRoom, change: HistoryChange): void {
    const state = this.board(room.id)
    const c = state.pending
    const entry = state.pendingEntry
    state.pending = null
    state.pendingEntry = null
    if (!c) return
    if (entry) this.feed.applied(room.id, c, entry)
    // Only the board's content makes it changed: its records and its meta but the phase. Where
    // the room is (the phase, and the `room` root the facilitator's screen writes beside it:
    // the view inside the phase, the timer, the locks) is the state of the session, not of the
    // pact, and no reason for a version; a phase change takes one of what came before it
    // (beforeApply) only when the content changed since the last version.
    if (!changesContent(c)) return
    state.changed = true
    const now = this.now()
    state.lastChangeAt = now
    if (state.lastVersionAt && now - state.lastVersionAt >= this.activityVersionMs)
      void this.autoCheckpoint(
        room,
        state,
        'activity',
        { role: change.role, author: change.name },
        now - this.activityVersionMs,
      )
  }

  private async unloaded(room: HistoryRoom): Promise<void> {
    const state = this.boards.get(room.id)
    this.boards.delete(room.id)
    await this.feed.forget(room.id)
    if (state?.binSinceTrim) this.trimBin(state, room.id)
    if (!state?.changed) return
    // the document is freed but still holds its state; another server that served the board
    // too may have taken this version already, after this one's last change
    await this.autoCheckpoint(
      room,
      state,
      'unload',
      { role: null, author: null },
      state.lastChangeAt,
    )
  }

  /** Stores every folded edit of a board not yet written (before its activity is read). */
  flushActivity(boardId: string): Promise<void> {
    return this.feed.flush(boardId)
  }

  private toBin(state: BoardState, entries: NewBinEntry[]): void {
    const boardId = entries[0]!.boardId
    this.store.addToBin(entries).catch((err: Error) => this.failed('bin', boardId, err))
    state.binSinceTrim += entries.length
    if (state.binSinceTrim >= trimEvery(this.keepBin)) this.trimBin(state, boardId)
  }

  private trimBin(state: BoardState, boardId: string): void {
    state.binSinceTrim = 0
    this.store.trimBin(boardId, this.keepBin).catch(() => {})
  }

  private failed(what: string, board: string, err: Error): void {
    this.log.error({ board, err: err.message }, `history: could not write ${what}`)
  }

  /**
   * Takes a version of the board as its document holds it now. With the SQLite history the
   * row is committed before this returns.
   */
  checkpoint(
    room: HistoryRoom,
    reason: VersionReason,
    author: { role: Role | null; author: string | null },
    name: string | null = null,
  ): Promise<VersionInfo> {
    const state = this.board(room.id)
    const saved = this.store.saveVersion(this.versionOf(room, state, reason, author, name))
    saved.catch((err: Error) => this.failed('version', room.id, err))
    if (name === null)
      void saved
        .then(() => this.thin(room.id))
        .catch((err: Error) => this.failed('thinning', room.id, err))
    return saved
  }

  /**
   * Takes an automatic version unless the history holds one of the board taken after `after`.
   * Servers sharing the history (DATABASE_URL) all see the first change of a board they had
   * loaded, ten minutes of the same work, the unload of a board they served: the first to get
   * there takes the version, the others find it and take none. One process knows its own
   * versions, so it always takes it.
   */
  private async autoCheckpoint(
    room: HistoryRoom,
    state: BoardState,
    reason: 'initial' | 'activity' | 'unload',
    author: { role: Role | null; author: string | null },
    after: number,
  ): Promise<void> {
    const version = this.versionOf(room, state, reason, author, null)
    const taken = state.lastVersionAt
    try {
      const outcome = await this.store.saveVersionUnlessNewer(version, after)
      if (outcome.saved) {
        await this.thin(room.id)
        return
      }
      // another server's version stands for this one
      const found = outcome.version.at
      if (state.lastVersionAt === taken) state.lastVersionAt = Math.max(found, 1)
      state.lastContent = null // another server's, of a content this one did not see
      if (found < state.lastChangeAt) state.changed = true
    } catch (err) {
      this.failed('version', room.id, err as Error)
    }
  }

  /** A version of the board as it is now; from now on the board's newest. */
  private versionOf(
    room: HistoryRoom,
    state: BoardState,
    reason: VersionReason,
    author: { role: Role | null; author: string | null },
    name: string | null,
  ): NewVersion {
    const at = this.now()
    state.lastVersionAt = Math.max(at, 1)
    state.changed = false
    state.lastContent = contentDigest(room.doc)
    this.feed.closeOpen(room.id)
    return {
      boardId: room.id,
      at,
      reason,
      name,
      role: author.role,
      author: author.author,
      counts: countRecords(room.doc),
      state: Y.encodeStateAsUpdate(room.doc),
    }
  }

  /** Deletes the versions the thinning policy lets go. */
  async thin(boardId: string): Promise<number> {
    const list = await this.store.listVersions(boardId)
    const drop = versionsToThin(list, this.now(), this.thinning)
    if (drop.length) await this.store.deleteVersions(boardId, drop)
    return drop.length
  }

  /** Waits until what the history knows of a board is read (its newest version's time). */
  ready(boardId: string): Promise<void> {
    return this.board(boardId).known
  }

  /** Bound on one board's versions, in bytes (reported with the list). */
  get maxBytes(): number {
    return this.thinning.maxBytes
  }

  /** Runs `fn` on a document built from a stored version; null when it is newer than this server. */
  withVersionDoc<T>(state: Uint8Array, fn: (doc: Y.Doc) => T): T | null {
    const doc = docFromVersion(state)
    if (!doc) return null
    try {
      return fn(doc)
    } finally {
      doc.destroy()
    }
  }

  /**
   * Records a change the server makes itself on someone's request (a restore): one activity
   * entry, and the records it deletes in the bin. Call BEFORE applying it (labels are read from
   * the document as it is).
   */
  recordServerChange(
    room: HistoryRoom,
    who: { role: Role; name: string | null },
    change: ServerChange,
  ): void {
    const state = this.board(room.id)
    state.changed = true
    this.feed.closeOpen(room.id)
    const at = this.now()
    state.lastChangeAt = at
    this.feed.recordServerChange(room, who, change, at)
    const deleted = change.deleted ?? []
    if (deleted.length) {
      const batch = `${at.toString(36)}-${(this.batches++).toString(36)}`
      this.toBin(
        state,
        deleted.map((r) => ({
          boardId: room.id,
          at,
          role: who.role,
          name: who.name,
          collection: r.collection,
          recordId: r.id,
          fields: r.fields,
          batch,
        })),
      )
    }
  }

  async close(): Promise<void> {
    await this.feed.close()
    return this.store.close()
  }
}
