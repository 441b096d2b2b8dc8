import type { FastifyBaseLogger } from 'fastify'
import type { Role } from '../../shared/protocol.ts'
import type { Room } from './room.ts'
import type { DecodedUpdate } from './updateIntake.ts'

/** An update the room stored and applied, with who wrote it. */
export interface AcceptedChange {
  update: Uint8Array
  /**
   * The update as the guard decoded it (read-only: a hook that would change it must decode its
   * own); absent for the server's own changes.
   */
  decoded?: DecodedUpdate
  /** Its row in the board's log. */
  seq: number
  /** The writing connection's role, or null for the server's own change (a migration). */
  role: Role | null
  /** The name the writer's presence declares (`user.name`), when it declares one. */
  name: string | null
}

/**
 * The points a deployment plugs into a room, as Hocuspocus's extensions do. Every hook is
 * optional; a single process runs with none. A hook that throws is logged and does not stop
 * the room (except `beforeLoad`, which fails the load).
 */
export interface RoomHooks {
  /**
   * A board is about to load, before its storage is read: what arrives for it from elsewhere
   * from now on can be handed to the room (`room.remote.update`), so nothing falls between the
   * read and the subscription.
   */
  beforeLoad?(room: Room): Promise<void> | void
  /**
   * A client's update was stored and is about to be applied: the document is still as it was
   * before it (the history reads what it deletes, and takes a version before a bulk deletion).
   * Synchronous: what it must keep is written before anyone is sent the update.
   */
  beforeApplyUpdate?(room: Room, change: AcceptedChange): void
  /** A client's update was stored and applied (the history hook records who wrote what). */
  onAcceptedUpdate?(room: Room, change: AcceptedChange): void
  /**
   * A stored update (a client's or the server's own) is being relayed to this room's
   * connections; others (other servers) may relay it too. Never called for remote updates.
   */
  onBroadcast?(room: Room, update: Uint8Array, seq: number): void
  /** This server's connections changed presence (an awareness update of their ids only). */
  onPresence?(room: Room, update: Uint8Array): void
  /**
   * Whether this server may compact the board now (a lease when several servers share it).
   * Without the hook, always.
   */
  mayCompact?(room: Room): Promise<boolean> | boolean
  /** The room was freed; `compacted` says whether its final snapshot was written by it. */
  onUnload?(room: Room, info: { compacted: boolean }): Promise<void> | void
}

/**
 * Calls one of a room's hooks: one that throws, or whose promise rejects, is logged and the room
 * goes on.
 */
export function callHook(
  log: FastifyBaseLogger,
  board: string,
  name: keyof RoomHooks,
  fn: () => unknown,
): void {
  const failed = (err: unknown) =>
    log.error({ board, hook: name, err: (err as Error).message }, 'room hook failed')
  try {
    const result = fn()
    if (result instanceof Promise) result.catch(failed)
  } catch (err) {
    failed(err)
  }
}
