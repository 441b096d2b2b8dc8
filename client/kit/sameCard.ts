import type { Node, NodeProps } from '@xyflow/react'

/**
 * Whether a card component may skip drawing again: a card is drawn from its id, data and
 * selection only. React Flow also passes its measured size and its position, which change once
 * it is measured (1,600 cards drawn again after a 2,000-card board's first render; every
 * objective card twice as its tree opened) and when it moves, and which no card shows.
 */
export const sameCard = <N extends Node>(a: NodeProps<N>, b: NodeProps<N>): boolean =>
  a.id === b.id && a.data === b.data && a.selected === b.selected
