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
import { formatAmount } from '../../shared/pact/amounts.ts'

/** Up to this many characters of a record's text name it in the history. */
const LABEL_CHARS = 80

/** The text that names a record for people: its label, else its first non-empty text field. */
export function labelOfFields(collection: string, fields: Record<string, unknown>): string {
  return labelOf(collection, (key) => fields[key])
}

/** The same, reading only the fields it needs (a live record's others are never copied). */
function labelOf(collection: string, field: (key: string) => unknown): string {
  const text = namingOf(collection, field)?.text
  return text ? excerpt(text, 0, LABEL_CHARS) : ''
}

/** The field that names a record and its whole text (trimmed), or null when it has none. */
function namingOf(
  collection: string,
  field: (key: string) => unknown,
): { key: string; text: string } | null {
  const spec = collectionSpec(collection)
  if (!spec) return null
  for (const key of ['label', 'name', ...Object.keys(spec.texts)]) {
    const value = field(key)
    const text = (typeof value === 'string' ? value : textValue(value)).trim()
    if (text) return { key, text }
  }
  return null
}

/**
 * A reworded record's text before and after, as the history shows them: when both are longer
 * than a label, the part around where they differ (a long vision changed at its end read
 * «Entro il 2030 … vuln → Entro il 2030 … vuln», the change cut off on both sides). Null
 * when the record is named by different fields then and now, or by none.
 */
export function rewording(
  then: Y.Doc,
  now: Y.Doc,
  collection: string,
  id: string,
): { before: string; after: string } | null {
  const read = (doc: Y.Doc) => {
    const map = collectionRoot(doc, collection as CollectionName).get(id)
    return map instanceof Y.Map ? namingOf(collection, (key) => map.get(key)) : null
  }
  const before = read(then)
  const after = read(now)
  if (!before || !after || before.key !== after.key) return null
  const [b, a] = differingExcerpts(before.text, after.text, LABEL_CHARS)
  return { before: b, after: a }
}

/**
 * Excerpts of two texts of at most `chars` characters (and an ellipsis at a cut) that show where
 * they start to differ, with a little of what comes before it.
 */
export function differingExcerpts(a: string, b: string, chars: number): [string, string] {
  if (a.length <= chars && b.length <= chars) return [a, b]
  let same = 0
  while (same < a.length && same < b.length && a[same] === b[same]) same++
  const start = Math.max(
    0,
    Math.min(same - Math.floor(chars / 4), Math.max(a.length, b.length) - chars),
  )
  const cut = (text: string) =>
    excerpt(text, Math.min(start, Math.max(0, text.length - chars)), chars)
  return [cut(a), cut(b)]
}

/**
 * At most `chars` characters of `text` from `from`, at a word's edge when one is near, never
 * inside a character written as two (an emoji), with an ellipsis where it was cut.
 */
function excerpt(text: string, from: number, chars: number): string {
  let end = Math.min(text.length, from + chars)
  if (from > 0) {
    const space = text.indexOf(' ', from)
    if (space >= 0 && space - from < WORD_SLACK) from = space + 1
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > from && end - space < WORD_SLACK) end = space
  }
  if (isLowSurrogate(text, from)) from += 1
  if (isLowSurrogate(text, end)) end -= 1
  return `${from > 0 ? '…' : ''}${text.slice(from, end)}${end < text.length ? '…' : ''}`
}

/** How far an excerpt's edge moves to fall between words. */
const WORD_SLACK = 15

const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i)
  return c >= 0xdc00 && c <= 0xdfff
}

/** The label of a live record of the document ('' when it is gone). A link names its ends. */
export function labelInDoc(doc: Y.Doc, collection: string, id: string): string {
  const spec = collectionSpec(collection)
  if (!spec) return ''
  const map = collectionRoot(doc, collection as CollectionName).get(id)
  if (!(map instanceof Y.Map)) return ''
  const own = labelOf(collection, (key) => map.get(key))
  if (own) return own
  const byRef = namedByRef(doc, spec.refs, (key) => map.get(key))
  if (byRef || spec.what !== 'link') return byRef
  const end = (field: string) => {
    const target = spec.refs[field]
    const value = map.get(field)
    return target && typeof value === 'string' ? labelInDoc(doc, target, value) || '?' : '?'
  }
  return `${end('source')} → ${end('target')}`
}

/**
 * A record with no words of its own, named by the record it refers to: a measurement by what it
 * measures and its value (as the page writes it: 44,5), an adhesion (or a commitment with no
 * «Che cosa») by its actor. The history listed three adhesions as «(senza testo)».
 */
function namedByRef(
  doc: Y.Doc,
  refs: Readonly<Record<string, string>>,
  field: (key: string) => unknown,
): string {
  const of = (key: string) => {
    const id = field(key)
    return refs[key] && typeof id === 'string' ? labelInDoc(doc, refs[key], id) : ''
  }
  if (refs.indicator) {
    const value = field('value')
    const shown = typeof value === 'number' ? formatAmount(value, 'it') : ''
    return [of('indicator'), shown].filter(Boolean).join(': ')
  }
  return refs.actor ? of('actor') : ''
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
  if (own || !spec) return own
  const byRef = namedByRef(doc, spec.refs, (key) => fields[key])
  if (byRef || spec.what !== 'link') return byRef
  const end = (field: string) => {
    const target = spec.refs[field]
    const value = fields[field]
    if (!target || typeof value !== 'string') return '?'
    return labelInDoc(doc, target, value) || removedLabels.get(`${target}\u0000${value}`) || '?'
  }
  return `${end('source')} → ${end('target')}`
}
