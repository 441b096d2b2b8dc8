import type * as Y from 'yjs'
import { collectionRoot } from '../schema/roots.ts'
import { readFields, readMeta, type Fields } from '../schema/cards.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'
import { EXPORT_FORMAT, EXPORT_SECTIONS, type BoardExport } from './format.ts'

/** `{id, ...fields}` with keys in a stable order, so two exports of one board compare equal. */
function record(id: string, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = { id }
  for (const key of Object.keys(fields).sort()) if (key !== 'id') out[key] = fields[key]
  return out
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>
  at[path[path.length - 1]!] = value
}

/**
 * A plain projection of the document's roots in the export format of DESIGN.md: records
 * sorted by id, fields by name. Only `exportedAt` differs between two exports of one state.
 */
export function exportBoard(doc: Y.Doc, exportedAt = new Date().toISOString()): BoardExport {
  const meta = readMeta(doc)
  const out: Record<string, unknown> = {
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    title: meta.title,
    exportedAt,
    createdAt: meta.createdAt,
    phase: meta.phase,
    chosenStrategy: meta.chosenStrategy,
  }
  for (const [name, path] of EXPORT_SECTIONS) {
    const items: Record<string, unknown>[] = []
    collectionRoot(doc, name).forEach((map, id) => items.push(record(id, readFields(map))))
    items.sort((a, b) =>
      (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0,
    )
    setPath(out, path, items)
  }
  return out as BoardExport
}
