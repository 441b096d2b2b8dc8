import * as Y from 'yjs'
import {
  REGISTRY,
  collectionRoot,
  collectionSpec,
  forEachRecord,
  textValue,
  type CollectionName,
  type Fields,
} from '../../shared/schema/index.ts'

/** Up to this many characters of a record's text name it in the history. */
const LABEL_CHARS = 80

/** The text that names a record for people: its label, else its first non-empty text field. */
export function labelOfFields(collection: string, fields: Record<string, unknown>): string {
  return labelOf(collection, (key) => fields[key])
}

/** The same, reading only the fields it needs (a live record's others are never copied). */
function labelOf(collection: string, field: (key: string) => unknown): string {
  const spec = collectionSpec(collection)
  if (!spec) return ''
  for (const key of ['label', 'name', ...Object.keys(spec.texts)]) {
    const value = field(key)
    const text = typeof value === 'string' ? value : textValue(value)
    if (text.trim()) return text.trim().slice(0, LABEL_CHARS)
  }
  return ''
}

/** The label of a live record of the document ('' when it is gone). A link names its ends. */
export function labelInDoc(doc: Y.Doc, collection: string, id: string): string {
  const spec = collectionSpec(collection)
  if (!spec) return ''
  const map = collectionRoot(doc, collection as CollectionName).get(id)
  if (!(map instanceof Y.Map)) return ''
  const own = labelOf(collection, (key) => map.get(key))
  if (own || spec.what !== 'link') return own
  const end = (field: string) => {
    const target = spec.refs[field]
    const value = map.get(field)
    return target && typeof value === 'string' ? labelInDoc(doc, target, value) || '?' : '?'
  }
  return `${end('source')} → ${end('target')}`
}

/** Records per collection (only those holding some). */
export function countRecords(doc: Y.Doc): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const spec of REGISTRY) {
    let n = 0
    forEachRecord(collectionRoot(doc, spec.name), () => n++)
    if (n) counts[spec.name] = n
  }
  return counts
}

/** A link's label from plain fields, its ends named from the document (or the bin). */
export function describeRemoved(
  doc: Y.Doc,
  collection: string,
  fields: Fields,
  removedLabels: Map<string, string>,
): string {
  const spec = collectionSpec(collection)
  const own = labelOfFields(collection, fields)
  if (own || !spec || spec.what !== 'link') return own
  const end = (field: string) => {
    const target = spec.refs[field]
    const value = fields[field]
    if (!target || typeof value !== 'string') return '?'
    return labelInDoc(doc, target, value) || removedLabels.get(`${target}\u0000${value}`) || '?'
  }
  return `${end('source')} → ${end('target')}`
}
