import type * as Y from 'yjs'
import { ROOM_ROOT, normaliseRoom } from '../../shared/schema/index.ts'
import type { BoardState, BoardStore } from '../store/boardStore.ts'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Keeps the store's view of the facilitator's control (pause, phase locks, timer) in step with
 * the `room` root, read through the one normaliser; unchanged values keep their identity.
 */
export function bindRoomControl(doc: Y.Doc, store: BoardStore): () => void {
  const root = doc.getMap<unknown>(ROOM_ROOT)
  const apply = () => {
    const room = normaliseRoom(doc)
    const s = store.getState()
    const patch: Partial<BoardState> = {}
    if (s.frozen !== room.frozen) patch.frozen = room.frozen
    if (!same(s.locks, room.locks)) patch.locks = room.locks
    if (!same(s.timer, room.timer)) patch.timer = room.timer
    if (Object.keys(patch).length) store.setState(patch)
  }
  apply()
  root.observe(apply)
  return () => root.unobserve(apply)
}
