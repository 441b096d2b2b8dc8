import { useState } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import { useBoardSession } from '../store/context.tsx'
import { ProblemCanvas } from './ProblemCanvas.tsx'

/**
 * The Problemi phase: the problem tree.
 *
 * React Flow starts with the cards the board has when the phase is shown, so they are drawn in
 * the canvas's first render, as a page handing React Flow its cards at once does. Given only
 * through the canvas's props, they came one render later: React Flow takes props in an effect,
 * and the render its store update forces runs at once, with the effects of every new card
 * (measuring, dragging) in the same task, before the page could show anything. The canvas's
 * props take over from there (the links too: they are drawn once the cards are measured).
 */
export function ProblemsPhase() {
  const { store } = useBoardSession()
  const [initialNodes] = useState(() => store.getState().canvases.problems.nodes)
  return (
    <ReactFlowProvider initialNodes={initialNodes}>
      <ProblemCanvas />
    </ReactFlowProvider>
  )
}
