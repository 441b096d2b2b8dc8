import * as Y from 'yjs'
import type { StoredDocument } from '../storage/types.ts'
import type { BoardLog } from './boardLog.ts'
import type { RoomPresence } from './roomPresence.ts'

/** Stored by another server and delivered here: relayed to this room's clients, never stored. */
export const REMOTE_ORIGIN = Symbol('remote')

/** What of its room the cluster side uses. */
export interface RemoteHost {
  readonly freed: boolean
  /** The board's document (a board still loading in slices is completed first). */
  readonly doc: Y.Doc
  readonly presence: RoomPresence
  /** The document changed: its stored bytes no longer hold it. */
  changed(): void
}

/**
 * A room's side towards the other servers of a cluster (server/cluster): the updates they
 * stored and published, what the shared store holds that this room missed while cut off, and
 * presence both ways. What arrives here is applied with {@link REMOTE_ORIGIN}: the room relays
 * it to its own clients and never stores it again.
 */
export class RoomRemote {
  constructor(
    private readonly host: RemoteHost,
    private readonly boardLog: BoardLog,
  ) {}

  /**
   * An update another server stored (log row `seq`) and relayed: applied and relayed to this
   * room's clients, never stored again. Harmless when already applied.
   */
  update(update: Uint8Array, seq: number): void {
    if (this.host.freed || this.boardLog.has(seq)) return
    this.host.changed()
    Y.applyUpdate(this.host.doc, update, REMOTE_ORIGIN)
    this.boardLog.noted(seq, update.byteLength)
  }

  /**
   * Applies what the store holds and this room does not (after messages from other servers
   * were lost): a newer snapshot, and log rows it never applied.
   */
  catchUp(stored: StoredDocument): void {
    if (this.host.freed) return
    if (stored.snapshot && this.boardLog.isNewer(stored.generation)) {
      Y.applyUpdate(this.host.doc, stored.snapshot, REMOTE_ORIGIN)
      this.boardLog.adoptGeneration(stored.generation)
    }
    stored.updates.forEach((update, i) => this.update(update, stored.seqs[i]!))
  }

  /** Presence of another server's clients (an awareness update), shown to this room's. */
  presence(update: Uint8Array): void {
    if (!this.host.freed) this.host.presence.applyRemote(update)
  }

  /** The presence of this server's own clients (for another server that just loaded the board). */
  localPresence(): Uint8Array | null {
    return this.host.presence.local()
  }
}
