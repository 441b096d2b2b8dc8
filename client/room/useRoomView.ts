import { useEffect, useRef } from 'react'
import { ROOM_VIEWS, type Phase, type RoomView } from '../../shared/schema/index.ts'
import { isViewer, isFacilitator, type BoardState } from '../store/boardStore.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { useLeader } from '../follow/useFollow.ts'
import { useRoom } from './useRoom.ts'
import { useRoomActions } from './useRoomActions.ts'

const roomViewSelector = (r: { view: RoomView | null }) => r.view

/**
 * Keeps the view inside a phase in step with the room. The facilitator's choice becomes the
 * room's `view`; the projector shows the room's view, and someone following a person shows
 * that person's. Everyone's own view travels in their presence (`sight.view`) for those who
 * follow them. The view names of the room (shared/schema/room.ts) may differ from the
 * phase's own: `toRoom` and `fromRoom` translate.
 */
export function useRoomView<V extends string>(
  phase: Phase,
  view: V,
  setView: (view: V) => void,
  names: { toRoom?: (view: V) => string; fromRoom?: (view: string) => V | null } = {},
): void {
  const { provider } = useBoardSession()
  const facilitator = useBoard(isFacilitator)
  const viewer = useBoard(isViewer)
  const room = useRoomActions()
  const roomView = useRoom(roomViewSelector)
  const leader = useLeader()
  const toRoom = names.toRoom ?? ((v: V) => v)
  const fromRoom = names.fromRoom ?? ((v: string) => v as V)
  const allowed = ROOM_VIEWS[phase] as readonly string[]
  const asRoom = toRoom(view)

  // what this person looks at, for those who follow them
  useEffect(() => {
    const awareness = provider.awareness
    const sight = (awareness.getLocalState()?.sight ?? {}) as Record<string, unknown>
    if (sight.view !== asRoom) awareness.setLocalStateField('sight', { ...sight, view: asRoom })
  }, [provider, asRoom])

  // the facilitator leads the room
  useEffect(() => {
    if (facilitator && allowed.includes(asRoom)) room.setView(asRoom as RoomView)
  }, [facilitator, asRoom, allowed, room])

  // the projector follows the room, a follower the person they follow
  const wanted = viewer ? roomView : leader && leader.tab === phase ? leader.sight?.view : null
  // only a change of the wanted view moves this screen: its own choices stand until then
  const apply = useRef({ setView, fromRoom })
  apply.current = { setView, fromRoom }
  useEffect(() => {
    if (!wanted || !allowed.includes(wanted)) return
    const next = apply.current.fromRoom(wanted)
    if (next !== null) apply.current.setView(next)
  }, [wanted, allowed])
}
