import { useCallback } from 'react'
import { useStore, type InternalNode, type ReactFlowState } from '@xyflow/react'
import {
  relationBend,
  routePath,
  routerFor,
  type Point,
  type RelationRouter,
  type Rect,
} from '../../shared/stakeholders/route.ts'

/** How far from a route's middle a card may lie under its name (the longest names, halved). */
const LABEL_REACH = 200

/** A card's rectangle in flow units. */
export function rectOf(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute
  return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 }
}

export interface DrawnRoute {
  path: string
  mid: Point
  normal: Point
  /** The other cards near the route's middle, which its name must not cover. */
  near: Rect[]
  /** What the drawing depends on: the same key, the same drawing. */
  key: string
}

export interface RouteAsk {
  source: string
  target: string
  /** Among several relations between the same two actors: this one's lane, the lanes, its side. */
  lane: number
  lanes: number
  reversed: boolean
  directed: boolean
}

interface MapCards {
  cards: Rect[]
  at: Map<string, number>
  dragging: boolean
  router: RelationRouter
}

/**
 * The map's cards once per change of them, for all its relations (React Flow gives a new array
 * of nodes at each change; its lookup is the same Map, changed in place).
 */
const cardsOf = new WeakMap<readonly unknown[], MapCards>()

function mapCards(s: ReactFlowState): MapCards {
  let map = cardsOf.get(s.nodes)
  if (map) return map
  const cards: Rect[] = []
  const at = new Map<string, number>()
  let dragging = false
  for (const n of s.nodeLookup.values()) {
    if (n.hidden) continue
    dragging ||= !!n.dragging
    at.set(n.id, cards.length)
    cards.push(rectOf(n))
  }
  map = { cards, at, dragging, router: routerFor(cards) }
  cardsOf.set(s.nodes, map)
  return map
}

function drawnRoute(s: ReactFlowState, ask: RouteAsk): DrawnRoute | null {
  const { cards, at, dragging, router } = mapCards(s)
  const fromAt = at.get(ask.source) ?? -1
  const toAt = at.get(ask.target) ?? -1
  if (fromAt < 0 || toAt < 0) return null
  const from = cards[fromAt]!
  const to = cards[toAt]!
  const bend = relationBend(from, to, ask)
  // one router for the map's relations while its cards keep their places; curves alone while
  // a card is dragged (every frame moves what the turns go around), the turns where it lands
  const route = router.route(fromAt, toAt, {
    bend,
    startGap: 6,
    endGap: ask.directed ? 14 : 6,
    quick: dragging,
  })
  const { mid, normal } = route
  const near = cards.filter(
    (r, i) =>
      i !== fromAt &&
      i !== toAt &&
      Math.abs(r.x + r.width / 2 - mid.x) < r.width / 2 + LABEL_REACH &&
      Math.abs(r.y + r.height / 2 - mid.y) < r.height / 2 + LABEL_REACH,
  )
  const path = routePath(route)
  const key = `${path}|${near.map((r) => `${Math.round(r.x)},${Math.round(r.y)}`).join(';')}`
  return { path, mid, normal, near, key }
}

/**
 * A relation's route around the other cards (shared/stakeholders/route.ts, as the picture's),
 * drawn anew only when it changes: a card dragged elsewhere on the map leaves the relations it
 * does not move alone.
 */
export function useRelationRoute(ask: RouteAsk): DrawnRoute | null {
  const { source, target, lane, lanes, reversed, directed } = ask
  const selector = useCallback(
    (s: ReactFlowState) => drawnRoute(s, { source, target, lane, lanes, reversed, directed }),
    [source, target, lane, lanes, reversed, directed],
  )
  return useStore(selector, (a, b) => a?.key === b?.key)
}
