import * as Y from 'yjs'
import * as idb from 'lib0/indexeddb'
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb'

/** How long others' changes wait to be written together. */
export const REMOTE_BATCH_MS = 250
/** How long after the store has grown past its size the copy is written again whole. */
const TRIM_AFTER_MS = 1_000

/** Whether an update can be read (checked without applying it). */
function readable(update: Uint8Array): boolean {
  try {
    Y.parseUpdateMeta(update)
    return true
  } catch {
    return false
  }
}

/**
 * The board's copy in this browser (IndexedDB, through y-indexeddb), so that what someone wrote
 * offline survives a reload. y-indexeddb writes every update of the document in a transaction
 * of its own, and Yjs encodes every update for it: in a room of thirty, each of the others'
 * keystrokes cost every page an encoding and a write, and every 500 writes the whole board was
 * read back and written again (tens of ms on a large board: every few seconds under a crowd).
 * Here:
 * - this person's own changes are written at once, as before (they exist nowhere else yet);
 * - what the server sends is written as it came ({@link keepFromServer}: the sync layer takes
 *   the copy's listener off for the server's transactions, so Yjs does not encode them again),
 *   and others' changes are written together, one merged update at most every
 *   {@link REMOTE_BATCH_MS} (they are on the server: a page closed before loses nothing);
 * - so the store grows by a few records a second, not by one per keystroke of the room.
 * Whatever is waiting is written when the page is hidden or closed.
 */
export class LocalCopy {
  readonly persistence: IndexeddbPersistence
  private waiting: Uint8Array[] = []
  private batch: ReturnType<typeof setTimeout> | null = null
  private trim: ReturnType<typeof setTimeout> | null = null

  /** `fromOthers`: whether a transaction's origin is someone else (the server's messages). */
  constructor(
    name: string,
    private readonly doc: Y.Doc,
    private readonly fromOthers: (origin: unknown) => boolean,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc)
    // y-indexeddb's own writer (one transaction per update) gives way to this one
    doc.off('update', this.persistence._storeUpdate)
    doc.on('update', this.onUpdate)
    addEventListener('pagehide', this.flush)
  }

  /** The document's update listener (the sync layer takes it off for the server's messages). */
  readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    // what the store itself put in the document is in the store
    if (origin === this.persistence) return
    this.waiting.push(update)
    if (this.fromOthers(origin)) this.later()
    else this.flush()
  }

  /** An update as the server sent it (the buffer is the message's: copied). */
  keepFromServer(update: Uint8Array): void {
    this.waiting.push(update.slice())
    this.later()
  }

  private later(): void {
    this.batch ??= setTimeout(this.flush, REMOTE_BATCH_MS)
  }

  /** Writes what is waiting, merged, in one transaction. */
  readonly flush = (): void => {
    if (this.batch) clearTimeout(this.batch)
    this.batch = null
    const db = this.persistence.db
    // before the store is open: opening it writes the whole document, these included
    if (!db || this.persistence._destroyed || !this.waiting.length) {
      this.waiting = []
      return
    }
    // a message the document could not take is not stored, to fail again at every reload
    // (the sync layer passes on what the server sent, and Yjs's reader only logs its errors)
    const usable = this.waiting.filter(readable)
    this.waiting = []
    if (!usable.length) return
    const update = usable.length === 1 ? usable[0]! : Y.mergeUpdates(usable)
    const [updates] = idb.transact(db, ['updates'])
    // stored as y-indexeddb stores its updates (lib0's types name ArrayBuffer; any value goes)
    void idb.addAutoKey(updates!, update as unknown as ArrayBuffer)
    // as y-indexeddb does: past a size, the store is written again as one update
    if (++this.persistence._dbsize >= PREFERRED_TRIM_SIZE && !this.trim)
      this.trim = setTimeout(() => {
        this.trim = null
        if (!this.persistence._destroyed) void storeState(this.persistence, false)
      }, TRIM_AFTER_MS)
  }

  destroy(): Promise<void> {
    this.flush()
    if (this.trim) clearTimeout(this.trim)
    removeEventListener('pagehide', this.flush)
    this.doc.off('update', this.onUpdate)
    return this.persistence.destroy()
  }
}
