import * as Y from 'yjs'
import { collectionRoot } from './roots.ts'

/**
 * A dot a participant placed, moved or took back in a vote that is not open (it was, on their
 * screen, when they did it offline): the update goes in, and the server takes the dot back at
 * once. Refusing the update instead held everything that participant wrote after it (Yjs
 * integrates a client's changes in order), and left them unable to write until they discarded
 * their changes and reloaded.
 */
export interface LateDot {
  id: string
  /** The dot's fields before the update, or null when the update placed it. */
  before: Record<string, unknown> | null
}

/** An update that may go in, with dots the server takes back after it (see {@link LateDot}). */
export interface LateDots {
  kind: 'late-dots'
  reason: string
  dots: LateDot[]
}

/** The fields of a dot's record as plain values, or null when there is none. */
export function dotFields(
  type: Y.AbstractType<any> | undefined | null,
): Record<string, unknown> | null {
  return type instanceof Y.Map ? (type.toJSON() as Record<string, unknown>) : null
}

/**
 * Puts each late dot back as it was before the update that came too late: a dot placed is
 * removed, a dot moved gets its fields back, a dot taken back is there again. One transaction,
 * the caller's origin: on the server it is stored and relayed like any change of its own.
 */
export function takeBackDots(doc: Y.Doc, dots: readonly LateDot[], origin?: unknown): void {
  const root = collectionRoot(doc, 'votes.dots') as Y.Map<unknown>
  doc.transact(() => {
    for (const { id, before } of dots) {
      if (before === null) {
        root.delete(id)
        continue
      }
      let record = root.get(id)
      if (!(record instanceof Y.Map)) {
        record = new Y.Map<unknown>()
        root.set(id, record)
      }
      const fields = record as Y.Map<unknown>
      for (const key of [...fields.keys()]) if (!Object.hasOwn(before, key)) fields.delete(key)
      for (const [key, value] of Object.entries(before))
        if (fields.get(key) !== value) fields.set(key, value)
    }
  }, origin)
}
