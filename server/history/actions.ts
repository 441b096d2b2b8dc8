import * as Y from 'yjs'
import type { ErrorCode } from '../../shared/errors.ts'
import type { Role } from '../../shared/protocol.ts'
import {
  ROOM_ROOT,
  collectionRoot,
  collectionSpec,
  recordOf,
  refuseUpdate,
  type CollectionName,
  type RoomState,
} from '../../shared/schema/index.ts'
import type { RoomRegistry } from '../sync/rooms.ts'
import { describeRemoved, labelOfFields } from './labels.ts'
import type { History } from './recorder.ts'
import {
  applyRestore,
  dependants,
  missingReferences,
  planIsEmpty,
  planRestore,
  putBack,
} from './restore.ts'
import type { BinEntry } from './types.ts'

/** Deletions this close together count as one (a card and its links). */
const DELETED_TOGETHER_MS = 5_000

/** The origin of the server's own history writes (a restore): stored and relayed by the room. */
export const HISTORY_ORIGIN = Symbol('history')

interface Deps {
  registry: RoomRegistry
  history: History
}

interface Who {
  role: Role
  name: string | null
}

/**
 * Restores a version as a new change on top of the board: the state just before is saved as a
 * version, then the difference (now → version) is applied to the live document as ONE update,
 * stored and relayed by the room like any other, so everyone connected sees it at once and
 * nobody's undo history is rewritten. Resolves once the change is stored; null when the board
 * or the version is newer than this server.
 */
export async function restoreVersion(
  { registry, history }: Deps,
  boardId: string,
  state: Uint8Array,
  who: Who,
): Promise<{ before: number; added: number; removed: number; changed: number } | null> {
  const outcome = await registry.withRoom(boardId, (room) => {
    if (room.newerSchema) return null
    return history.withVersionDoc(state, (version) => {
      const before = history.checkpoint(room, 'before-restore', {
        role: who.role,
        author: who.name,
      })
      const plan = planRestore(room.doc, version)
      if (!planIsEmpty(plan)) {
        history.recordServerChange(room, who, {
          restore: 'version',
          created: plan.added,
          edited: plan.changed,
          deleted: plan.removed,
        })
        room.doc.transact(() => {
          applyRestore(room.doc, plan, HISTORY_ORIGIN)
          // in the same update, every screen is told why the board changed under it
          // (client/facilitation/RoomBanners); the title or the chosen strategy count as changes
          const restored: RoomState['restored'] = {
            at: Date.now(),
            by: who.name,
            added: plan.added.length,
            removed: plan.removed.length,
            changed: plan.changed.length + Object.keys(plan.meta).length,
          }
          room.doc.getMap(ROOM_ROOT).set('restored', restored)
        }, HISTORY_ORIGIN)
      }
      return {
        before,
        added: plan.added.length,
        removed: plan.removed.length,
        changed: plan.changed.length,
      }
    })
  })
  if (!outcome) return null
  // written before the answer: the restore is on disk once the facilitator sees it done
  await registry.commits.flush()
  const before = await outcome.before
  return { ...outcome, before: before.id }
}

/**
 * Marks a person gives rather than content anyone writes: a strategy score, a dot of a dot vote.
 * Taking one back is not something to restore (30 people changing their scores buried the
 * deleted cards under «punteggio» entries); they stay in the stored bin, and come back with the
 * candidate or criterion they hang on.
 */
const MARKS: ReadonlySet<string> = new Set(['strategy.scores', 'votes.dots'])

/**
 * The bin as people see it: the latest deletion of each record that is not on the board now,
 * newest first, each with a label (a link names its ends); no marks (MARKS).
 */
export async function visibleBin(
  { registry, history }: Deps,
  boardId: string,
): Promise<(Omit<BinEntry, 'boardId' | 'batch'> & { label: string })[]> {
  const entries = await history.store.listBin(boardId, 2_000)
  return registry.withRoom(boardId, (room) => {
    const seen = new Set<string>()
    // records' own labels first, then links named by their ends (which may be in the bin too)
    const labels = new Map<string, string>()
    const oldestFirst = [...entries].reverse()
    for (const e of oldestFirst)
      labels.set(`${e.collection}\u0000${e.recordId}`, labelOfFields(e.collection, e.fields))
    for (const e of oldestFirst)
      labels.set(
        `${e.collection}\u0000${e.recordId}`,
        describeRemoved(room.doc, e.collection, e.fields as never, labels),
      )
    const onBoard = (e: BinEntry) => isOnBoard(room.doc, e)
    // when each record that is gone was deleted (its latest deletion); one back on the board
    // (a version restored, an undo) holds nothing back
    const deletedAt = new Map<string, number>()
    for (const e of oldestFirst)
      if (e.restoredAt === null && !onBoard(e))
        deletedAt.set(`${e.collection}\u0000${e.recordId}`, e.at)
    const out: (Omit<BinEntry, 'boardId' | 'batch'> & { label: string })[] = []
    for (const e of entries) {
      const key = `${e.collection}\u0000${e.recordId}`
      if (seen.has(key) || MARKS.has(e.collection)) continue
      // its latest deletion decides: an older one is never listed in its place
      seen.add(key)
      if (hangsOnDeletedAlongside(e, deletedAt) || isBlank(e)) continue
      if (e.restoredAt !== null) continue
      if (onBoard(e)) continue
      const { boardId: _b, batch: _batch, ...rest } = e
      out.push({ ...rest, label: labels.get(key) ?? labelOfFields(e.collection, e.fields) })
      if (out.length >= 500) break
    }
    return out
  })
}

/** Whether a bin entry's record is on the board now (back, or never gone). */
function isOnBoard(doc: Y.Doc, e: BinEntry): boolean {
  return !!recordOf(collectionRoot(doc, e.collection as CollectionName), e.recordId)
}

/**
 * Deleted with a record it hangs on (a card's links, an indicator's measurements), in the same
 * change or moments apart as restoreFromBin counts it: it comes back with that record, and is
 * not listed on its own (a deleted indicator showed its measurement as «(senza testo)
 * misurazione», which alone could not come back).
 */
function hangsOnDeletedAlongside(e: BinEntry, deletedAt: Map<string, number>): boolean {
  return Object.entries(collectionSpec(e.collection)?.refs ?? {}).some(([field, target]) => {
    const id = e.fields[field]
    const at = typeof id === 'string' ? deletedAt.get(`${target}\u0000${id}`) : undefined
    return at !== undefined && Math.abs(at - e.at) <= DELETED_TOGETHER_MS
  })
}

/** Cards that are their words: one without any is nothing anyone wrote. */
const BLANK_CARDS: ReadonlySet<string> = new Set(['problems.nodes', 'objectives.nodes'])

/**
 * A card of the problem or objective tree with every text field empty: nothing anyone wrote (a new card dismissed with Escape
 * before a word was typed showed as «(senza testo) scheda problema»).
 */
function isBlank(e: BinEntry): boolean {
  // a card of the trees: an unnamed indicator, body or actor may hold values, members, a place
  if (!BLANK_CARDS.has(e.collection)) return false
  const texts = Object.keys(collectionSpec(e.collection)?.texts ?? {})
  return texts.every((field) => {
    const value = e.fields[field]
    return value === undefined || value === null || (typeof value === 'string' && !value.trim())
  })
}

export type BinRestoreOutcome =
  | { ok: true; restored: { collection: string; id: string }[] }
  | { ok: false; status: 404 | 409; code: ErrorCode; details?: string[] }

/**
 * Brings one deleted record back, whole, with the records deleted together with it (in the same
 * change or within a few seconds) that hang on it — a card's links, when their other end is on
 * the board — in one change.
 */
export async function restoreFromBin(
  { registry, history }: Deps,
  boardId: string,
  entryId: number,
  who: Who,
): Promise<BinRestoreOutcome> {
  const entry = await history.store.getBinEntry(boardId, entryId)
  if (!entry) return { ok: false, status: 404, code: 'BIN_ENTRY_NOT_FOUND' }
  // deleted with it: in the same change, or moments apart (a page may drop a card's links
  // and the card in two changes)
  const nearby = (await history.store.listBin(boardId, 2_000)).filter(
    (e) =>
      e.restoredAt === null &&
      (e.batch === entry.batch || Math.abs(e.at - entry.at) <= DELETED_TOGETHER_MS),
  )
  const batch = [
    ...new Map(
      [...nearby].reverse().map((e) => [`${e.collection}\u0000${e.recordId}`, e]),
    ).values(),
  ]
  const outcome = await registry.withRoom(boardId, (room): BinRestoreOutcome => {
    if (room.newerSchema) return { ok: false, status: 409, code: 'NEWER_SCHEMA' }
    const live = (e: BinEntry) => isOnBoard(room.doc, e)
    if (live(entry))
      return { ok: false, status: 409, code: 'CANNOT_RESTORE', details: ['it is on the board'] }
    // a mark (a score, a dot) comes back only when it went in the same change: one taken back
    // a moment before its candidate was deleted stays taken back
    const along = dependants(entry, batch).filter(
      (d) => !live(d) && (!MARKS.has(d.collection) || d.batch === entry.batch),
    )
    const coming = [entry, ...along]
    const missing = missingReferences(room.doc, entry, coming)
    if (missing.length)
      return {
        ok: false,
        status: 409,
        code: 'CANNOT_RESTORE',
        details: missing.map((m) => `${m} is not on the board`),
      }
    const records = [entry, ...along.filter((d) => !missingReferences(room.doc, d, coming).length)]
    // what comes back must pass the same guard as the person's own edit would (a locked phase,
    // a paused board): built on a copy, judged against the board, then applied
    const update = changeOnCopy(room.doc, (copy) => putBack(copy, records, null))
    const refusal = refuseUpdate(room.doc, Y.decodeUpdate(update), {
      facilitator: who.role === 'facilitator',
    })
    if (refusal) return { ok: false, status: 409, code: 'CANNOT_RESTORE', details: [refusal] }
    history.recordServerChange(room, who, {
      restore: 'bin',
      created: records.map((r) => ({ collection: r.collection, id: r.recordId })),
    })
    Y.applyUpdate(room.doc, update, HISTORY_ORIGIN)
    return {
      ok: true,
      restored: records.map((r) => ({ collection: r.collection, id: r.recordId })),
    }
  })
  if (!outcome.ok) return outcome
  await registry.commits.flush()
  const ids = batch
    .filter((b) =>
      outcome.restored.some((r) => r.collection === b.collection && r.id === b.recordId),
    )
    .map((b) => b.id)
  await history.store.markRestored(boardId, [...new Set([entryId, ...ids])], Date.now())
  return outcome
}

/** The update a change makes, made on a copy of the document (the document is untouched). */
function changeOnCopy(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    change(copy)
    return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc))
  } finally {
    copy.destroy()
  }
}
