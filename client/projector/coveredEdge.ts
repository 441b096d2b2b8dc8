import { useSyncExternalStore } from 'react'

/**
 * Panels fixed on the right of the page that the trees must keep clear of (the vote ranking):
 * each says where it is, in viewport px. The projector's screen layout (useScreenLayout.ts)
 * arranges the tree in the part of the canvas left of the leftmost; every other screen frames
 * its tree there (kit/fitBelowToolbar.ts) and makes room when one comes over cards
 * (kit/useClearOfPanels.ts).
 */
const boxes = new Map<string, DOMRect>()
const listeners = new Set<() => void>()
let leftmost: number | null = null

/** `box` null: the panel is gone or folded and covers nothing worth keeping clear of. */
export function setCoveredEdge(panel: string, box: DOMRect | null): void {
  if (box === null) boxes.delete(panel)
  else boxes.set(panel, box)
  const next = boxes.size ? Math.min(...[...boxes.values()].map((b) => b.left)) : null
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

/** Where each panel covering the page's right side is now (viewport px). */
export const coveringBoxes = (): DOMRect[] => [...boxes.values()]
