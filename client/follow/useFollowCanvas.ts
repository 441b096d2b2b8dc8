import { useCallback, useEffect, useMemo, useRef } from 'react'
import {
  useOnViewportChange,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react'
import type { CanvasName } from '../../shared/schema/index.ts'
import { isViewer, type BoardState } from '../store/boardStore.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { throttle } from '../lib/throttle.ts'
import { onPhone } from '../kit/phone.ts'
import { PHONE_READING_ZOOM } from '../kit/useTreeFraming.ts'
import { useFollowStore, useLeader } from './useFollow.ts'
import { footOver, useFootClear } from '../room/footClear.ts'

/** How often the part of the canvas in view travels to those who follow (≤ 10 a second). */
const SIGHT_MS = 100
const GLIDE_MS = 300

const sizeSelector = (s: ReactFlowState) => ({ width: s.width, height: s.height })
const domSelector = (s: ReactFlowState) => s.domNode

/**
 * Following on a canvas. Everyone's page says which part of the canvas it shows (presence
 * `sight.rect`, in the canvas's coordinates, so screens of any size can show the same part);
 * a page that follows someone shows the part they show (a phone, its middle at a size one
 * reads), until its person pans, zooms or selects on their own — then it stops, and keeps the
 * way back. `view`: the view inside the phase this canvas belongs to, when the phase draws the
 * same canvas in several views.
 */
export function useFollowCanvas(canvas: CanvasName, view?: string): void {
  const { provider } = useBoardSession()
  const viewer = useBoard(isViewer)
  const flow = useReactFlow()
  const size = useStore(sizeSelector, (a, b) => a.width === b.width && a.height === b.height)
  const dom = useStore(domSelector)
  const follow = useFollowStore()
  const leader = useLeader()

  // what this page shows, for those who follow it (the projector arranges its own trees)
  const publish = useMemo(
    () =>
      throttle((v: Viewport, width: number, height: number) => {
        const awareness = provider.awareness
        const sight = (awareness.getLocalState()?.sight ?? {}) as Record<string, unknown>
        awareness.setLocalStateField('sight', {
          ...sight,
          canvas,
          rect: { x: -v.x / v.zoom, y: -v.y / v.zoom, w: width / v.zoom, h: height / v.zoom },
        })
      }, SIGHT_MS),
    [provider, canvas],
  )
  useEffect(() => {
    if (!viewer && size.width && size.height) publish(flow.getViewport(), size.width, size.height)
  }, [viewer, size, publish, flow])
  useEffect(() => () => publish.cancel(), [publish])
  // One function while nothing it reads changes: React Flow stores it with a store update, which
  // a new function at every render (every frame of a drag) would repeat for all its listeners.
  const onViewportChange = useCallback(
    (v: Viewport) => {
      if (!viewer && size.width && size.height) publish(v, size.width, size.height)
    },
    [viewer, size, publish],
  )
  useOnViewportChange({ onChange: onViewportChange })

  // show what the leader shows
  // (a canvas drawn by two views, like the actors' grid and map, only follows the same view)
  const rect =
    leader?.sight?.canvas === canvas && (view === undefined || leader.sight.view === view)
      ? leader.sight.rect
      : null
  const rectKey = rect ? `${rect.x}:${rect.y}:${rect.w}:${rect.h}` : ''
  const rectRef = useRef(rect)
  rectRef.current = rect
  // the strip at the canvas's foot under the bar saying whom one follows (and the room's
  // banners): what the leader shows goes above it (the leader's lowest cards went under it)
  const foot = useFootClear()
  useEffect(() => {
    const rect = rectRef.current
    if (!rect || !size.width || !size.height) return
    const height = Math.max(size.height - footOver(dom, foot), size.height / 2)
    // A screen shows all the leader shows; a phone the middle of it, at the zoom it reads a tree
    // at (the rest around it as far as it goes): a laptop's view whole was a zoom of 0.13–0.27
    // there, its cards specks.
    const whole = Math.min(size.width / rect.w, height / rect.h)
    const zoom = onPhone() ? Math.max(whole, PHONE_READING_ZOOM) : whole
    void flow.setViewport(
      {
        x: size.width / 2 - (rect.x + rect.w / 2) * zoom,
        y: height / 2 - (rect.y + rect.h / 2) * zoom,
        zoom,
      },
      { duration: GLIDE_MS },
    )
    // keyed by the rectangle's value, not by a new object with the same numbers
  }, [rectKey, size.width, size.height, foot, dom, flow])

  // moving on one's own (wheel, drag, a click on a card or the canvas, keys) stops following
  const leaderRef = useRef(leader)
  leaderRef.current = leader
  useEffect(() => {
    if (!dom) return
    const onOwn = () => {
      const { following } = follow.getState()
      if (following === null) return
      const name = leaderRef.current?.user.name ?? ''
      follow.stop({ clientId: following, name })
    }
    // captured on the way down: React Flow's zoom handling stops these from bubbling
    const events = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const
    for (const e of events) dom.addEventListener(e, onOwn, { capture: true, passive: true })
    return () => {
      for (const e of events) dom.removeEventListener(e, onOwn, { capture: true })
    }
  }, [dom, follow])
}
