import type { RoomDeps } from './room.ts'
import { Room } from './room.ts'

/**
 * Opens a board: a room is built, told to the hooks, and its stored document loaded (room.ts,
 * `load`). Nobody can join before this resolves.
 *
 * Optimistic: checking every record before applying it would double the work (and the stall)
 * of every cold open for the rare damaged board. If applying throws, the half-built room is
 * dropped and the board is loaded again, verified, its bad records quarantined.
 */
export async function openRoom(id: string, deps: RoomDeps): Promise<Room> {
  try {
    return await build(id, deps, false)
  } catch (err) {
    deps.log.warn(
      { board: id, err: err instanceof Error ? err.message : String(err) },
      'board did not load as stored: loading it verified',
    )
    return build(id, deps, true)
  }
}

async function build(id: string, deps: RoomDeps, verify: boolean): Promise<Room> {
  const room = new Room(id, deps)
  try {
    await deps.hooks.beforeLoad?.(room)
    await room.load(await deps.store.loadDocument(id, { verify }), verify)
  } catch (err) {
    room.abandon()
    throw err
  }
  return room
}
