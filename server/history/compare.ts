import type * as Y from 'yjs'
import { collectionSpec } from '../../shared/schema/index.ts'
import { labelInDoc, labelOfFields, rewording } from './labels.ts'
import { planRestore } from './restore.ts'
import type { TouchedRecord } from './types.ts'

/** What changed in one collection between a version and the board now. */
export interface CollectionComparison {
  added: TouchedRecord[]
  removed: TouchedRecord[]
  reworded: (TouchedRecord & { before: string })[]
  /** Records changed otherwise (moved, re-linked, a status…). */
  changed: number
}

/**
 * What changed since a version: records added, removed and reworded (a text field changed), per
 * collection (registry name); collections without a change are absent.
 */
export function compareWithVersion(
  version: Y.Doc,
  now: Y.Doc,
): Record<string, CollectionComparison> {
  // the plan that would turn the version into the board now is exactly what changed since
  const plan = planRestore(version, now)
  const out: Record<string, CollectionComparison> = {}
  const of = (collection: string) =>
    (out[collection] ??= { added: [], removed: [], reworded: [], changed: 0 })
  for (const r of plan.added)
    of(r.collection).added.push({ id: r.id, label: labelInDoc(now, r.collection, r.id) })
  for (const r of plan.removed)
    of(r.collection).removed.push({ id: r.id, label: labelInDoc(version, r.collection, r.id) })
  for (const r of plan.changed) {
    const texts = collectionSpec(r.collection).texts
    if (Object.keys(r.patch).some((key) => key in texts)) {
      const words = rewording(version, now, r.collection, r.id)
      of(r.collection).reworded.push({
        id: r.id,
        label:
          words?.after ||
          labelInDoc(now, r.collection, r.id) ||
          labelOfFields(r.collection, r.patch),
        before: words?.before ?? labelInDoc(version, r.collection, r.id),
      })
    } else of(r.collection).changed += 1
  }
  return out
}
