import type * as Y from 'yjs'
import { useBoardSession } from '../store/context.tsx'
import { createRoomActions, type RoomActions } from './roomActions.ts'

const made = new WeakMap<Y.Doc, RoomActions>()

/** The room actions of the open board (one set per document). */
export function useRoomActions(): RoomActions {
  const { doc, store } = useBoardSession()
  let actions = made.get(doc)
  if (!actions) {
    actions = createRoomActions(doc, store)
    made.set(doc, actions)
  }
  return actions
}
