import type { FastifyBaseLogger } from 'fastify'
import { GroupCommit, type Scheduler, endOfTurn } from '../storage/groupCommit.ts'
import type { BoardStore } from '../storage/types.ts'
import type { SyncLimits } from './config.ts'
import type { RoomHooks } from './hooks.ts'
import type { Room, PendingAppend, RoomDeps } from './room.ts'
import { openRoom } from './openRoom.ts'

/** How the rooms use storage (tests and the benchmark tune it). */
export interface StorageTuning {
  /** Quiet time after which a changed board's log is folded into a fresh snapshot. */
  snapshotWhenQuietMs: number
  /** When a batch of updates closes; by default at the end of the event loop's turn. */
  scheduler: Scheduler
}

export const DEFAULT_STORAGE_TUNING: StorageTuning = {
  snapshotWhenQuietMs: 10_000,
  scheduler: endOfTurn,
}

/**
 * The loaded boards. Loading is awaited before a connection syncs, and concurrent requests for
 * one board share one load.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  /** Boards being unloaded: a new load waits until their final snapshot is written. */
  private readonly unloading = new Map<string, Promise<void>>()
  /** One group commit for every board: a turn's updates, whatever their board, in one commit. */
  readonly commits: GroupCommit<PendingAppend>
  private readonly deps: RoomDeps

  constructor(
    store: BoardStore,
    limits: SyncLimits,
    private readonly log: FastifyBaseLogger,
    tuning: Partial<StorageTuning> = {},
    hooks: RoomHooks = {},
  ) {
    const { snapshotWhenQuietMs, scheduler } = { ...DEFAULT_STORAGE_TUNING, ...tuning }
    this.commits = new GroupCommit<PendingAppend>(
      (items) => store.appendUpdates(items.map((i) => ({ boardId: i.room.id, update: i.update }))),
      scheduler,
      (err) => log.error({ err: (err as Error).message }, 'applying a stored update failed'),
    )
    this.deps = {
      store,
      commits: this.commits,
      limits,
      log,
      snapshotWhenQuietMs,
      hooks,
      onIdle: (idle) => this.unload(idle),
      onStorageFailure: (failed) => this.evict(failed),
    }
  }

  get loadedCount(): number {
    return this.rooms.size
  }

  isLoaded(id: string): boolean {
    return this.rooms.has(id)
  }

  /** The loaded room of a board, if any (never one being unloaded). */
  loaded(id: string): Room | undefined {
    const room = this.rooms.get(id)
    return room && !room.destroyed ? room : undefined
  }

  /** Every room loaded or loading right now. */
  get ids(): string[] {
    return [...new Set([...this.rooms.keys(), ...this.loading.keys()])]
  }

  /** The room of a board, loading it if needed. Never returns a room being unloaded. */
  acquire(id: string): Promise<Room> {
    const room = this.rooms.get(id)
    if (room && !room.destroyed) return Promise.resolve(room)
    let pending = this.loading.get(id)
    if (!pending) {
      const unloading = this.unloading.get(id) ?? Promise.resolve()
      pending = unloading
        .then(() => openRoom(id, this.deps))
        .then((loaded) => {
          // Its migration could not be stored: refuse rather than let callers retry forever.
          if (loaded.destroyed) throw new Error(`board ${id} could not be stored`)
          this.rooms.set(id, loaded)
          return loaded
        })
      pending.finally(() => this.loading.delete(id)).catch(() => {})
      this.loading.set(id, pending)
    }
    return pending
  }

  /**
   * Runs `fn` on a board's document, then lets an otherwise idle room unload (not before the
   * promise `fn` may answer has settled).
   */
  async withRoom<T>(id: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(id)
    return room.idle.hold(() => fn(room))
  }

  private unload(room: Room): void {
    if (room.connections.size > 0 || room.destroyed) return
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    const done = room
      .destroy()
      .catch((err: Error) =>
        this.log.error({ board: room.id, err: err.message }, 'could not unload board'),
      )
      .finally(() => {
        if (this.unloading.get(room.id) === done) this.unloading.delete(room.id)
        this.log.debug({ board: room.id }, 'board unloaded')
      })
    this.unloading.set(room.id, done)
  }

  /**
   * Drops a room whose storage failed, synchronously and without compacting: the log is the
   * truth, and no sync answer may come from a document that is ahead of it.
   */
  private evict(room: Room): void {
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    void room.destroy({ compact: false })
  }

  /** Compacts and frees every room (on shutdown). */
  async closeAll(): Promise<void> {
    await this.commits.flush()
    const rooms = [...this.rooms.values()]
    this.rooms.clear()
    await Promise.all(
      rooms.map((room) =>
        room.destroy().catch((err: Error) => {
          this.log.error({ board: room.id, err: err.message }, 'could not close board')
        }),
      ),
    )
    await Promise.all(this.unloading.values())
  }
}
