import { ReactFlowProvider } from '@xyflow/react'
import { ProblemCanvas } from './ProblemCanvas.tsx'

/** The Problemi phase: the problem tree. */
export function ProblemsPhase() {
  return (
    <ReactFlowProvider>
      <ProblemCanvas />
    </ReactFlowProvider>
  )
}
