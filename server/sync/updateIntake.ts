import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { FastifyBaseLogger } from 'fastify'
import { RefusedUpdate, judgeUpdate, takeBackDots } from '../../shared/schema/index.ts'
import { MESSAGE_SYNC } from '../../shared/protocol.ts'
import type { GroupCommit } from '../storage/groupCommit.ts'
import { closeOnBadMessage, type Connection } from './connection.ts'
import { changesDocument } from './novelty.ts'

/** How long a connection whose answer to the server's sync step 1 still could not go in waits
 * before it is asked again. */
const ASK_AGAIN_MS = 5_000

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
  /**
   * Per client, the clock this room's updates in the group commit take the document to: a
   * writer's next update (the next keystroke) builds on them and is judged as if they were in,
   * so it joins the same batch instead of waiting for each commit in turn.
   */
  private readonly queuedClocks = new Map<number, number>()
  private settledWaiters: (() => void)[] = []
  /** Updates of a connection held back behind one that waits for queued updates. */
  private readonly backlogs = new WeakMap<Connection, Uint8Array[]>()
  /** When the server last sent a connection its sync step 1 for an update it dropped. */
  private readonly asked = new WeakMap<Connection, number>()

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
    this.queuedClocks.clear()
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
   * together), so it is judged again once they are in the document. Throws when refused for
   * good; an update that needs content the server lacks is dropped instead (see askForMissing).
   */
  private judge(conn: Connection, update: Uint8Array): boolean {
    // Garbage throws here, before anything is stored (y-protocols' own reader would swallow
    // the error and keep the socket open).
    const decoded = Y.decodeUpdate(update)
    const { doc } = this.host
    // Already known (typically a reconnecting client's sync step 2): nothing to store or relay.
    if (!changesDocument(doc, decoded)) {
      this.asked.delete(conn)
      return true
    }
    // A hostile or broken client: nothing of it is stored or relayed; the caller closes the
    // socket for good (shared/schema/updateGuard.ts says what is refused and why).
    const facilitator = conn.role === 'facilitator'
    const queued = this.inFlight > 0 ? this.queuedClocks : undefined
    const verdict = judgeUpdate(doc, decoded, { facilitator }, update, queued)
    const late = verdict?.kind === 'late-dots' ? verdict : null
    const refusal = verdict?.kind === 'late-dots' ? null : verdict
    if (refusal && this.inFlight > 0) return false
    if (refusal?.kind === 'unintegrable') {
      this.askForMissing(conn, refusal.reason)
      return true
    }
    if (refusal) throw new RefusedUpdate(refusal)
    this.asked.delete(conn)
    for (const st of decoded.structs) {
      const end = st.id.clock + st.length
      if (end > (this.queuedClocks.get(st.id.client) ?? 0)) this.queuedClocks.set(st.id.client, end)
    }
    this.submit(update, (seq) => {
      this.host.applyStored(conn, update, seq, decoded)
      // dots that came after their vote closed (placed offline): put back as they were, a change
      // of the server's own, stored and relayed after this update (shared/schema/lateDots.ts)
      if (!late || this.host.freed) return
      this.log.info({ board: this.host.id, reason: late.reason }, 'late dots: taken back')
      takeBackDots(this.host.doc, late.dots)
    })
    return true
  }

  /**
   * An update that needs content the server does not hold (it would stay pending here and on
   * every client) is dropped, and the connection is not closed: an honest client can send one
   * (an edit made as it reconnects, before its sync step 2 arrives). The server answers with
   * its sync step 1; the client's sync step 2, computed from its whole document, brings what
   * the server lacks, the dropped update included. One question at a time: the updates that
   * arrive before the answer were sent before it, so the answer carries them too. A client
   * whose answer still cannot go in (content it holds pending itself) is asked again after
   * ASK_AGAIN_MS, not at every frame.
   */
  private askForMissing(conn: Connection, reason: string): void {
    const now = performance.now()
    const last = this.asked.get(conn)
    if (last !== undefined && now - last < ASK_AGAIN_MS) return
    this.asked.set(conn, now)
    this.log.info(
      { board: this.host.id, reason },
      'update needs content the server lacks: dropped, sync step 1 sent',
    )
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.host.doc)
    conn.send(encoding.toUint8Array(encoder))
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
      closeOnBadMessage(conn, err, this.log, this.host.id)
    } finally {
      this.backlogs.delete(conn)
    }
  }
}
