import { useEffect } from 'react'
import type { CanvasName } from '../../shared/schema/index.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'

/**
 * For a phase whose canvas shares its screen with tables (Obiettivi, Stakeholder): tells the board
 * whether the canvas is in view (a dot vote's ranking goes with it, not over the tables), and
 * calls `show` when someone asks for the canvas («vai a votare»), once the phase is mounted.
 */
export function usePhaseCanvas(canvas: CanvasName, inView: boolean, show: () => void): void {
  const actions = useBoardActions()
  const wanted = useBoard((s) => s.showCanvas === canvas)
  useEffect(() => {
    actions.setCanvasInView(inView)
    return () => actions.setCanvasInView(true)
  }, [actions, inView])
  useEffect(() => {
    if (!wanted) return
    actions.canvasShown()
    show()
  }, [wanted, actions])
}
