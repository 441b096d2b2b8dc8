import * as Y from 'yjs'
import type { StoredDocument } from '../storage/types.ts'

/** Longest stretch of log replay before the other boards get a turn of the event loop. */
const SLICE_MS = 8

/**
 * Applies a stored board to an empty document: the snapshot, then the log in slices of a few
 * milliseconds with a turn of the event loop between them, so a long log (after a crash) does
 * not stall the other boards. Applied as they are: merging them first costs a full decode and
 * re-encode of the snapshot, 2–4× the whole load of a 2,000-card board.
 */
export async function replayStored(
  doc: Y.Doc,
  stored: StoredDocument,
  origin: unknown,
): Promise<void> {
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin)
  let next = 0
  while (next < stored.updates.length) {
    const sliceEnd = performance.now() + SLICE_MS
    doc.transact(() => {
      while (next < stored.updates.length && performance.now() < sliceEnd)
        Y.applyUpdate(doc, stored.updates[next++]!, origin)
    }, origin)
    if (next < stored.updates.length) await new Promise((r) => setImmediate(r))
  }
}
