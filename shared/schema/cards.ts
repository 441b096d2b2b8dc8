import * as Y from 'yjs'
import {
  canvasRoots,
  collectionRoot,
  metaRoot,
  type CanvasName,
  type CollectionName,
  type FieldMap,
  type Phase,
} from './roots.ts'
import { SCHEMA_VERSION } from './version.ts'
import { collectionSpec, isIdSet, textLimit } from './registry.ts'
import { editIdSet, newIdSet, readIdSet, replaceIdSet, sharedIdSet } from './idSets.ts'
import { PACT_INFO_ID } from './pact.ts'
import { newText, replaceText } from './text.ts'
import { normaliseMeta } from './normalise.ts'
import { DEFAULT_CRITERIA, DEFAULT_TARGET_GROUPS, type ProblemRole } from './vocabulary.ts'

/** Fields every card has, whatever its canvas. */
export interface CardBase {
  kind: string
  label: string
  x: number
  y: number
}

export interface ProblemCard extends CardBase {
  kind: 'problem'
  role: ProblemRole
}

export interface LinkFields {
  source: string
  target: string
  kind: string
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export type Fields = Record<string, JsonValue>

export interface BoardMeta {
  schemaVersion: number
  title: string
  phase: Phase
  createdAt: string
  /** The strategy candidate the facilitator chose ('' while none). */
  chosenStrategy: string
}

/**
 * Calls `fn` for each record of a root that is a map: any client can put something else under a
 * key (a string, a plain object), and that is nobody's record.
 */
export function forEachRecord(root: Y.Map<FieldMap>, fn: (record: FieldMap, id: string) => void) {
  root.forEach((value, id) => {
    if (value instanceof Y.Map) fn(value, id)
  })
}

/** The record under `id` if it is a map (see {@link forEachRecord}). */
export function recordOf(root: Y.Map<FieldMap>, id: string): FieldMap | undefined {
  const value = root.get(id)
  return value instanceof Y.Map ? value : undefined
}

/** Reads a record map into a plain object (nested Y types as JSON; a shared id list, each id once). */
export function readFields(map: FieldMap): Fields {
  const out: Fields = {}
  map.forEach((value, key) => {
    // no field: on a plain object that key sets its prototype (the update guard refuses it)
    if (key === '__proto__') return
    if (value instanceof Y.Array) {
      const items = value.toArray()
      out[key] = (
        items.every((v): v is string => typeof v === 'string') ? readIdSet(items) : value.toJSON()
      ) as JsonValue
    } else out[key] = (value instanceof Y.AbstractType ? value.toJSON() : value) as JsonValue
  })
  return out
}

/**
 * Creates a record with all its fields at once. Call inside a transaction: a record is born
 * whole, by the client that made its id. Text fields (per the registry) become shared texts, id
 * sets shared lists (idSets.ts).
 */
export function putRecord(doc: Y.Doc, name: CollectionName, id: string, fields: Fields): void {
  const map = new Y.Map<unknown>()
  // Every id set is born with the record, empty if need be: two people adding the first tag of
  // a card at once would each make the list, and one list (with its tag) would lose.
  for (const key of collectionSpec(name)?.idSets ?? [])
    if (!(key in fields)) map.set(key, newIdSet([]))
  for (const [key, value] of Object.entries(fields)) {
    const max = textLimit(name, key)
    map.set(
      key,
      max !== undefined && typeof value === 'string'
        ? newText(value, max)
        : Array.isArray(value) && isIdSet(name, key)
          ? newIdSet(value)
          : value,
    )
  }
  collectionRoot(doc, name).set(id, map)
}

/**
 * Changes some fields of a record; a missing record is left alone (it was deleted). A text
 * field changes by the smallest edit of its shared text, so what others type meanwhile stays;
 * an id set likewise (but to add or remove one id, {@link editRecordIdSet} says only that).
 */
export function patchRecord(doc: Y.Doc, name: CollectionName, id: string, patch: Fields): boolean {
  const map = recordOf(collectionRoot(doc, name), id)
  if (!map) return false
  for (const [key, value] of Object.entries(patch)) {
    const max = textLimit(name, key)
    if (max !== undefined && typeof value === 'string') {
      const text = sharedText(map, key, max)
      replaceText(text, value, max)
    } else if (Array.isArray(value) && isIdSet(name, key))
      replaceIdSet(sharedIdSet(map, key), value)
    else if (map.get(key) !== value) map.set(key, value)
  }
  return true
}

/**
 * Adds ids to and removes ids from a record's id set (idSets.ts): only these, so what others
 * add or remove at the same time stays. A missing record is left alone. Call inside a
 * transaction.
 */
export function editRecordIdSet(
  doc: Y.Doc,
  name: CollectionName,
  id: string,
  field: string,
  edit: { add?: readonly string[]; remove?: readonly string[] },
): boolean {
  const map = recordOf(collectionRoot(doc, name), id)
  if (!map || !isIdSet(name, field)) return false
  editIdSet(sharedIdSet(map, field), edit)
  return true
}

/**
 * The shared text of a record's field, made from the plain string it held (an older board, a
 * stock client) when needed. Call inside a transaction.
 */
export function sharedText(map: FieldMap, field: string, max = Infinity): Y.Text {
  const current = map.get(field)
  if (current instanceof Y.Text) return current
  const text = newText(typeof current === 'string' ? current : '', max)
  map.set(field, text)
  return text
}

export function putCard(doc: Y.Doc, canvas: CanvasName, id: string, fields: Fields): void {
  putRecord(doc, `${canvas}.nodes`, id, fields)
}

export function putLink(doc: Y.Doc, canvas: CanvasName, id: string, fields: Fields): void {
  putRecord(doc, `${canvas}.edges`, id, fields)
}

/** Removes a card and every link touching it. */
export function deleteCard(doc: Y.Doc, canvas: CanvasName, id: string): void {
  const { nodes, edges } = canvasRoots(doc, canvas)
  doc.transact(() => {
    nodes.delete(id)
    forEachRecord(edges, (link, linkId) => {
      if (link.get('source') === id || link.get('target') === id) edges.delete(linkId)
    })
  })
}

/** The records every board starts with: target groups and strategy criteria (fixed ids). */
export function seedMethodDefaults(doc: Y.Doc): void {
  const groups = collectionRoot(doc, 'targetGroups')
  for (const g of DEFAULT_TARGET_GROUPS)
    if (!groups.has(g.id)) putRecord(doc, 'targetGroups', g.id, { label: g.label, key: g.key })
  const criteria = collectionRoot(doc, 'strategy.criteria')
  DEFAULT_CRITERIA.forEach((c, order) => {
    if (!criteria.has(c.id))
      putRecord(doc, 'strategy.criteria', c.id, { label: c.label, key: c.key, order })
  })
  const meta = metaRoot(doc)
  if (typeof meta.get('chosenStrategy') !== 'string') meta.set('chosenStrategy', '')
  seedPact(doc)
}

/** The pact's one frame record (vision, territory, horizon), made once with the board. */
export function seedPact(doc: Y.Doc): void {
  if (!collectionRoot(doc, 'pact.info').has(PACT_INFO_ID))
    putRecord(doc, 'pact.info', PACT_INFO_ID, { vision: '', territory: '' })
}

/** Writes the meta and defaults of a new board. */
export function initBoard(doc: Y.Doc, title: string, createdAt: string): void {
  doc.transact(() => {
    const meta = metaRoot(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', title)
    meta.set('phase', 'problems')
    meta.set('createdAt', createdAt)
    seedMethodDefaults(doc)
  })
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const version = metaRoot(doc).get('schemaVersion')
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    ...normaliseMeta(metaRoot(doc)),
  }
}
