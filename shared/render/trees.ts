import { PROBLEM_ROLES, type ProblemRole } from '../schema/vocabulary.ts'
import { asStatus, objectiveRoleOf } from '../method/objectiveCards.ts'
import type { ImageLabels } from './labels.ts'
import {
  CARD,
  drawCard,
  numberOr,
  str,
  type DrawnCard,
  type RenderRecord,
  type RenderSection,
  type RenderSource,
} from './model.ts'
import { num, type Box } from './svg.ts'
import type { LegendItem } from './frame.ts'

/** Colours of client/kit/canvas.css (problem roles) and client/objectives/objectives.css. */
export const ROLE_LOOK: Record<ProblemRole, { fill: string; stroke: string; ink: string }> = {
  core: { fill: '#fde8e6', stroke: '#b3261e', ink: '#b3261e' },
  cause: { fill: '#fff4dc', stroke: '#e2b552', ink: '#8a5a00' },
  effect: { fill: '#e6eefb', stroke: '#8aa8dc', ink: '#2f5fa8' },
}
export const STATUS_LOOK = {
  'to-reword': { fill: '#fff8e6', stroke: '#d99a1e', chip: '#f3d48c', chipInk: '#5c3b00' },
  reworded: { fill: '#e9f6ee', stroke: '#2e8b57', chip: '#2e8b57', chipInk: '#ffffff' },
  added: { fill: '#eef0fd', stroke: '#5b5fc7', chip: '#5b5fc7', chipInk: '#ffffff' },
  discarded: { fill: '#f1f1ef', stroke: '#9aa0a6', chip: '#8a8f98', chipInk: '#ffffff' },
} as const

const LINK = '#6b7079'

export interface DrawnCanvas {
  cards: DrawnCard[]
  /** Drawn under the cards (links, backdrops), in flow coordinates. */
  under: string
  /** Extra area the picture must cover besides the cards (the grid's backdrop). */
  extent?: Box
  legend: LegendItem[]
}

function roleOf(v: unknown): ProblemRole {
  return (PROBLEM_ROLES as readonly unknown[]).includes(v) ? (v as ProblemRole) : 'cause'
}

/**
 * A link as React Flow draws it: from the top of the source card (a cause, a means) to the
 * bottom of its target (the effect, the end) as a vertical-tangent Bézier, arrow at the target.
 */
export function treeLink(
  from: Box,
  to: Box,
  color: string,
  marker: string,
  dashed = false,
): string {
  const sx = from.x + from.width / 2
  const sy = from.y
  const tx = to.x + to.width / 2
  const ty = to.y + to.height
  const bend = Math.max(30, Math.abs(ty - sy) / 2)
  const d = `M${num(sx)},${num(sy)} C${num(sx)},${num(sy - bend)} ${num(tx)},${num(ty + bend)} ${num(tx)},${num(ty)}`
  const dash = dashed ? ' stroke-dasharray="6 5"' : ''
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dash} marker-end="url(#${marker})"/>`
}

function linksBetween(
  edges: RenderSource['canvases']['problems']['edges'],
  boxes: Map<string, Box>,
  draw: (from: Box, to: Box, edge: Readonly<Record<string, unknown>>) => string,
): string {
  const out: string[] = []
  for (const edge of edges) {
    const from = boxes.get(str(edge.source))
    const to = boxes.get(str(edge.target))
    if (from && to) out.push(draw(from, to, edge))
  }
  return out.join('')
}

/**
 * Room kept between a card and one it was pushed below: enough for the links of a whole row
 * to fan out into the card above (the board keeps about 140 px between layers).
 */
const PUSH_GAP = 72
/**
 * Cards whose tops are this close to the first one's make a row («Disponi» and the objective
 * generation put a layer's cards at one height; a hand-placed card is off by a few pixels).
 */
const ROW_SLACK = 24

/**
 * The first height from `y` down at which `box` covers none of `placed` and is at least
 * PUSH_GAP under each of `ends`, the cards its links go up to.
 */
function clearOf(placed: readonly Box[], box: Box, y: number, ends: readonly Box[]): number {
  // until it covers none of them (one pushed into may lead into another)
  for (let moved = true; moved;) {
    moved = false
    for (const above of placed) {
      const sideways = above.x < box.x + box.width && box.x < above.x + above.width
      if (sideways && above.y + above.height > y && above.y < y + box.height) {
        y = above.y + above.height + PUSH_GAP
        moved = true
      }
    }
    for (const end of ends)
      if (end.y + end.height + PUSH_GAP > y) {
        y = end.y + end.height + PUSH_GAP
        moved = true
      }
  }
  return y
}

/**
 * Where each card goes so that none covers the text of one below it: a card whose text grew
 * after the card under it was placed (a long problem written after its cause was added one
 * layer lower, a long objective over its means) reaches over it on the board. The page cuts
 * such a card at five lines until it is selected (canvas.css, objectives.css); a picture is
 * what the room takes home, so it keeps every word and moves the cards below down instead,
 * each at least PUSH_GAP under the cards above it that it covered. Rows are taken from the top
 * down, and a row goes down whole, as far as the card of it that has to go furthest, and every
 * row under it at least as far: the tree keeps its layers, so a link still goes up from a row
 * to the one above it. Had only the covered card moved, its neighbours in the row would stay
 * above the long card's bottom, and their links to it would go up, turn and come down into
 * it, across the cards beside it. For the same reason a card stays PUSH_GAP under the cards
 * its links go up to (`linkedUp`: a card's id, the ids of the effects or ends it leads to),
 * when the board has it below them (its top a card's least height under theirs), even where
 * it is not in their column. The rows above the first one moved keep their place.
 */
export function pushedClear<T extends { id: string; box: Box }>(
  cards: T[],
  linkedUp: ReadonlyMap<string, readonly string[]> = new Map(),
): Map<string, number> {
  const placed: Box[] = []
  const ys = new Map<string, number>()
  const boardBox = new Map(cards.map((c) => [c.id, c.box]))
  // the cards, already placed, that a card's links go up to on the board
  const endsOf = (id: string, box: Box) =>
    (linkedUp.get(id) ?? []).flatMap((end) => {
      const was = boardBox.get(end)
      const y = ys.get(end)
      return was && y !== undefined && was.y + CARD.minHeight <= box.y ? [{ ...was, y }] : []
    })
  const order = [...cards].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
  // how far the rows above went down: the rows below go at least as far
  let carried = 0
  for (let first = 0; first < order.length;) {
    let end = first
    while (end < order.length && order[end]!.box.y - order[first]!.box.y <= ROW_SLACK) end++
    // each card with the cards its links go up to (in rows above: the same for both passes)
    const row = order.slice(first, end).map(({ id, box }) => ({ id, box, ends: endsOf(id, box) }))
    let shift = carried
    for (const { box, ends } of row)
      shift = Math.max(shift, clearOf(placed, box, box.y + carried, ends) - box.y)
    for (const { id, box, ends } of row) {
      // a card the row's own cards cover (two put in one place) goes under them
      const y = clearOf(placed, box, box.y + shift, ends)
      ys.set(id, y)
      placed.push({ ...box, y })
      carried = Math.max(carried, y - box.y)
    }
    first = end
  }
  return ys
}

/**
 * A tree's cards drawn where the board has them, then those a taller card above would cover,
 * or whose link would have to come down into the bottom of a card grown past them, drawn
 * again where pushedClear moves them.
 */
function drawnClear(
  { nodes, edges }: RenderSection,
  draw: (node: RenderRecord, y: number) => DrawnCard,
): DrawnCard[] {
  const asPlaced = nodes.map((node) => draw(node, numberOr(node.y, 0)))
  const linkedUp = new Map<string, string[]>()
  for (const edge of edges)
    linkedUp.set(str(edge.source), [...(linkedUp.get(str(edge.source)) ?? []), str(edge.target)])
  const ys = pushedClear(asPlaced, linkedUp)
  return asPlaced.map((card, i) =>
    ys.get(card.id) === card.box.y ? card : draw(nodes[i]!, ys.get(card.id)!),
  )
}

/** A card's role line, with the words `marks` adds to it (RenderOptions.marks). */
const headOf = (role: string, id: string, marks?: ReadonlyMap<string, string>) => {
  const mark = marks?.get(id)
  return mark ? `${role} · ${mark}` : role
}

export function drawProblems(
  board: RenderSource,
  labels: ImageLabels,
  marks?: ReadonlyMap<string, string>,
): DrawnCanvas {
  const draw = (node: RenderSource['canvases']['problems']['nodes'][number], y: number) => {
    const role = roleOf(node.role)
    const look = ROLE_LOOK[role]
    return drawCard(str(node.id), numberOr(node.x, 0), y, {
      width: role === 'core' ? 220 : 200,
      fill: look.fill,
      stroke: look.stroke,
      strokeWidth: 2,
      head: headOf(labels.problemRoles[role], str(node.id), marks),
      headColor: look.ink,
      label: str(node.label),
      emptyLabel: labels.emptyCard,
      weight: role === 'core' ? 'bold' : 'normal',
    })
  }
  const cards = drawnClear(board.canvases.problems, draw)
  const boxes = new Map(cards.map((c) => [c.id, c.box]))
  return {
    cards,
    under: linksBetween(board.canvases.problems.edges, boxes, (a, b) =>
      treeLink(a, b, LINK, 'arrow'),
    ),
    legend: PROBLEM_ROLES.map((role): LegendItem => ({
      kind: 'box',
      fill: ROLE_LOOK[role].fill,
      stroke: ROLE_LOOK[role].stroke,
      label: labels.problemRoles[role],
    })).concat([{ kind: 'arrow', fill: LINK, stroke: LINK, label: labels.causeEffect }]),
  }
}

export function drawObjectives(
  board: RenderSource,
  labels: ImageLabels,
  marks?: ReadonlyMap<string, string>,
): DrawnCanvas {
  const problemRoles = new Map(
    board.canvases.problems.nodes.map((p) => [str(p.id), roleOf(p.role)]),
  )
  const draw = (node: RenderSource['canvases']['objectives']['nodes'][number], y: number) => {
    const status = asStatus(node.status)
    const look = STATUS_LOOK[status]
    const from = typeof node.derivedFrom === 'string' ? problemRoles.get(node.derivedFrom) : null
    const role = objectiveRoleOf(from ?? undefined)
    return drawCard(str(node.id), numberOr(node.x, 0), y, {
      width: role === 'core' ? 220 : 200,
      fill: look.fill,
      stroke: look.stroke,
      strokeWidth: role === 'core' ? 3 : 2,
      head: headOf(role ? labels.objectiveRoles[role] : '', str(node.id), marks),
      headColor: '#4a4f57',
      chip: { text: labels.statuses[status], fill: look.chip, color: look.chipInk },
      label: str(node.label),
      emptyLabel: labels.emptyCard,
      weight: role === 'core' ? 'bold' : 'normal',
      muted: status === 'discarded',
    })
  }
  // every word of a long objective, the cards below it moved clear
  const cards = drawnClear(board.canvases.objectives, draw)
  const boxes = new Map(cards.map((c) => [c.id, c.box]))
  return {
    cards,
    under: linksBetween(board.canvases.objectives.edges, boxes, (a, b, edge) =>
      edge.checked === true
        ? treeLink(a, b, '#2e8b57', 'arrow-checked')
        : treeLink(a, b, LINK, 'arrow', edge.problemRemoved === true),
    ),
    legend: (Object.keys(STATUS_LOOK) as (keyof typeof STATUS_LOOK)[])
      .map((status): LegendItem => ({
        kind: 'box',
        fill: STATUS_LOOK[status].fill,
        stroke: STATUS_LOOK[status].stroke,
        label: labels.statuses[status],
      }))
      .concat([
        { kind: 'arrow', fill: LINK, stroke: LINK, label: labels.meansEnd },
        { kind: 'arrow', fill: '#2e8b57', stroke: '#2e8b57', label: labels.checked },
      ]),
  }
}
