import { createHash } from 'node:crypto'
import type * as Y from 'yjs'
import { exportBoard } from '../../shared/export/index.ts'

/**
 * The board's content as a digest: what its export holds but the phase (where the room is) and
 * the moment of the export. Two states with the same digest are the same board.
 */
export function contentDigest(doc: Y.Doc): string {
  const { exportedAt: _at, phase: _phase, ...content } = exportBoard(doc, '')
  return createHash('sha256').update(JSON.stringify(content)).digest('base64')
}
