import { useCallback, useEffect, useRef } from 'react'
import {
  useNodesInitialized,
  useReactFlow,
  useStore,
  type FitViewOptions,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react'
import { useFollowState } from '../follow/useFollow.ts'
import type { FollowState } from '../follow/followStore.ts'
import type { CardNode } from '../store/projection.ts'

/** Long enough for a new actor's card to be measured and a burst of moves to end. */
const SETTLE_MS = 250
/** The glide to the new framing: a panel opening, actors coming on the projector. */
const GLIDE_MS = 300

const widthSelector = (s: ReactFlowState) => s.width
const heightSelector = (s: ReactFlowState) => s.height
const followingSelector = (s: FollowState) => s.following !== null

/** Where every actor is: a new key when one is added, moved or removed. */
function placesKey(nodes: readonly CardNode[]): string {
  return nodes
    .map((n) => `${n.id}:${Math.round(n.position.x)}:${Math.round(n.position.y)}`)
    .join('|')
}

const windowSize = () => (typeof window === 'undefined' ? '' : `${innerWidth}x${innerHeight}`)

const sameView = (a: Viewport, b: Viewport) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3

export interface MapFraming {
  /** «Mostra tutto» framed the map: it is the framed view again. */
  onFitView(): void
}

/**
 * The relationship map framed whole, and kept so while nobody has moved it.
 * - On a laptop, when the window changes size, it is framed again for the new size, but only
 *   while the view is still the one the last framing left (as it opened, or after «Mostra
 *   tutto»): a person who zoomed in on two actors keeps their view. Not when a card's or a
 *   relation's sheet opens or closes beside it: the map would jump under the pointer of the
 *   person who has just linked two actors.
 * - The projector, which nobody pans, is also framed again as actors are added, moved or
 *   removed on the laptops, once the changes settle.
 * - Never on a phone (it keeps the view its person chose), nor while the page follows
 *   someone: it shows what they show.
 */
export function useMapFraming(options: {
  fit: FitViewOptions
  projector: boolean
  phone: boolean
  nodes: readonly CardNode[]
}): MapFraming {
  const { fit, projector, phone, nodes } = options
  const flow = useReactFlow()
  const width = useStore(widthSelector)
  const height = useStore(heightSelector)
  const following = useFollowState(followingSelector)
  const drawn = useNodesInitialized()
  /** The view the last framing left, and whether one is under way. */
  const framed = useRef<Viewport | null>(null)
  const framing = useRef(0)

  const frame = useCallback(
    async (duration: number) => {
      const n = ++framing.current
      await flow.fitView({ ...fit, duration })
      if (n === framing.current) {
        framed.current = flow.getViewport()
        framing.current = 0
      }
    },
    [flow, fit],
  )
  const stillFramed = () =>
    framing.current !== 0 || (!!framed.current && sameView(flow.getViewport(), framed.current))

  // the framing React Flow gave it as it opened: the one to keep (not over the view of someone
  // this page follows)
  const opened = useRef(false)
  useEffect(() => {
    if (!drawn || opened.current) return
    opened.current = true
    if (!framed.current && !following) void frame(0)
  }, [drawn, frame, following])
  // following someone moves the view: it is no longer the framed one
  useEffect(() => {
    if (following) framed.current = null
  }, [following])

  const key = projector ? placesKey(nodes) : ''
  const size = `${width}x${height}`
  const seen = useRef({ key, size, window: windowSize() })
  useEffect(() => {
    const resized = seen.current.size !== size && seen.current.window !== windowSize()
    seen.current = { key, size, window: windowSize() }
    if (phone || following || !width || !height || !opened.current) return
    if (projector) {
      const timer = setTimeout(() => void frame(GLIDE_MS), SETTLE_MS)
      return () => clearTimeout(timer)
    }
    if (resized && stillFramed()) void frame(0)
    return undefined
    // stillFramed reads refs: the effect runs on what changes the canvas
  }, [key, size, phone, following, projector, frame])

  return {
    onFitView: () => void frame(0),
  }
}
