import { useEffect } from 'react'
import { useReactFlow, useStore, type FitViewOptions, type ReactFlowState } from '@xyflow/react'
import { useFollowState } from '../follow/useFollow.ts'
import type { FollowState } from '../follow/followStore.ts'
import type { CardNode } from '../store/projection.ts'

/** Long enough for a new actor's card to be measured and a burst of moves to end. */
const SETTLE_MS = 250
const GLIDE_MS = 400

const widthSelector = (s: ReactFlowState) => s.width
const heightSelector = (s: ReactFlowState) => s.height
const followingSelector = (s: FollowState) => s.following !== null

/** Where every actor is: a new key when one is added, moved or removed. */
function placesKey(nodes: readonly CardNode[]): string {
  return nodes
    .map((n) => `${n.id}:${Math.round(n.position.x)}:${Math.round(n.position.y)}`)
    .join('|')
}

/**
 * The projector's relationship map stays framed whole. Nobody pans a projector: as actors are
 * added, moved or removed on the laptops, or the screen changes size, it frames them all again,
 * gliding, once the changes settle. Not while it follows someone: it shows what they show.
 */
export function useProjectorFraming(
  on: boolean,
  nodes: readonly CardNode[],
  fit: FitViewOptions,
): void {
  const flow = useReactFlow()
  const width = useStore(widthSelector)
  const height = useStore(heightSelector)
  const following = useFollowState(followingSelector)
  const key = on ? placesKey(nodes) : ''
  useEffect(() => {
    if (!on || following || !width || !height) return
    const timer = setTimeout(() => void flow.fitView({ ...fit, duration: GLIDE_MS }), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [on, following, key, width, height, flow, fit])
}
