import type * as Y from 'yjs'
import { collectionRoot } from '../schema/roots.ts'
import { readMeta, type Fields } from '../schema/cards.ts'
import { REGISTRY } from '../schema/registry.ts'
import { normaliseRecord } from '../schema/normalise.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'
import { EXPORT_FORMAT, sectionOf, type BoardExport } from './format.ts'

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
 * A plain projection of the document's roots in the export format of DESIGN.md: every record
 * through the normaliser, sorted by id, fields by name. Only `exportedAt` differs between two
 * exports of one state, and every export imports.
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
  for (const spec of REGISTRY) {
    const items: Record<string, unknown>[] = []
    collectionRoot(doc, spec.name).forEach((value, id) => {
      const fields = normaliseRecord(spec, id, value)
      if (fields) items.push(record(id, fields))
    })
    items.sort((a, b) =>
      (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0,
    )
    setPath(out, spec.exportPath, items)
  }
  return dropDangling(out as BoardExport)
}

/**
 * Concurrent edits can leave references to records someone else deleted at the same moment
 * (a link drawn to a card being removed, a score on a deleted criterion). The document keeps
 * them harmlessly; the export leaves out every record whose required reference (per the
 * registry) is gone, so that it always imports.
 */
function dropDangling(board: BoardExport): BoardExport {
  const ids = new Map<string, Set<unknown>>(
    REGISTRY.map((spec) => [spec.name, new Set(sectionOf(board, spec).map((r) => r.id))]),
  )
  for (const spec of REGISTRY) {
    const refs = Object.entries(spec.refs)
    if (!refs.length) continue
    const kept = sectionOf(board, spec).filter((item) =>
      refs.every(([field, target]) => ids.get(target)!.has(item[field])),
    )
    setPath(board as unknown as Record<string, unknown>, spec.exportPath, kept)
  }
  if (board.chosenStrategy && !ids.get('strategy.candidates')!.has(board.chosenStrategy))
    board.chosenStrategy = ''
  return board
}
