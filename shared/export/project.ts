import type * as Y from 'yjs'
import { CANVASES, canvasRoots, type FieldMap } from '../schema/roots.ts'
import { readFields, readMeta, type Fields } from '../schema/cards.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'
import { EXPORT_FORMAT, type BoardExport } from './format.ts'

function sortedEntries(map: Y.Map<FieldMap>): { id: string; fields: Fields }[] {
  const out: { id: string; fields: Fields }[] = []
  map.forEach((value, id) => out.push({ id, fields: readFields(value) }))
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** `{id, ...fields}` with keys in a stable order, so two exports of one board compare equal. */
function record(id: string, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = { id }
  for (const key of Object.keys(fields).sort()) if (key !== 'id') out[key] = fields[key]
  return out
}

/**
 * A plain projection of the document's roots in the export format of DESIGN.md: cards and links
 * sorted by id, fields by name. Only `exportedAt` differs between two exports of one state.
 */
export function exportBoard(doc: Y.Doc, exportedAt = new Date().toISOString()): BoardExport {
  const meta = readMeta(doc)
  const canvases = {} as Record<string, { nodes: unknown[]; edges: unknown[] }>
  for (const canvas of CANVASES) {
    const { nodes, edges } = canvasRoots(doc, canvas)
    canvases[canvas] = {
      nodes: sortedEntries(nodes).map((n) => record(n.id, n.fields)),
      edges: sortedEntries(edges).map((e) => record(e.id, e.fields)),
    }
  }
  return {
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    title: meta.title,
    exportedAt,
    createdAt: meta.createdAt,
    phase: meta.phase,
    canvases: canvases as BoardExport['canvases'],
  }
}
