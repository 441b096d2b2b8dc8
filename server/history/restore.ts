import * as Y from 'yjs'
import {
  REGISTRY,
  collectionRoot,
  collectionSpec,
  metaRoot,
  migrateDoc,
  normaliseRecord,
  patchRecord,
  putRecord,
  recordOf,
  type CollectionName,
  type Fields,
} from '../../shared/schema/index.ts'

/** A document built from a stored version, migrated to this server's schema. */
export function docFromVersion(state: Uint8Array): Y.Doc | null {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const migration = migrateDoc(doc)
  if (!migration.ok) {
    doc.destroy()
    return null
  }
  return doc
}

/** Every record of a collection, normalised, by id. */
export function recordsOf(doc: Y.Doc, name: string): Map<string, Fields> {
  const spec = collectionSpec(name)
  const out = new Map<string, Fields>()
  collectionRoot(doc, name as CollectionName).forEach((value, id) => {
    const fields = normaliseRecord(spec, id, value)
    if (fields) out.set(id, fields)
  })
  return out
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** What a restore does to the live board, per collection. */
export interface RestorePlan {
  removed: { collection: string; id: string; fields: Fields }[]
  added: { collection: string; id: string; fields: Fields }[]
  changed: { collection: string; id: string; patch: Fields; dropped: string[] }[]
  meta: Record<string, string>
}

/** The changes that turn the live document into the version (records and the title). */
export function planRestore(now: Y.Doc, version: Y.Doc): RestorePlan {
  const plan: RestorePlan = { removed: [], added: [], changed: [], meta: {} }
  for (const spec of REGISTRY) {
    const before = recordsOf(now, spec.name)
    const after = recordsOf(version, spec.name)
    for (const [id, fields] of before)
      if (!after.has(id)) plan.removed.push({ collection: spec.name, id, fields })
    for (const [id, fields] of after) {
      const current = before.get(id)
      if (!current) {
        plan.added.push({ collection: spec.name, id, fields })
        continue
      }
      const patch: Fields = {}
      for (const [key, value] of Object.entries(fields))
        if (!same(current[key], value)) patch[key] = value
      const dropped = Object.keys(current).filter((key) => !(key in fields))
      if (Object.keys(patch).length || dropped.length)
        plan.changed.push({ collection: spec.name, id, patch, dropped })
    }
  }
  for (const key of ['title', 'chosenStrategy']) {
    const value = metaRoot(version).get(key)
    if (typeof value === 'string' && metaRoot(now).get(key) !== value) plan.meta[key] = value
  }
  return plan
}

/**
 * Applies a plan to the live document in ONE transaction: records the version lacks are
 * deleted, records it had are written back whole, fields that differ are set (a text by its
 * smallest edit, so what someone types meanwhile stays). The phase is left as it is: it is
 * where the room is, not what the board holds.
 */
export function applyRestore(doc: Y.Doc, plan: RestorePlan, origin: unknown): void {
  doc.transact(() => {
    for (const r of plan.removed) collectionRoot(doc, r.collection as CollectionName).delete(r.id)
    for (const r of plan.added) putRecord(doc, r.collection as CollectionName, r.id, r.fields)
    for (const r of plan.changed) {
      const name = r.collection as CollectionName
      patchRecord(doc, name, r.id, r.patch)
      const map = recordOf(collectionRoot(doc, name), r.id)
      for (const key of r.dropped) map?.delete(key)
    }
    for (const [key, value] of Object.entries(plan.meta)) metaRoot(doc).set(key, value)
  }, origin)
}

/** Whether a plan changes anything. */
export function planIsEmpty(plan: RestorePlan): boolean {
  return (
    !plan.removed.length &&
    !plan.added.length &&
    !plan.changed.length &&
    !Object.keys(plan.meta).length
  )
}

/** A record from the bin, to put back. */
export interface BinRecord {
  collection: string
  recordId: string
  fields: Record<string, unknown>
}

/**
 * Of the records deleted together with `entry` (its batch), those that hang on it (a link whose
 * end it is, a score on a deleted criterion…): the registry's references say which.
 */
export function dependants<T extends BinRecord>(entry: BinRecord, batch: readonly T[]): T[] {
  return batch.filter((other) => {
    if (other === entry || other.recordId === entry.recordId) return false
    const refs = collectionSpec(other.collection)?.refs ?? {}
    return Object.entries(refs).some(
      ([field, target]) => target === entry.collection && other.fields[field] === entry.recordId,
    )
  })
}

/** References of a record to records that are not on the board (then it cannot come back). */
export function missingReferences(
  doc: Y.Doc,
  record: BinRecord,
  coming: readonly BinRecord[],
): string[] {
  const refs = collectionSpec(record.collection)?.refs ?? {}
  const missing: string[] = []
  for (const [field, target] of Object.entries(refs)) {
    const value = record.fields[field]
    if (typeof value !== 'string') continue
    const there = recordOf(collectionRoot(doc, target as CollectionName), value)
    const arriving = coming.some((c) => c.collection === target && c.recordId === value)
    if (!there && !arriving) missing.push(`${field}: ${value}`)
  }
  return missing
}

/** Puts records back, whole, in one transaction. */
export function putBack(doc: Y.Doc, records: readonly BinRecord[], origin: unknown): void {
  doc.transact(() => {
    for (const r of records)
      putRecord(doc, r.collection as CollectionName, r.recordId, r.fields as Fields)
  }, origin)
}
