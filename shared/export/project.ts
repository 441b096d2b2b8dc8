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
  return dropDangling(out as BoardExport)
}

/**
 * Concurrent edits can leave references to records someone else deleted at the same moment
 * (a link drawn to a card being removed, a score on a deleted criterion). The document keeps
 * them harmlessly; the export leaves them out so that it always imports.
 */
function dropDangling(board: BoardExport): BoardExport {
  for (const canvas of Object.values(board.canvases)) {
    const ids = new Set(canvas.nodes.map((n) => n.id))
    canvas.edges = canvas.edges.filter(
      (e) => ids.has(e.source) && ids.has(e.target),
    ) as typeof canvas.edges
  }
  const candidates = new Set(board.strategy.candidates.map((c) => c.id))
  const criteria = new Set(board.strategy.criteria.map((c) => c.id))
  board.strategy.scores = board.strategy.scores.filter(
    (s) => candidates.has(s.candidate) && criteria.has(s.criterion),
  )
  if (board.chosenStrategy && !candidates.has(board.chosenStrategy)) board.chosenStrategy = ''
  return board
}
