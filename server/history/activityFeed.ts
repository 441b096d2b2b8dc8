import type { Role } from '../../shared/protocol.ts'
import type { Fields } from '../../shared/schema/index.ts'
import type * as Y from 'yjs'
import { deletedCount, type Classification } from './classify.ts'
import { describeRemoved, labelInDoc, labelOfFields } from './labels.ts'
import type { HistoryChange, HistoryRoom } from './recorder.ts'
import type { CollectionChange, HistoryStore, RestoreKind, TouchedRecord } from './types.ts'

/** At most this many records of one kind are named in one activity entry. */
export const NAMED_PER_ENTRY = 20

/**
 * How many entries a board gets between two trims of its feed to `keep`: a tenth of it, so a
 * trim (which walks the `keep` newest entries) costs about ten rows per entry written. It was a
 * 1-in-100 draw per entry before, 50 rows per entry: 2 % of a busy server's CPU.
 */
export const trimEvery = (keep: number): number => Math.max(1, Math.ceil(keep / 10))

/** What a change the server makes itself (a restore) creates, edits and deletes. */
export interface ServerChange {
  /** What the change restores: its entry says so. */
  restore: RestoreKind
  created?: readonly { collection: string; id: string }[]
  edited?: readonly { collection: string; id: string }[]
  deleted?: readonly { collection: string; id: string; fields: Fields }[]
}

/** An activity entry as written (its id once the store answers). */
export interface FeedEntry {
  id: Promise<number>
  writer: string
  until: number
  changes: Record<string, CollectionChange>
  /** Edits folded in since it was last stored. */
  dirty?: boolean
  /** The board's document, where its records' names are read when it is written. */
  doc: Y.Doc
  /** Closed: its names were read when it closed and stay. */
  final?: boolean
}

interface BoardFeed {
  /**
   * Each writer's newest entry, while further edits may fold into it. Each writer has an entry
   * of its own, so people writing at the same time do not cut each other's runs into one entry
   * per keystroke.
   */
  open: Map<string, FeedEntry>
  /** Entries with edits not yet stored, written together by the flush timer. */
  unflushed: Set<FeedEntry>
  timer: ReturnType<typeof setTimeout> | null
  /** Entries appended since the board's feed was last trimmed. */
  sinceTrim: number
}

export interface FeedOptions {
  store: HistoryStore
  now: () => number
  /** One writer's edits closer than this fold into one entry. */
  foldMs: number
  /** Folded edits are written at most this often. */
  flushMs: number
  /** Entries kept per board. */
  keep: number
  failed(what: string, board: string, err: Error): void
}

/**
 * The activity feed of the boards: who changed what. A writer's run of creations and edits
 * (no pause longer than `foldMs`) folds into one entry, a deletion is one of its own; an entry
 * is appended when it opens and rewritten with its folded edits every `flushMs`, its records
 * named as the document holds them then (not at every keystroke).
 */
export class ActivityFeed {
  private readonly boards = new Map<string, BoardFeed>()

  constructor(private readonly o: FeedOptions) {}

  private board(id: string): BoardFeed {
    let feed = this.boards.get(id)
    if (!feed)
      this.boards.set(
        id,
        (feed = { open: new Map(), unflushed: new Set(), timer: null, sinceTrim: 0 }),
      )
    return feed
  }

  /**
   * Records what a change does into one entry, before it is applied (what it deletes is named
   * from the document as it still is).
   */
  record(room: HistoryRoom, c: Classification, change: HistoryChange): FeedEntry {
    const feed = this.board(room.id)
    const at = this.o.now()
    const writer = `${change.role}\u0000${change.name ?? ''}`
    const removedLabels = new Map<string, string>()
    for (const r of c.removed)
      removedLabels.set(`${r.collection}\u0000${r.id}`, labelOfFields(r.collection, r.fields))
    for (const r of c.removed)
      removedLabels.set(
        `${r.collection}\u0000${r.id}`,
        describeRemoved(room.doc, r.collection, r.fields, removedLabels),
      )
    if (removedLabels.size) this.nameRemoved(feed, removedLabels)
    // A writer's run of creations and edits is one entry ("created 6 cards, edited 3"); a
    // deletion is an entry of its own, written before it is relayed.
    const foldable = deletedCount(c) === 0
    const open = feed.open.get(writer)
    if (open && foldable && at - open.until <= this.o.foldMs) {
      for (const [collection, ids] of c.records) {
        const into = (open.changes[collection] ??= { created: [], edited: [], deleted: [] })
        for (const id of ids.created) {
          if (into.created.some((r) => r.id === id)) continue
          if (into.created.length < NAMED_PER_ENTRY) into.created.push({ id, label: '' })
          else (into.more ??= {}).created = (into.more.created ?? 0) + 1
        }
        for (const id of ids.edited) {
          if (into.edited.length >= NAMED_PER_ENTRY) break
          if (into.created.some((r) => r.id === id) || into.edited.some((r) => r.id === id))
            continue
          // named when the entry is written (nameRecords), not at every keystroke
          into.edited.push({ id, label: '' })
        }
      }
      // folded into the entry already written: stored once, after the change is applied
      open.until = at
      open.dirty = true
      return open
    }
    const changes: Record<string, CollectionChange> = {}
    for (const [collection, ids] of c.records) {
      const named = (list: Set<string>, label: (id: string) => string): TouchedRecord[] =>
        [...list].slice(0, NAMED_PER_ENTRY).map((id) => ({ id, label: label(id) }))
      changes[collection] = {
        // named once applied, when the entry is next written (nameRecords)
        created: named(ids.created, () => ''),
        edited: named(ids.edited, () => ''),
        deleted: named(ids.deleted, (id) => removedLabels.get(`${collection}\u0000${id}`) ?? ''),
      }
      // how many more records than are named
      for (const kind of ['created', 'edited', 'deleted'] as const)
        if (ids[kind].size > NAMED_PER_ENTRY)
          (changes[collection].more ??= {})[kind] = ids[kind].size - NAMED_PER_ENTRY
    }
    const id = this.o.store.appendActivity({
      boardId: room.id,
      at,
      until: at,
      role: change.role,
      name: change.name,
      changes,
    })
    id.catch((err: Error) => this.o.failed('activity', room.id, err))
    const entry: FeedEntry = { id, writer, until: at, changes, doc: room.doc }
    if (open) this.closeEntry(open)
    if (foldable) feed.open.set(writer, entry)
    else feed.open.delete(writer)
    if (++feed.sinceTrim >= trimEvery(this.o.keep)) this.trim(feed, room.id)
    return entry
  }

  /**
   * A change the server makes itself on someone's request (a restore) as one entry of its own,
   * named from the document before it is applied (records it brings back once it is there).
   */
  recordServerChange(
    room: HistoryRoom,
    who: { role: Role; name: string | null },
    change: ServerChange,
    at: number,
  ): void {
    const changes: Record<string, CollectionChange> = {}
    const of = (c: string) => (changes[c] ??= { created: [], edited: [], deleted: [] })
    const named = (list: TouchedRecord[], r: TouchedRecord) => {
      if (list.length < NAMED_PER_ENTRY) list.push(r)
    }
    const labels = new Map<string, string>()
    for (const r of change.deleted ?? [])
      labels.set(`${r.collection}\u0000${r.id}`, labelOfFields(r.collection, r.fields))
    for (const r of change.created ?? []) named(of(r.collection).created, { id: r.id, label: '' })
    for (const r of change.edited ?? []) named(of(r.collection).edited, { id: r.id, label: '' })
    for (const r of change.deleted ?? []) {
      const label = describeRemoved(room.doc, r.collection, r.fields, labels)
      labels.set(`${r.collection}\u0000${r.id}`, label)
      named(of(r.collection).deleted, { id: r.id, label })
    }
    const entry = {
      boardId: room.id,
      at,
      until: at,
      role: who.role,
      name: who.name,
      changes,
      restore: change.restore,
    }
    // labels of what comes back, and of what changed, are read once the change is in: an
    // edited record is named as it reads now (it was named by the words the restore removed)
    queueMicrotask(() => {
      for (const [collection, c] of Object.entries(changes))
        for (const r of [...c.created, ...c.edited])
          r.label = labelInDoc(room.doc, collection, r.id)
      this.o.store
        .appendActivity(entry)
        .catch((err: Error) => this.o.failed('activity', room.id, err))
    })
  }

  /** A change was applied: the records it created or edited are named when the entry is written. */
  applied(boardId: string, c: Classification, entry: FeedEntry): void {
    const touched = [...c.records.values()].some((ids) => ids.created.size || ids.edited.size)
    if (!touched && !entry.dirty) return
    entry.dirty = true
    const feed = this.board(boardId)
    feed.unflushed.add(entry)
    feed.timer ??= setTimeout(() => {
      feed.timer = null
      void this.write(feed, boardId, false)
    }, this.o.flushMs)
  }

  /**
   * Stores the edits folded into a board's entries since they were last written. `now`: someone
   * waits for them (an unload, which a reopening waits for; a read of the feed; closing), so
   * they are committed at once instead of with the store's next batch, up to two batches later
   * (the new entries' rows first, then their edits).
   */
  private async write(feed: BoardFeed, boardId: string, now: boolean): Promise<void> {
    if (feed.timer) clearTimeout(feed.timer)
    feed.timer = null
    const entries = [...feed.unflushed]
    feed.unflushed.clear()
    if (now && entries.length) this.o.store.commitActivity()
    await Promise.all(
      entries.map(async (entry) => {
        entry.dirty = false
        if (!entry.final) this.nameRecords(entry)
        const { until, changes } = entry
        try {
          const written = this.o.store.updateActivity(await entry.id, { until, changes })
          if (now) this.o.store.commitActivity()
          await written
        } catch (err) {
          this.o.failed('activity', boardId, err as Error)
        }
      }),
    )
  }

  /**
   * Names the records an entry created or edited as the document holds them now (once per
   * write, not per keystroke). A record deleted since keeps the name it had.
   */
  private nameRecords(entry: FeedEntry): void {
    for (const [collection, change] of Object.entries(entry.changes))
      for (const r of [...change.created, ...change.edited]) {
        const label = labelInDoc(entry.doc, collection, r.id)
        if (label || !r.label) r.label = label
      }
  }

  /**
   * Records about to be deleted that entries not yet written name (someone else's new card,
   * deleted before the feed was written): named now, as they read before they go.
   */
  private nameRemoved(feed: BoardFeed, labels: ReadonlyMap<string, string>): void {
    for (const entry of new Set([...feed.unflushed, ...feed.open.values()])) {
      if (entry.final) continue
      for (const [collection, change] of Object.entries(entry.changes))
        for (const r of [...change.created, ...change.edited])
          r.label ||= labels.get(`${collection}\u0000${r.id}`) ?? ''
    }
  }

  /** No more edits fold into the entry: its records keep the names they have now. */
  private closeEntry(entry: FeedEntry): void {
    if (entry.final) return
    this.nameRecords(entry)
    entry.final = true
  }

  /** Closes every writer's open entry of a board (a version was taken, a restore applied). */
  closeOpen(boardId: string): void {
    const feed = this.boards.get(boardId)
    if (!feed) return
    for (const entry of feed.open.values()) this.closeEntry(entry)
    feed.open.clear()
  }

  /** Stores every folded edit of a board not yet written (before its activity is read). */
  flush(boardId: string): Promise<void> {
    const feed = this.boards.get(boardId)
    return feed ? this.write(feed, boardId, true) : Promise.resolve()
  }

  private trim(feed: BoardFeed, boardId: string): void {
    feed.sinceTrim = 0
    this.o.store.trimActivity(boardId, this.o.keep).catch(() => {})
  }

  /** The board unloaded: what waits is written, the feed trimmed and the board forgotten. */
  async forget(boardId: string): Promise<void> {
    const feed = this.boards.get(boardId)
    this.boards.delete(boardId)
    if (!feed) return
    await this.write(feed, boardId, true)
    if (feed.sinceTrim) this.trim(feed, boardId)
  }

  async close(): Promise<void> {
    await Promise.all([...this.boards].map(([id, feed]) => this.write(feed, id, true)))
  }
}
