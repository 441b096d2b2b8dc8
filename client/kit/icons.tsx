/**
 * The few icons of the room's controls, drawn here: emoji depend on the machine's fonts (a
 * projector without a colour emoji font showed empty boxes for ⏸ and 🔕). They take the text's
 * colour and size.
 */
const box = {
  width: '1em',
  height: '1em',
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  // on the text's baseline, as a letter would sit
  style: { verticalAlign: '-0.125em' },
} as const

export function PauseIcon() {
  return (
    <svg {...box}>
      <rect x="3" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
      <rect x="9.5" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
    </svg>
  )
}

/** A bell; struck through when `off`. */
export function BellIcon({ off = false }: { off?: boolean }) {
  return (
    <svg {...box}>
      <path
        d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v3l1.3 1.7a.5.5 0 0 1-.4.8H2.6a.5.5 0 0 1-.4-.8l1.3-1.7v-3A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.3 14h3.4a1.7 1.7 0 0 1-3.4 0z"
        fill="currentColor"
      />
      {off && <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
    </svg>
  )
}
