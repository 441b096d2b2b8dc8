import { useCallback, useState } from 'react'
import { ROOM_VIEWS } from '../../shared/schema/index.ts'
import { useRoomView } from '../room/useRoomView.ts'

/** The views of the Patto phase, in the order the facilitator's screen shows them. */
export const PACT_VIEWS = ROOM_VIEWS.pact
export type PactView = (typeof PACT_VIEWS)[number]

const VIEW_KEY = 'trama.pact.view'

export function isPactView(v: unknown): v is PactView {
  return (PACT_VIEWS as readonly unknown[]).includes(v)
}

function storedView(): PactView {
  try {
    const v = sessionStorage.getItem(VIEW_KEY)
    return isPactView(v) ? v : 'vision'
  } catch {
    return 'vision'
  }
}

/**
 * The one place that says which view of the Patto phase this screen shows (kept for the tab's
 * session); the facilitator's choice is the room's `view`, which the projector follows.
 */
export function usePactView(): [PactView, (view: PactView) => void] {
  const [view, setViewState] = useState<PactView>(storedView)
  const setView = useCallback((v: PactView) => {
    setViewState(v)
    try {
      sessionStorage.setItem(VIEW_KEY, v)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [])
  useRoomView('pact', view, setView)
  return [view, setView]
}
