import type * as Y from 'yjs'
import { readMeta, type BoardMeta, type Fields } from './cards.ts'
import { normaliseRecord } from './normalise.ts'
import { normaliseRoom, normaliseRoomValues, type RoomState } from './room.ts'
import { collectionSpec } from './registry.ts'
import { COLLECTIONS, PHASES, collectionRoot, type CollectionName } from './roots.ts'
import { SCHEMA_VERSION } from './version.ts'

/** What `GET /api/boards/:id/preview` answers: its name and version (a change bumps it). */
export const PREVIEW_FORMAT = 'trama-preview'
export const PREVIEW_VERSION = 1

/**
 * A board as its pages first show it: every collection's records as the normaliser reads them
 * (the same fields a page projects from the Yjs document), the board's meta and its room. The
 * page draws this while the document itself is still on its way or being applied; it edits
 * nothing until the document has synced. Not an export: nothing imports it.
 */
export interface BoardPreview {
  format: typeof PREVIEW_FORMAT
  version: typeof PREVIEW_VERSION
  /** The schema version of the code that read the board. */
  schemaVersion: number
  meta: BoardMeta
  /** The facilitator's room (pause, locks, timer, the view, an open vote's reveal…). */
  room: RoomState
  /** Per collection, its readable records as `[id, fields]`, in the document's order. */
  collections: Record<CollectionName, [string, Fields][]>
}

/**
 * The smallest board (records of every collection together) a preview is sent for: below it the
 * document applies in ~15 ms or less, and a preview would only add a moment in which nothing
 * can be written.
 */
export const PREVIEW_FROM_RECORDS = 300

/** Whether a document is large enough for its pages to be drawn from a preview first. */
export function worthPreview(doc: Y.Doc): boolean {
  let records = 0
  for (const name of COLLECTIONS) records += collectionRoot(doc, name).size
  return records >= PREVIEW_FROM_RECORDS
}

/** Reads the preview of a document (a few ms for 2,000 cards: the normaliser's own cost). */
export function boardPreview(doc: Y.Doc): BoardPreview {
  const collections = {} as Record<CollectionName, [string, Fields][]>
  for (const name of COLLECTIONS) {
    const spec = collectionSpec(name)
    const records: [string, Fields][] = []
    for (const [id, value] of collectionRoot(doc, name).entries()) {
      const fields = normaliseRecord(spec, id, value)
      if (fields) records.push([id, fields])
    }
    collections[name] = records
  }
  return {
    format: PREVIEW_FORMAT,
    version: PREVIEW_VERSION,
    schemaVersion: SCHEMA_VERSION,
    meta: readMeta(doc),
    room: normaliseRoom(doc),
    collections,
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A preview as a page received it, or null when it is not one this code reads (another format
 * or version, a board of a newer schema, a malformed body): the page then waits for the
 * document as it did without. The records' structure only: their fields came out of the
 * server's normaliser, and the document replaces them all once it has synced; the room, a few
 * keys, goes through its normaliser again.
 */
export function parsePreview(raw: unknown): BoardPreview | null {
  if (!isRecord(raw) || raw.format !== PREVIEW_FORMAT || raw.version !== PREVIEW_VERSION)
    return null
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > SCHEMA_VERSION) return null
  const meta = raw.meta
  if (
    !isRecord(meta) ||
    typeof meta.title !== 'string' ||
    !(PHASES as readonly unknown[]).includes(meta.phase) ||
    typeof meta.createdAt !== 'string' ||
    typeof meta.chosenStrategy !== 'string' ||
    typeof meta.schemaVersion !== 'number'
  )
    return null
  if (!isRecord(raw.room) || !isRecord(raw.collections)) return null
  for (const name of COLLECTIONS) {
    const records = raw.collections[name]
    if (!Array.isArray(records)) return null
    for (const entry of records)
      if (
        !Array.isArray(entry) ||
        entry.length !== 2 ||
        typeof entry[0] !== 'string' ||
        !isRecord(entry[1])
      )
        return null
  }
  // the room through its normaliser, as the page reads it from the document (a few keys)
  const room = raw.room
  return { ...(raw as unknown as BoardPreview), room: normaliseRoomValues((key) => room[key]) }
}
