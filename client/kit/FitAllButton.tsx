import { ControlButton, useStore } from '@xyflow/react'

/**
 * «Mostra tutto» in the zoom controls, doing only `onClick`. React Flow's own button runs its
 * fit first and then the handler, and its fit, queued until the next render, lands after a
 * framing that sets the view at once: the tree went back under the minimap.
 */
export function FitAllButton({ onClick }: { onClick: () => void }) {
  const label = useStore((s) => s.ariaLabelConfig['controls.fitView.ariaLabel'])
  return (
    <ControlButton
      className="react-flow__controls-fitview"
      onClick={onClick}
      title={label}
      aria-label={label}
    >
      {/* four corners round the view */}
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 1h5v2H3v3H1zM10 1h5v5h-2V3h-3zM1 10h2v3h3v2H1zM13 10h2v5h-5v-2h3z" />
      </svg>
    </ControlButton>
  )
}
