import type * as Y from 'yjs'
import { useBoardSession } from '../store/context.tsx'
import { createFacilitationActions, type FacilitationActions } from './facilitationActions.ts'

const made = new WeakMap<Y.Doc, FacilitationActions>()

/** The facilitation actions of the open board (one set per document). */
export function useFacilitationActions(): FacilitationActions {
  const { doc, store } = useBoardSession()
  let actions = made.get(doc)
  if (!actions) {
    actions = createFacilitationActions(doc, store)
    made.set(doc, actions)
  }
  return actions
}
