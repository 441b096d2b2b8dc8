import { useRef } from 'react'
import type { Node } from '@xyflow/react'

/** The same cards, in the same order, with the same data (positions, sizes, selection aside). */
export function sameCardData(a: readonly Node[], b: readonly Node[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++)
    if (a[i]!.id !== b[i]!.id || a[i]!.data !== b[i]!.data) return false
  return true
}

/**
 * `nodes` as long as a card is added, removed or changes its data; the previous array while
 * cards only move, are measured or selected. What depends on the cards' texts and roles only
 * (the tree's checks, the links' names) keys on this and is not recomputed at every frame of a
 * drag (a new nodes array each frame).
 */
export function useStableCards<N extends Node>(nodes: N[]): N[] {
  const last = useRef(nodes)
  if (!sameCardData(last.current, nodes)) last.current = nodes
  return last.current
}
