import * as Y from 'yjs'

/**
 * One unreadable stored record (a log row or a snapshot) must not make its whole board
 * unloadable: it is moved aside into the `quarantine` table, where an operator can inspect it,
 * and the board loads from the rest (the table is storage migration 2, AddQuarantine). Yjs tolerates the gap: later updates that depended on the
 * lost one wait as pending structs instead of failing.
 */

/** What was moved aside, for the log. */
export interface QuarantinedRecord {
  boardId: string
  kind: 'update' | 'snapshot'
  /** The log row's sequence number (null for a snapshot). */
  seq: number | null
  bytes: number
  reason: string
}

/** Why a stored update cannot be read, or null when it decodes. */
export function unreadableReason(data: Uint8Array): string | null {
  try {
    // decodeUpdate walks every struct and its content: truncation and garbage throw here.
    Y.decodeUpdate(data)
    return null
  } catch (err) {
    return (err as Error).message || 'undecodable'
  }
}

/** A stored record as read, before the check. */
export interface RawRecord {
  kind: 'update' | 'snapshot'
  seq: number | null
  data: Uint8Array
}

/** Splits a board's records into the readable and the unreadable (with why), in order. */
export function sortReadable(
  boardId: string,
  records: readonly RawRecord[],
): { good: RawRecord[]; bad: (QuarantinedRecord & { data: Uint8Array })[] } {
  const good: RawRecord[] = []
  const bad: (QuarantinedRecord & { data: Uint8Array })[] = []
  for (const r of records) {
    const reason = unreadableReason(r.data)
    if (reason)
      bad.push({
        boardId,
        kind: r.kind,
        seq: r.seq,
        data: r.data,
        reason,
        bytes: r.data.byteLength,
      })
    else good.push(r)
  }
  return { good, bad }
}

/**
 * The snapshot a compaction writes: the document's state, merged with the stored snapshot when
 * another server wrote that one since this document read it (it may hold rows this server
 * never applied and that the other server already deleted).
 */
export function snapshotToWrite(
  state: Uint8Array,
  stored: { data: Uint8Array; generation: number } | undefined,
  generation: number,
): { data: Uint8Array; replaced: Uint8Array | null; generation: number } {
  const storedGeneration = stored?.generation ?? 0
  if (!stored || storedGeneration === generation)
    return { data: state, replaced: null, generation: storedGeneration + 1 }
  return {
    data: Y.mergeUpdates([stored.data, state]),
    replaced: stored.data,
    generation: storedGeneration + 1,
  }
}
