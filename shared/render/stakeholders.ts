import {
  ACTOR_CATEGORIES,
  RELATION_KINDS,
  STANCES,
  type RelationKind,
} from '../schema/vocabulary.ts'
import {
  GRID,
  GRID_CARD,
  QUADRANTS,
  gridPosition,
  quadrantRect,
  spreadGridCards,
  type Quadrant,
  trayLayout,
  type TrayLayout,
} from '../stakeholders/grid.ts'
import { readActor } from '../stakeholders/actors.ts'
import { CATEGORY_LOOK, RELATION_LOOK, STANCE_LOOK } from '../stakeholders/look.ts'
import { MAP_CARD, relationLanes, type Lane } from '../stakeholders/layout.ts'
import { laneLabelAt } from '../stakeholders/routeGeometry.ts'
import type { LegendItem } from './frame.ts'
import type { ImageLabels } from './labels.ts'
import { drawCard, numberOr, str, type DrawnCard, type RenderSource } from './model.ts'
import {
  RelationRouter,
  boundsOf,
  relationBend,
  routePath,
  routePoints,
} from '../stakeholders/route.ts'
import { num, rect, textBlock, type Box } from './svg.ts'
import type { DrawnCanvas } from './trees.ts'

/** The quadrants' colours of GridBackdrop.tsx (the categories' and relations' looks are
 * shared/stakeholders/look.ts's, the page's too). */
const QUADRANT_LOOK: Record<Quadrant, { tint: string; ink: string }> = {
  'manage-closely': { tint: '#fbe3df', ink: '#9c2a1f' },
  'keep-satisfied': { tint: '#fdf1d8', ink: '#7a5200' },
  'keep-informed': { tint: '#e3eefa', ink: '#2a5590' },
  monitor: { tint: '#eeede8', ink: '#5b6472' },
}

function relationOf(v: unknown): RelationKind {
  return (RELATION_KINDS as readonly unknown[]).includes(v) ? (v as RelationKind) : 'cooperation'
}

/** An actor's card, as wide as on the page: the grid's (GRID_CARD) unless told (the map's). */
function actorCard(
  node: Readonly<Record<string, unknown>>,
  x: number,
  y: number,
  labels: ImageLabels,
  width: number = GRID_CARD.width,
  /** The grid's: the stance the pact needs, when another (the page's alignment arrows). */
  alignment = width === GRID_CARD.width,
): DrawnCard {
  // as the page reads it: what is missing or out of vocabulary gets the page's default
  const actor = readActor(str(node.id), node)
  const look = CATEGORY_LOOK[actor.category]
  const stance = STANCE_LOOK[actor.stance]
  const desired = actor.desiredStance
  const toward = alignment && desired !== actor.stance ? STANCE_LOOK[desired] : null
  return drawCard(actor.id, x, y, {
    width,
    fill: look.tint,
    stroke: look.ink,
    strokeWidth: 2,
    head: labels.categories[actor.category],
    headColor: look.ink,
    label: actor.label,
    emptyLabel: labels.emptyCard,
    weight: 'bold',
    // the stance chip the page's card shows under the name: glyph and word (the sign alone
    // before an arrow to the stance the pact needs, as the page's compact badge)
    foot: {
      text: toward ? stance.glyph : `${stance.glyph} ${labels.stances[actor.stance]}`,
      color: stance.color,
    },
    ...(toward
      ? { footTo: { text: `${toward.glyph} ${labels.stances[desired]}`, color: toward.color } }
      : {}),
  })
}

/** The categories' colours, then the stances' chips, as the page's legend shows both. */
function categoryLegend(labels: ImageLabels): LegendItem[] {
  return [
    ...ACTOR_CATEGORIES.map((c) => ({
      kind: 'box' as const,
      fill: CATEGORY_LOOK[c].tint,
      stroke: CATEGORY_LOOK[c].ink,
      label: labels.categories[c],
    })),
    ...STANCES.map((s) => ({
      kind: 'chip' as const,
      fill: '#ffffff',
      stroke: STANCE_LOOK[s].color,
      glyph: STANCE_LOOK[s].glyph,
      label: labels.stances[s],
    })),
  ]
}

/**
 * A quadrant's strategy and its hint, as large as the page's (canvases.css: 30 and 16 px), in the
 * band along its outer edge that no card covers (GRID.titleBand). At 18 px, without hints, the
 * strategies came out at 8 pt on an A4 print of the grid (1,230 px across 19 cm); now 13 pt.
 */
const QUADRANT_TEXT = { title: 30, titleLine: 36, hint: 16, gap: 2, padX: 22, padY: 16 }
const quadrantTextHeight =
  QUADRANT_TEXT.titleLine + QUADRANT_TEXT.gap + QUADRANT_TEXT.hint * 1.3 + QUADRANT_TEXT.padY

/** The four quadrants with their strategies, and the two axes, as GridBackdrop draws them. */
function gridBackdrop(labels: ImageLabels): string {
  const parts: string[] = []
  for (const q of QUADRANTS) {
    const r = quadrantRect(q)
    const right = r.x > 0
    const bottom = r.y > 0
    parts.push(rect(r, QUADRANT_LOOK[q].tint))
    const x = right ? r.x + r.width - QUADRANT_TEXT.padX : r.x + QUADRANT_TEXT.padX
    const anchor = right ? 'end' : 'start'
    // the title above its hint, at the top of the upper quadrants, the foot of the lower ones
    const y = bottom ? r.y + r.height - quadrantTextHeight : r.y + QUADRANT_TEXT.padY
    parts.push(
      textBlock(
        [labels.quadrants[q]],
        x,
        y,
        { size: QUADRANT_TEXT.title, weight: 'bold', fill: QUADRANT_LOOK[q].ink, anchor },
        QUADRANT_TEXT.titleLine,
      ),
      textBlock([labels.quadrantHints[q]], x, y + QUADRANT_TEXT.titleLine + QUADRANT_TEXT.gap, {
        size: QUADRANT_TEXT.hint,
        fill: '#4a4f57',
        anchor,
      }),
    )
  }
  parts.push(rect({ x: 0, y: 0, width: GRID.width, height: GRID.height }, 'none', '#8a8f98'))
  // 16 px, as the tray's title (the page's are 18)
  const axis = { size: 16, fill: '#4a4f57' }
  const below = GRID.height + 8
  parts.push(
    textBlock([labels.axes.low], 0, below, axis),
    textBlock([`${labels.axes.interest} →`], GRID.width / 2, below, {
      ...axis,
      weight: 'bold',
      anchor: 'middle',
    }),
    textBlock([labels.axes.high], GRID.width, below, { ...axis, anchor: 'end' }),
  )
  // the power axis reads upwards along the left edge
  parts.push(
    `<g transform="translate(-30 ${GRID.height}) rotate(-90)">`,
    textBlock([labels.axes.low], 0, 0, axis),
    textBlock([`${labels.axes.power} →`], GRID.height / 2, 0, {
      ...axis,
      weight: 'bold',
      anchor: 'middle',
    }),
    textBlock([labels.axes.high], GRID.height, 0, { ...axis, anchor: 'end' }),
    '</g>',
  )
  return parts.join('')
}

/** The tray where actors nobody has placed yet wait, as GridTray draws it. */
function trayBackdrop(tray: TrayLayout, count: number, labels: ImageLabels): string {
  return (
    rect(tray, '#faf9f5', '#b9b6ac', 'stroke-width="2" stroke-dasharray="8 6" rx="10"') +
    textBlock([`${labels.tray} (${count})`], tray.x + 16, tray.y + 14, {
      size: 16,
      weight: 'bold',
      fill: '#4a4f57',
    })
  )
}

export function drawGrid(board: RenderSource, labels: ImageLabels): DrawnCanvas {
  const all = board.canvases.stakeholders.nodes
  // an actor nobody has placed yet has no power and interest: it waits in the tray
  const actors = all.filter((a) => a.placed !== false)
  const waiting = all.filter((a) => a.placed === false)
  // a card's size comes from its text, known once drawn
  const boxes = actors.map((a) => actorCard(a, 0, 0, labels).box)
  const centres = actors.map((a, i) => ({
    id: str(a.id),
    height: boxes[i]!.height,
    ...gridPosition({ power: numberOr(a.power, 0.5), interest: numberOr(a.interest, 0.5) }),
  }))
  // the page spreads actors that share a spot or would cover each other; so does the picture,
  // with the same function
  const spread = spreadGridCards(centres)
  const cards = actors.map((a, i) => {
    const at = spread.get(str(a.id))!
    const { height, width } = boxes[i]!
    return actorCard(a, at.x - width / 2, at.y - height / 2, labels)
  })
  // the waiting actors in the tray's columns, as the page lays them out
  const sizes = waiting.map((a) => actorCard(a, 0, 0, labels).box)
  const tray = trayLayout(sizes.map((b) => b.height))
  waiting.forEach((a, i) => {
    const at = tray.slots[i]!
    const { height, width } = sizes[i]!
    cards.push(actorCard(a, at.x - width / 2, at.y - height / 2, labels))
  })
  const left = waiting.length ? tray.x - 10 : -50
  return {
    cards,
    under:
      (waiting.length ? trayBackdrop(tray, waiting.length, labels) : '') + gridBackdrop(labels),
    extent: { x: left, y: 0, width: GRID.width - left, height: GRID.height + 30 },
    legend: categoryLegend(labels),
  }
}

/** A relation's glyph: a disc of this radius at its label's place, its sign in white. */
const GLYPH_RADIUS = 9

/**
 * A relation as the page draws it: a curve around the other cards (shared/stakeholders/route.ts),
 * straight when nothing is in the way, with its glyph at its middle.
 */
function relationLine(
  router: RelationRouter,
  from: { index: number; box: Box },
  to: { index: number; box: Box },
  lane: Lane | undefined,
  kind: RelationKind,
): { svg: string; bounds: Box } {
  const look = RELATION_LOOK[kind]
  const route = router.route(from.index, to.index, {
    bend: relationBend(from.box, to.box, lane),
  })
  // the glyphs of relations between the same two actors apart along the line, as the page's
  // labels are (their routes may meet at the middle)
  const mid = laneLabelAt(route.mid, from.box, to.box, lane, {
    w: 2 * GLYPH_RADIUS,
    h: 2 * GLYPH_RADIUS,
  })
  // what the route covers, its glyph's disc and an arrowhead included: a route around a card
  // of the map's edge runs outside the cards, and the picture grows to hold it
  const points = [...routePoints(route), mid]
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const pad = 12
  const bounds = {
    x: Math.min(...xs) - pad,
    y: Math.min(...ys) - pad,
    width: Math.max(...xs) - Math.min(...xs) + 2 * pad,
    height: Math.max(...ys) - Math.min(...ys) + 2 * pad,
  }
  const dash = look.dash ? ` stroke-dasharray="${look.dash}"` : ''
  const marker = look.directed ? ` marker-end="url(#rel-${kind})"` : ''
  const svg =
    `<path data-relation="${kind}" d="${routePath(route, num)}" fill="none" stroke="${look.color}" stroke-width="${look.width}"${dash} stroke-linecap="round"${marker}/>` +
    `<circle cx="${num(mid.x)}" cy="${num(mid.y)}" r="${GLYPH_RADIUS}" fill="${look.color}"/>` +
    textBlock(
      [look.glyph],
      mid.x,
      mid.y - 7.5,
      { size: 11, weight: 'bold', fill: '#ffffff', anchor: 'middle' },
      14,
    )
  return { svg, bounds }
}

export function drawMap(board: RenderSource, labels: ImageLabels): DrawnCanvas {
  // the map's cards are narrower than the grid's: drawn wider, two the room set side by side
  // overlapped in the picture only
  const cards = board.canvases.stakeholders.nodes.map((a) =>
    actorCard(a, numberOr(a.x, 0), numberOr(a.y, 0), labels, MAP_CARD.width),
  )
  const at = new Map(cards.map((c, i) => [c.id, i]))
  // around every card but the two each joins (the cards are drawn over the lines, too)
  const router = new RelationRouter(cards.map((c) => c.box))
  const lines: string[] = []
  const reach: Box[] = []
  const edges = board.canvases.stakeholders.edges.map((e) => ({
    id: str(e.id),
    source: str(e.source),
    target: str(e.target),
    kind: relationOf(e.kind),
  }))
  // as the page bends them: A→B and B→A apart, several between two actors in lanes
  const lanes = relationLanes(edges)
  for (const edge of edges) {
    const from = at.get(edge.source)
    const to = at.get(edge.target)
    if (from === undefined || to === undefined) continue
    const line = relationLine(
      router,
      { index: from, box: cards[from]!.box },
      { index: to, box: cards[to]!.box },
      lanes.get(edge.id),
      edge.kind,
    )
    lines.push(line.svg)
    reach.push(line.bounds)
  }
  return {
    cards,
    under: lines.join(''),
    // the routes' reach: the page holds the cards too (composePage)
    extent: boundsOf(reach),
    legend: [
      ...categoryLegend(labels),
      // the information line's dots big enough to read in a short sample, as on the page; who
      // informs or funds whom with the map's arrowhead
      ...RELATION_KINDS.map((k) => {
        const look = RELATION_LOOK[k]
        return {
          kind: look.directed ? ('arrow' as const) : ('line' as const),
          fill: look.color,
          stroke: look.color,
          dash: look.sample?.dash ?? look.dash,
          width: look.sample?.width ?? look.width,
          label: labels.relations[k],
        }
      }),
    ],
  }
}
