/**
 * Where a relation runs on the relationship map, on the page (RelationEdge) and in the exported
 * picture alike: from one card's border to the other's, around the cards in between. A straight
 * line from Comune to Caritas across Regione, two cards along the row, passed under Regione's
 * card and came out of it: the room read it as Comune–Regione.
 *
 * A curve keeps the bend it was asked for (the page's slight curve, a lane among several
 * relations between the same two actors) when that clears every other card; else the nearest
 * bend, on either side by turns, that clears them; else straight legs turning beside the cards'
 * corners (a card far across the map, others in every row between); else, when nothing clears
 * (a card hemmed in on all sides), the curve that crosses the fewest, drawn under the cards. A
 * route keeps within the cards' extent, which the map's framing shows. Deterministic (the same
 * cards give the same routes) and cheap: 100 relations among 60 actors in a few tens of ms.
 */

import {
  SAMPLES,
  borderToward,
  boundsOf,
  centre,
  curvePoints,
  dist,
  grow,
  hits,
  quad,
  towards,
  type Point,
  type Rect,
} from './routeGeometry.ts'

export { borderToward, boundsOf, segmentHitsRect, type Point, type Rect } from './routeGeometry.ts'

export interface Turn {
  w: Point
  p1: Point
  p2: Point
}

export interface RelationRoute {
  /** Start (on the source card's border) and end (on the target's border). */
  s: Point
  e: Point
  /**
   * The way between: a curve bent by its control point `c`, or (when no bend clears the cards:
   * a card far across the map, others in every row between) straight legs turning beside the
   * corners of cards in the way, each turn at `w` rounded from `p1` to `p2`.
   */
  shape: { kind: 'curve'; c: Point } | { kind: 'turns'; turns: Turn[] }
  /** The route's middle: where its glyph or name goes. */
  mid: Point
  /** The bend of a curve (flow units along {@link RelationRoute.normal}, the page's convention). */
  bend: number
  /** The unit normal of the line between the two cards, towards the side the route bends to. */
  normal: Point
  /**
   * Other cards the route still crosses, one more if it leaves the map's extent: 0 unless nothing
   * tried clears them all.
   */
  crossings: number
}

/** How far apart the bends tried are, and how many on each side. */
const STEP = 24
const STEPS = 8
/** Room kept between a route and a card it does not join. */
export const ROUTE_CLEARANCE = 8
/** How far from a card's corner a route turns around it, and the turn's rounding. */
const CORNER_ROOM = 20
const CORNER_RADIUS = 28
/**
 * How far outside the cards a route may run: the map is framed on its cards, and a curve above
 * the top row ran off the projector's screen.
 */
const ROUTE_MARGIN = 28

/** The route as straight pieces (`samples` per curved part): to check it, bound it, draw it. */
export function routePoints(r: RelationRoute, samples = SAMPLES): Point[] {
  if (r.shape.kind === 'curve') return curvePoints(r.s, r.shape.c, r.e, samples)
  return [r.s, ...r.shape.turns.flatMap((t) => curvePoints(t.p1, t.w, t.p2, samples)), r.e]
}

/** The route as an SVG path (`fmt`: how its numbers are written). */
export function routePath(r: RelationRoute, fmt: (n: number) => string = String): string {
  const p = (q: Point) => `${fmt(q.x)},${fmt(q.y)}`
  if (r.shape.kind === 'curve') return `M${p(r.s)} Q${p(r.shape.c)} ${p(r.e)}`
  const turns = r.shape.turns.map((t) => `L${p(t.p1)} Q${p(t.w)} ${p(t.p2)}`)
  return `M${p(r.s)} ${turns.join(' ')} L${p(r.e)}`
}

export interface RouteOptions {
  /** The bend wanted when nothing is in the way. */
  bend?: number
  /** Room between each end and its card (an arrowhead's). */
  startGap?: number
  endGap?: number
  /**
   * Curves only, no turns: while a card is dragged, when every frame moves the cards the turns
   * go around (a new corners' graph each frame made a drag among 60 actors stutter).
   */
  quick?: boolean
}

/** Between the lanes of several relations joining the same two actors. */
const LANE_GAP = 64

/**
 * The bend the map asks a relation's route for, on the page and in the picture alike: alone
 * between its two actors a slight curve (A→B and B→A bend to either side, never on one line);
 * one of several (`lane`, shared/stakeholders/layout.ts), its own lane, on both sides of the
 * straight line, the same sides whatever the direction.
 */
export function relationBend(
  from: Rect,
  to: Rect,
  lane?: { lane: number; lanes: number; reversed: boolean },
): number {
  if (lane && lane.lanes > 1)
    return (lane.lane - (lane.lanes - 1) / 2) * LANE_GAP * (lane.reversed ? -1 : 1)
  const len = dist(borderToward(from, centre(to), 6), borderToward(to, centre(from), 6))
  return Math.min(40, len / 6)
}

/** What it costs a route to turn once more, in flow units of length: fewer turns read better. */
const TURN_COST = 60

/**
 * Routes the relations of one map. A relation from card `from` to card `to` (indices in `cards`)
 * keeps clear of every other card:
 * - a curve first: the bend wanted, then ±STEP, ±2·STEP… from it, the side it bends to first;
 * - when none clears them, the shortest way of straight legs turning beside the cards' corners
 *   (a graph of the corners that see each other, made once per map, when first needed);
 * - else (a card hemmed in) the curve that crosses the fewest.
 */
export class RelationRouter {
  private readonly grown: Rect[]
  /** The cards' extent with a margin: a route keeps inside, where the map's framing shows it. */
  private readonly within: Rect
  private turns: Point[] | null = null
  private sees: number[][] | null = null
  /** The routes made, by what was asked: a page asks again at each pan of the view. */
  private readonly made = new Map<string, RelationRoute>()

  constructor(private readonly cards: readonly Rect[]) {
    this.grown = cards.map((r) => grow(r, ROUTE_CLEARANCE))
    this.within = grow(boundsOf(cards) ?? { x: 0, y: 0, width: 0, height: 0 }, ROUTE_MARGIN)
  }

  /** Cards crossed, and one more when the route leaves the map's extent. */
  private cost(points: readonly Point[], cards: readonly Rect[]): number {
    const w = this.within
    const out = points.some(
      (p) => p.x < w.x || p.y < w.y || p.x > w.x + w.width || p.y > w.y + w.height,
    )
    return hits(points, cards) + (out ? 1 : 0)
  }

  route(
    from: number,
    to: number,
    { bend = 0, startGap = 0, endGap = 0, quick = false }: RouteOptions = {},
  ): RelationRoute {
    const ask = `${from} ${to} ${bend} ${startGap} ${endGap} ${quick}`
    let route = this.made.get(ask)
    if (!route) {
      route = this.make(from, to, bend, startGap, endGap, quick)
      this.made.set(ask, route)
    }
    return route
  }

  private make(
    from: number,
    to: number,
    bend: number,
    startGap: number,
    endGap: number,
    quick: boolean,
  ): RelationRoute {
    const A = this.cards[from]!
    const B = this.cards[to]!
    const a = centre(A)
    const b = centre(B)
    const s0 = borderToward(A, b)
    const e0 = borderToward(B, a)
    const len = dist(s0, e0) || 1
    const normal = { x: (e0.y - s0.y) / len, y: -(e0.x - s0.x) / len }
    const m = { x: (s0.x + e0.x) / 2, y: (s0.y + e0.y) / 2 }
    const others = this.grown.filter((_, k) => k !== from && k !== to)
    const curve = (k: number): RelationRoute => {
      const c = { x: m.x + normal.x * k, y: m.y + normal.y * k }
      // each end leaves its card towards the control point: a bent curve never runs back over it
      const s = borderToward(A, c, startGap)
      const e = borderToward(B, c, endGap)
      const side = k < 0 ? -1 : 1
      return {
        s,
        e,
        shape: { kind: 'curve', c },
        mid: quad(s, c, e, 0.5),
        bend: k,
        normal: { x: normal.x * side, y: normal.y * side },
        crossings: 0,
      }
    }
    let best: RelationRoute | null = null
    for (let i = 0; i <= 2 * STEPS; i++) {
      const step = Math.ceil(i / 2) * STEP * ((i % 2 === 1) === bend >= 0 ? 1 : -1)
      const route = curve(bend + step)
      route.crossings = this.cost(routePoints(route), others)
      if (route.crossings === 0) return route
      if (!best || route.crossings < best.crossings) best = route
    }
    if (quick) return best!
    const turned = this.turning(from, to, startGap, endGap)
    if (turned) {
      turned.crossings = this.cost(routePoints(turned, 6), others)
      if (turned.crossings < best!.crossings) return turned
    }
    return best!
  }

  /** The corners' graph: where a route may turn, and which of them see each other. */
  private graph(): { turns: Point[]; sees: number[][] } {
    if (this.turns && this.sees) return { turns: this.turns, sees: this.sees }
    const inside = (p: Point) =>
      this.grown.some((r) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height)
    const turns: Point[] = []
    for (const r of this.cards) {
      const g = grow(r, CORNER_ROOM)
      for (const p of [
        { x: g.x, y: g.y },
        { x: g.x + g.width, y: g.y },
        { x: g.x, y: g.y + g.height },
        { x: g.x + g.width, y: g.y + g.height },
      ])
        if (!inside(p)) turns.push(p)
    }
    const sees: number[][] = turns.map(() => [])
    for (let u = 0; u < turns.length; u++)
      for (let v = u + 1; v < turns.length; v++)
        if (!hits([turns[u]!, turns[v]!], this.grown)) {
          sees[u]!.push(v)
          sees[v]!.push(u)
        }
    this.turns = turns
    this.sees = sees
    return { turns, sees }
  }

  /** The shortest way from card to card through the corners' graph (Dijkstra), or null. */
  private turning(from: number, to: number, startGap: number, endGap: number) {
    const { turns, sees } = this.graph()
    const A = this.cards[from]!
    const B = this.cards[to]!
    // a first leg may cross no card but its own, a last one none but the target
    const notFrom = this.grown.filter((_, k) => k !== from)
    const notTo = this.grown.filter((_, k) => k !== to)
    const n = turns.length
    const cost = new Array<number>(n).fill(Infinity)
    const prev = new Array<number>(n).fill(-1)
    const done = new Array<boolean>(n).fill(false)
    turns.forEach((w, i) => {
      if (!hits([borderToward(A, w), w], notFrom)) cost[i] = dist(centre(A), w) + TURN_COST
    })
    const last = turns.map((w) => !hits([w, borderToward(B, w)], notTo))
    let bestEnd = -1
    let bestTotal = Infinity
    for (;;) {
      let u = -1
      for (let i = 0; i < n; i++) if (!done[i] && (u < 0 || cost[i]! < cost[u]!)) u = i
      if (u < 0 || cost[u] === Infinity || cost[u]! >= bestTotal) break
      done[u] = true
      if (last[u]) {
        const total = cost[u]! + dist(turns[u]!, centre(B))
        if (total < bestTotal) {
          bestTotal = total
          bestEnd = u
        }
      }
      for (const v of sees[u]!) {
        const c = cost[u]! + dist(turns[u]!, turns[v]!) + TURN_COST
        if (c < cost[v]!) {
          cost[v] = c
          prev[v] = u
        }
      }
    }
    if (bestEnd < 0) return null
    const path: Point[] = []
    for (let u = bestEnd; u >= 0; u = prev[u]!) path.unshift(turns[u]!)
    const s = borderToward(A, path[0]!, startGap)
    const e = borderToward(B, path[path.length - 1]!, endGap)
    const through = [s, ...path, e]
    const rounded: Turn[] = path.map((w, k) => {
      const before = through[k]!
      const after = through[k + 2]!
      const r = Math.min(CORNER_RADIUS, dist(before, w) / 2, dist(w, after) / 2)
      return { w, p1: towards(w, before, r), p2: towards(w, after, r) }
    })
    // the middle: half the way along the legs; the normal, that of the leg it lies on
    const legs = through.slice(1).map((p, k) => dist(through[k]!, p))
    let left = legs.reduce((x, y) => x + y, 0) / 2
    let k = 0
    while (k < legs.length - 1 && left > legs[k]!) left -= legs[k++]!
    const p = through[k]!
    const q = through[k + 1]!
    const l = dist(p, q) || 1
    const route: RelationRoute = {
      s,
      e,
      shape: { kind: 'turns', turns: rounded },
      mid: towards(p, q, left),
      bend: 0,
      normal: { x: (q.y - p.y) / l, y: -(q.x - p.x) / l },
      crossings: 0,
    }
    return route
  }
}

/**
 * One relation's route among `others` (every other card on the map); for many relations of one
 * map, {@link RelationRouter} builds its corners' graph once.
 */
export function relationRoute(
  from: Rect,
  to: Rect,
  others: readonly Rect[],
  options: RouteOptions = {},
): RelationRoute {
  return new RelationRouter([from, to, ...others]).route(0, 1, options)
}

let lastRouter: { key: string; router: RelationRouter } | null = null

/**
 * The router of a map whose cards are `cards`, the same one as long as they keep their places
 * and sizes: each relation of the page asks for it, the first builds it.
 */
export function routerFor(cards: readonly Rect[]): RelationRouter {
  const key = cards.map((r) => `${r.x},${r.y},${r.width},${r.height}`).join(';')
  if (lastRouter?.key !== key) lastRouter = { key, router: new RelationRouter(cards) }
  return lastRouter.router
}
