import type { FastifyBaseLogger } from 'fastify'
import type { BoardStore } from '../storage/types.ts'
import type { SyncLimits } from './config.ts'
import { Room } from './room.ts'

/**
 * The loaded boards. Loading is awaited before a connection syncs, and concurrent requests for
 * one board share one load.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()

  constructor(
    private readonly store: BoardStore,
    private readonly limits: SyncLimits,
    private readonly log: FastifyBaseLogger,
  ) {}

  get loadedCount(): number {
    return this.rooms.size
  }

  isLoaded(id: string): boolean {
    return this.rooms.has(id)
  }

  /** The room of a board, loading it if needed. Never returns a room being unloaded. */
  acquire(id: string): Promise<Room> {
    const room = this.rooms.get(id)
    if (room && !room.destroyed) return Promise.resolve(room)
    let pending = this.loading.get(id)
    if (!pending) {
      pending = Promise.resolve().then(() => {
        const loaded = new Room(
          id,
          this.store,
          this.limits,
          this.log,
          (idle) => this.unload(idle),
          (failed) => setImmediate(() => this.evict(failed)),
        )
        this.rooms.set(id, loaded)
        return loaded
      })
      pending.finally(() => this.loading.delete(id)).catch(() => {})
      this.loading.set(id, pending)
    }
    return pending
  }

  /** Runs `fn` on a board's document, then lets an otherwise idle room unload. */
  async withRoom<T>(id: string, fn: (room: Room) => T): Promise<T> {
    const room = await this.acquire(id)
    try {
      return fn(room)
    } finally {
      room.scheduleUnload()
    }
  }

  private unload(room: Room): void {
    if (room.connections.size > 0) return
    try {
      room.destroy()
    } finally {
      if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    }
    this.log.debug({ board: room.id }, 'board unloaded')
  }

  /** Drops a room whose storage failed, without compacting: the log on disk is the truth. */
  private evict(room: Room): void {
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    room.destroy({ compact: false })
  }

  /** Compacts and frees every room (on shutdown). */
  closeAll(): void {
    for (const room of this.rooms.values()) {
      try {
        room.destroy()
      } catch (err) {
        this.log.error({ board: room.id, err: (err as Error).message }, 'could not close board')
      }
    }
    this.rooms.clear()
  }
}
