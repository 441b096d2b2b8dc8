import { ACTOR_CATEGORIES, type ActorCategory } from '../schema/index.ts'
import type { XY } from './grid.ts'

/** Size of an actor card on the relationship map (flow units), and the room around it. */
export const MAP_CARD = { width: 210, height: 96, gapX: 70, gapY: 40 } as const
const STEP_X = MAP_CARD.width + MAP_CARD.gapX
const STEP_Y = MAP_CARD.height + MAP_CARD.gapY

/** The rows of a column that a card at `p` overlaps. */
function blockedRows(p: XY, columnX: number, into: Set<number>): void {
  if (Math.abs(p.x - columnX) >= MAP_CARD.width) return
  const first = Math.max(0, Math.floor((p.y - MAP_CARD.height) / STEP_Y) + 1)
  const last = Math.ceil((p.y + MAP_CARD.height) / STEP_Y) - 1
  for (let row = first; row <= last; row++) into.add(row)
}

/**
 * Where new actors land on the relationship map: the first free rows of their category's column
 * (one column per category, in the method's order), so a fresh map starts sorted. Linear in the
 * number of actors, for an import of thousands of rows.
 */
export function mapSpots(categories: readonly ActorCategory[], taken: readonly XY[]): XY[] {
  const blocked = new Map<number, Set<number>>()
  const next = new Map<number, number>()
  const column = (c: number) => {
    let rows = blocked.get(c)
    if (!rows) {
      rows = new Set()
      for (const p of taken) blockedRows(p, c * STEP_X, rows)
      blocked.set(c, rows)
    }
    return rows
  }
  return categories.map((category) => {
    const c = ACTOR_CATEGORIES.indexOf(category)
    const rows = column(c)
    let row = next.get(c) ?? 0
    while (rows.has(row)) row++
    next.set(c, row + 1)
    return { x: c * STEP_X, y: row * STEP_Y }
  })
}

export function mapSpot(category: ActorCategory, taken: readonly XY[]): XY {
  return mapSpots([category], taken)[0]!
}
