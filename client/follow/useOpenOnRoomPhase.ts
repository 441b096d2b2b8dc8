import { useEffect, useRef } from 'react'
import type { Phase } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'
import { useBoard, useBoardActions, useBoardSession } from '../store/context.tsx'

/** The phase a page opens on. */
export const FIRST_PHASE: Phase = 'problems'

const phaseSelector = (s: BoardState) => s.phase
const syncedSelector = (s: BoardState) => s.synced
const viewerSelector = (s: BoardState) => s.role === 'viewer'

/**
 * A page opened while the room works on a later phase starts there, not on the first: a
 * latecomer landed on «Problemi» with the room in «Patto», told nothing, and so did a
 * facilitator's second tab or a reload of theirs. Not the projector, which shows what the
 * facilitator shows (BoardView); nor a tab already chosen by hand, nor someone already writing
 * a card on a slow first sync (they stay where they write).
 */
export function useOpenOnRoomPhase(): void {
  const { store } = useBoardSession()
  const actions = useBoardActions()
  const viewer = useBoard(viewerSelector)
  const synced = useBoard(syncedSelector)
  const phase = useBoard(phaseSelector)
  const done = useRef(false)
  useEffect(() => {
    if (!synced || done.current) return
    done.current = true
    const { tab, editingId } = store.getState()
    if (!viewer && editingId === null && tab === FIRST_PHASE && phase !== FIRST_PHASE)
      actions.setTab(phase)
  }, [synced, phase, viewer, actions, store])
}
