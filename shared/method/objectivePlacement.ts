/** Where a new objective goes on the canvas: near where it is wanted, never on another card. */

export interface Spot {
  x: number
  y: number
}
export interface Box extends Spot {
  width: number
  height: number
}

/**
 * How much farther apart the objective tree's rows are than the problem tree's. An objective
 * reworded shows its problem underneath (the «Dal problema» line): on a tree laid out for problem
 * cards, rows 80 px apart, the reworded cards of one row covered the next one's and the links
 * between them (on the 25-card workshop tree, 5 pairs of cards overlapped). Half as much again
 * leaves 100–120 px between rows of reworded cards.
 */
export const OBJECTIVE_ROW_SPREAD = 1.5

/** Where an objective derived from a problem at `problem` is wanted: same column, rows spread. */
export function objectiveSpotOf(problem: Spot): Spot {
  // within the coordinates a card may have (a problem far out stays on the canvas)
  const y = Math.round(problem.y * OBJECTIVE_ROW_SPREAD)
  return { x: problem.x, y: Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, y)) }
}

/** The farthest a card may sit from the origin (the schema's `coord`). */
const COORD_LIMIT = 1e7

/** The size of a card nobody has measured yet (the same as the canvas's default card). */
export const DEFAULT_CARD = { width: 200, height: 90 }
/** Breathing room kept around a placed card, so links between neighbours stay readable. */
const MARGIN = 16
const MAX_TRIES = 200

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + MARGIN &&
  b.x < a.x + a.width + MARGIN &&
  a.y < b.y + b.height + MARGIN &&
  b.y < a.y + a.height + MARGIN

/**
 * The first free spot at `wanted` or on its row, alternating right and left at growing distance
 * (like the canvas's `freeSpot`, but aware of each card's real size: a reworded card with its
 * problem underneath is taller than a new one).
 */
export function freeSpotAmong(
  wanted: Spot,
  taken: Box[],
  size: { width: number; height: number } = DEFAULT_CARD,
): Spot {
  const at = (x: number): Box => ({ x, y: wanted.y, ...size })
  const free = (b: Box) => !taken.some((t) => overlaps(b, t))
  if (free(at(wanted.x))) return { x: wanted.x, y: wanted.y }
  const step = size.width + MARGIN
  for (let i = 1; i <= MAX_TRIES; i++) {
    for (const x of [wanted.x + i * step, wanted.x - i * step])
      if (free(at(x))) return { x: Math.round(x), y: wanted.y }
  }
  return { x: wanted.x, y: wanted.y }
}
