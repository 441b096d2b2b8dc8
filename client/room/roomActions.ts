import type * as Y from 'yjs'
import { ROOM_ROOT, type RoomState } from '../../shared/schema/index.ts'
import { mayRunRoom, type BoardStore } from '../store/boardStore.ts'

/** The facilitator's room writes: not edits of the board, so outside everyone's undo history. */
export const ROOM_ORIGIN = Symbol('trama.room')

type Writable = Pick<RoomState, 'view' | 'spotlight' | 'showJoin' | 'reveal' | 'summon'>

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * What the facilitator's screen sets for the room: the view inside the phase, the spotlight,
 * the join code on the projector, the reveal of the strategy ranking, "bring everyone here".
 * Only a facilitator's page writes (the server refuses anyone else's change anyway); a value
 * the room already holds is not written again.
 */
export function createRoomActions(doc: Y.Doc, store: BoardStore) {
  const set = <K extends keyof Writable>(key: K, value: Writable[K]): boolean => {
    if (!mayRunRoom(store.getState())) return false
    const root = doc.getMap<unknown>(ROOM_ROOT)
    if (same(root.get(key), value)) return true
    doc.transact(() => root.set(key, value), ROOM_ORIGIN)
    return true
  }
  return {
    setView: (view: Writable['view']) => set('view', view),
    setSpotlight: (spotlight: Writable['spotlight']) => set('spotlight', spotlight),
    setShowJoin: (shown: boolean) => set('showJoin', shown),
    setReveal: (shown: boolean) => set('reveal', shown),
    /** Everyone follows `client` (the facilitator's awareness id) from now. */
    summon: (client: number, at = Date.now()) => set('summon', { at, client }),
  }
}

export type RoomActions = ReturnType<typeof createRoomActions>
