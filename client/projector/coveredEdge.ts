import { useSyncExternalStore } from 'react'

/**
 * Panels fixed on the right of the page that the projector's tree must keep clear of (the vote
 * ranking): each says where its left edge is, in viewport px, and the screen layout
 * (useScreenLayout.ts) arranges the tree in the part of the canvas left of the leftmost.
 */
const edges = new Map<string, number>()
const listeners = new Set<() => void>()
let leftmost: number | null = null

/** `left` null: the panel is gone or folded and covers nothing worth keeping clear of. */
export function setCoveredEdge(panel: string, left: number | null): void {
  if (left === null) edges.delete(panel)
  else edges.set(panel, left)
  const next = edges.size ? Math.min(...edges.values()) : null
  if (next === leftmost) return
  leftmost = next
  for (const l of listeners) l()
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => void listeners.delete(l)
}
const read = () => leftmost

/** The left edge (viewport px) of the leftmost panel covering the page's right side, if any. */
export function useCoveredEdge(): number | null {
  return useSyncExternalStore(subscribe, read, read)
}
