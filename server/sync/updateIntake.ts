import * as Y from 'yjs'
import type { FastifyBaseLogger } from 'fastify'
import { RefusedUpdate, judgeUpdate } from '../../shared/schema/index.ts'
import { CLOSE } from '../../shared/protocol.ts'
import type { GroupCommit } from '../storage/groupCommit.ts'
import type { Connection } from './connection.ts'
import { changesDocument } from './novelty.ts'

/** A decoded update (`Y.decodeUpdate`), read once and shared by the guard and the hooks. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** An update waiting for the group commit of this turn. */
export interface PendingAppend {
  room: { readonly id: string }
  update: Uint8Array
}

/** What the intake needs of its room. */
export interface IntakeHost {
  readonly id: string
  readonly doc: Y.Doc
  readonly destroyed: boolean
  readonly freed: boolean
  /** A writer's update is stored (log row `seq`): apply and relay it. */
  applyStored(conn: Connection, update: Uint8Array, seq: number, decoded: DecodedUpdate): void
  /** Storing failed: nothing of the batch may be served. */
  storageFailed(err: Error): void
}

/**
 * The way in for a board's updates: each writer's update is decoded, judged by the update guard
 * (shared/schema/updateGuard.ts), queued for the group commit of its turn and handed back to the
 * room only once stored. A connection's updates keep their order: one that may build on updates
 * still being stored waits for them, and so do the ones behind it.
 */
export class UpdateIntake {
  /** This room's updates in the group commit (queued or being written). */
  private inFlight = 0
  private settledWaiters: (() => void)[] = []
  /** Updates of a connection held back behind one that waits for queued updates. */
  private readonly backlogs = new WeakMap<Connection, Uint8Array[]>()

  constructor(
    private readonly host: IntakeHost,
    private readonly commits: GroupCommit<PendingAppend>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Whether updates of this room wait for storage. */
  get pending(): boolean {
    return this.inFlight > 0
  }

  /** Queues an update of this room for the group commit; a failure closes the room. */
  submit(update: Uint8Array, onStored: (seq: number) => void): void {
    this.inFlight += 1
    this.commits.add({
      item: { room: this.host, update },
      onStored: (seq) => {
        this.settleOne()
        onStored(seq)
      },
      onFailed: (err) => {
        this.settleOne()
        this.host.storageFailed(err)
      },
    })
  }

  private settleOne(): void {
    this.inFlight -= 1
    if (this.inFlight > 0) return
    this.releaseWaiters()
  }

  /** Wakes whoever waits for this room's updates (also when the room is freed). */
  releaseWaiters(): void {
    for (const resolve of this.settledWaiters.splice(0)) resolve()
  }

  /** Resolves when none of this room's updates waits for storage. */
  private settled(): Promise<void> {
    if (this.inFlight === 0 || this.host.freed) return Promise.resolve()
    return new Promise((resolve) => this.settledWaiters.push(resolve))
  }

  /**
   * A writer's update: checked, then queued for this turn's commit. It reaches the document
   * (and from there the other clients) only once committed.
   */
  accept(conn: Connection, update: Uint8Array): void {
    const backlog = this.backlogs.get(conn)
    // behind an update that waits: the connection's updates keep their order
    if (backlog) {
      backlog.push(update)
      return
    }
    if (this.judge(conn, update)) return
    this.backlogs.set(conn, [update])
    void this.drainBacklog(conn)
  }

  /**
   * Judges and queues one update; false when it is refused while updates of this room are
   * still being stored: it may build on them (a card, then its label, in two frames read
   * together), so it is judged again once they are in the document. Throws when refused.
   */
  private judge(conn: Connection, update: Uint8Array): boolean {
    // Garbage throws here, before anything is stored (y-protocols' own reader would swallow
    // the error and keep the socket open).
    const decoded = Y.decodeUpdate(update)
    const { doc } = this.host
    // Already known (typically a reconnecting client's sync step 2): nothing to store or relay.
    if (!changesDocument(doc, decoded)) return true
    // A hostile or broken client: nothing of it is stored or relayed; the caller closes the
    // socket for good (shared/schema/updateGuard.ts says what is refused and why).
    const refusal = judgeUpdate(doc, decoded, { facilitator: conn.role === 'facilitator' })
    if (refusal && this.inFlight > 0) return false
    if (refusal) throw new RefusedUpdate(refusal)
    this.submit(update, (seq) => this.host.applyStored(conn, update, seq, decoded))
    return true
  }

  private async drainBacklog(conn: Connection): Promise<void> {
    const backlog = this.backlogs.get(conn)!
    try {
      while (backlog.length) {
        if (this.inFlight > 0) void this.commits.flush()
        await this.settled()
        if (this.host.destroyed || conn.closed) return
        while (backlog.length && this.judge(conn, backlog[0]!)) backlog.shift()
      }
    } catch (err) {
      this.log.warn(
        { board: this.host.id, err: (err as Error).message },
        'malformed message: connection closed',
      )
      // a refusal says why (the board is paused, a phase locked…): the page tells the person
      conn.close(err instanceof RefusedUpdate ? err.close : CLOSE.MALFORMED)
    } finally {
      this.backlogs.delete(conn)
    }
  }
}
