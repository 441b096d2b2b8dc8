import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react'
import { treeLayers, type ScreenLayout } from '../kit/autoLayout.ts'
import type { CardNode, LinkEdge } from '../store/projection.ts'
import { heldLayers, placeCards, type ComputedLayers } from './heldLayers.ts'
import { spotlightLayers } from './spotlight.ts'
import { browserMetrics } from './cardWidth.ts'
import { createArrangement } from './arrangement.ts'
import { useCoveredEdge } from './coveredEdge.ts'
import { throttle } from '../lib/throttle.ts'

/** A projector card's text size and line height (CSS px), as `projector.css` draws them. */
const PROJECTOR_FONT_PX = 24
const LINE_HEIGHT = 1.22 * PROJECTOR_FONT_PX
/** Room left around the tree on the screen (CSS px). */
const MARGIN_PX = 12
/** The glide of the camera and of the cards to a new arrangement. */
export const GLIDE_MS = 600
/** A whole tree at most this large; a spotlight a little larger. */
const MAX_ZOOM = 1.4
const SPOTLIGHT_MAX_ZOOM = 1.8

const GAPS = { gapX: 22, gapWrap: 24, gapLayer: 54 }
/** While cards keep arriving, the tree's layers are computed again at most this often. */
export const LAYERS_BATCH_MS = 250

const widthSelector = (s: ReactFlowState) => s.width
const domNodeSelector = (s: ReactFlowState) => s.domNode
/** Room kept between the tree and a panel covering the screen's right side. */
const COVER_GAP_PX = 16
const heightSelector = (s: ReactFlowState) => s.height

const isCore = (n: CardNode) => n.data.role === 'core'

export interface ScreenNodes<N> {
  nodes: N[]
  /** The cards' width on the projector (CSS px), for `--projector-card-w`. */
  cardWidth: number | null
}

/**
 * The projector's own arrangement of a tree, made for the big screen and never written to the
 * board: layers that wrap so the tree fills the screen's height as well as its width (see
 * {@link layoutForScreen}), each card at its measured size; with a spotlight, only that card
 * with its causes and effects (or that branch), laid out the same way and shown large. The
 * camera glides to each new arrangement. Off (`active` false) it returns `nodes` unchanged.
 */
export function useScreenLayout<N extends CardNode>(
  nodes: N[],
  edges: LinkEdge[],
  active: boolean,
  spotlight: string | null,
): ScreenNodes<N> {
  const flow = useReactFlow()
  const fullWidth = useStore(widthSelector)
  const screenHeight = useStore(heightSelector)
  const domNode = useStore(domNodeSelector)
  const coveredFrom = useCoveredEdge()
  // A panel over the screen's right side (the vote ranking): the tree goes in what is left of
  // it, unless that would be less than half the screen.
  const screenWidth = useMemo(() => {
    if (!active || coveredFrom === null || !domNode || !fullWidth) return fullWidth
    const box = domNode.getBoundingClientRect()
    const covered = Math.max(0, box.right - coveredFrom + COVER_GAP_PX)
    return covered > 0 && covered <= fullWidth / 2 ? fullWidth - covered : fullWidth
  }, [active, coveredFrom, domNode, fullWidth])

  // The layers depend on the tree's shape, and on the cards' order left to right on the board:
  // a card's causes (and effects) keep on the screen the order the room gave them, so «the
  // one on the right» is the same card on the laptops and on the wall. Not on texts, nor on
  // positions but for that order.
  const shape = useMemo(
    () =>
      active
        ? [...nodes]
            .sort((a, b) => a.position.x - b.position.x || (a.id < b.id ? -1 : 1))
            .map((n) => n.id)
            .join('|') +
          '#' +
          edges.map((e) => `${e.source}>${e.target}`).join('|')
        : '',
    [active, nodes, edges],
  )
  // A new shape is laid out at once, but while cards keep arriving (a room of participants
  // adding several a second) at most once per LAYERS_BATCH_MS, with the cards that arrived
  // meanwhile: each new layering is a dagre run, a new card width, a new arrangement and a glide
  // of camera and cards, and a layering per card kept the projector's main thread busy. A card
  // removed goes at once (heldLayers drops it); one added waits at most that long to be shown.
  const [laidShape, setLaidShape] = useState('')
  const layOut = useMemo(() => throttle(setLaidShape, LAYERS_BATCH_MS), [])
  useEffect(() => {
    layOut(shape)
  }, [layOut, shape])
  useEffect(() => () => layOut.cancel(), [layOut])
  const [computed, setComputed] = useState<ComputedLayers | null>(null)
  useEffect(() => {
    const shape = laidShape
    if (!shape) return
    let live = true
    const [ids, links] = shape.split('#') as [string, string]
    void treeLayers(
      ids ? ids.split('|') : [],
      links
        ? links.split('|').map((l) => {
            const [source, target] = l.split('>') as [string, string]
            return { source, target }
          })
        : [],
    ).then((l) => {
      if (live) setComputed({ shape, layers: l })
    })
    return () => {
      live = false
    }
  }, [laidShape])

  // the current shape's layers, or while they are computed the last ones (see heldLayers)
  const layers = useMemo(
    () => (shape ? heldLayers(computed, shape.split('#')[0]!.split('|')) : null),
    [computed, shape],
  )
  const ready = active && !!layers && !!screenWidth && !!screenHeight
  const screen = useMemo(
    () => ({ width: screenWidth - 2 * MARGIN_PX, height: screenHeight - 2 * MARGIN_PX }),
    [screenWidth, screenHeight],
  )
  // The cards' width follows their texts and the screen, never their measured size; the
  // arrangement is computed again only when what it depends on changed (see createArrangement).
  const arrange = useMemo(createArrangement, [])
  // the card font's widths (read once: the page's font does not change)
  const metrics = useMemo(() => browserMetrics(PROJECTOR_FONT_PX, LINE_HEIGHT), [])
  const focus = useMemo(
    () =>
      ready && spotlight
        ? spotlightLayers(
            spotlight,
            nodes.map((n) => ({ id: n.id, cluster: n.data.cluster })),
            edges,
            layers,
          )
        : null,
    [ready, spotlight, nodes, edges, layers],
  )
  const layout =
    ready && layers
      ? arrange({
          layers,
          cards: nodes.map((n) => ({
            id: n.id,
            label: String(n.data.label),
            bold: isCore(n),
            measured: n.measured,
          })),
          focus,
          options: { screen, ...GAPS },
          metrics,
        })
      : null
  const cardWidth = layout?.cardWidth ?? null

  // The camera: the arrangement in the middle of the screen, as large as it fits.
  const view = layout ? cameraFor(layout.shown, screenWidth, screenHeight, !!layout.focus) : null
  const viewKey = view ? `${view.x.toFixed(1)}:${view.y.toFixed(1)}:${view.zoom.toFixed(4)}` : ''
  const moved = useRef(false)
  useEffect(() => {
    if (!view) return
    // the first view is set at once; later ones glide
    void flow.setViewport(view, moved.current ? { duration: GLIDE_MS } : undefined)
    moved.current = true
    // keyed by the view's value: a new object with the same numbers moves nothing
  }, [viewKey, flow])

  const placed = useMemo(
    () =>
      !active
        ? nodes
        : placeCards(
            nodes,
            layout && {
              whole: layout.whole.positions,
              shown: layout.shown.positions,
              focus: layout.focus,
            },
          ),
    [active, layout, nodes],
  )
  return { nodes: placed, cardWidth: active ? cardWidth : null }
}

function cameraFor(
  layout: ScreenLayout,
  screenWidth: number,
  screenHeight: number,
  spotlight: boolean,
) {
  // nothing to frame yet (an empty board, a screen not measured): no camera, rather than a
  // viewport of NaN
  if (!(layout.width > 0 && layout.height > 0 && screenWidth > 0 && screenHeight > 0)) return null
  const zoom = Math.min(
    (screenWidth - 2 * MARGIN_PX) / layout.width,
    (screenHeight - 2 * MARGIN_PX) / layout.height,
    spotlight ? SPOTLIGHT_MAX_ZOOM : MAX_ZOOM,
  )
  if (!Number.isFinite(zoom) || zoom <= 0) return null
  return {
    x: (screenWidth - layout.width * zoom) / 2,
    y: (screenHeight - layout.height * zoom) / 2,
    zoom,
  }
}

/**
 * The style that gives the projector's cards the chosen width, and shows them: until the tree
 * has its arrangement the projector's cards stay invisible (projector.css), whatever React Flow
 * was first handed (the board's places, where the projector's wider cards overlap).
 */
export function cardWidthStyle(width: number | null): CSSProperties | undefined {
  return width
    ? ({ '--projector-card-w': `${width}px`, '--projector-cards': 'visible' } as CSSProperties)
    : undefined
}
