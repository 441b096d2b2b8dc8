import { ACTOR_CATEGORIES, type ActorCategory } from '../schema/index.ts'
import type { XY } from './grid.ts'

/**
 * Size of an actor card on the relationship map (flow units), and the room around it: wide
 * enough for a relation and its label to run between two cards.
 */
export const MAP_CARD = { width: 210, height: 96, gapX: 190, gapY: 90 } as const
const STEP_X = MAP_CARD.width + MAP_CARD.gapX
const STEP_Y = MAP_CARD.height + MAP_CARD.gapY
/** Odd rows sit half a card to the right, so a link between rows 0 and 2 clears row 1. */
const STAGGER = Math.round(MAP_CARD.width * 0.6)

const spotAt = (column: number, row: number): XY => ({
  x: column * STEP_X + (row % 2) * STAGGER,
  y: row * STEP_Y,
})

/** The rows of a column that a card at `p` overlaps. */
function blockedRows(p: XY, column: number, into: Set<number>): void {
  const first = Math.max(0, Math.floor((p.y - MAP_CARD.height) / STEP_Y) + 1)
  const last = Math.ceil((p.y + MAP_CARD.height) / STEP_Y) - 1
  for (let row = first; row <= last; row++)
    if (Math.abs(p.x - spotAt(column, row).x) < MAP_CARD.width) into.add(row)
}

/**
 * Where new actors land on the relationship map: the first free rows of their category's column
 * (one column per category, in the method's order), so a fresh map starts sorted, with room
 * between the cards for the relations. Linear in the number of actors, for an import of
 * thousands of rows.
 */
export function mapSpots(categories: readonly ActorCategory[], taken: readonly XY[]): XY[] {
  const blocked = new Map<number, Set<number>>()
  const next = new Map<number, number>()
  const column = (c: number) => {
    let rows = blocked.get(c)
    if (!rows) {
      rows = new Set()
      for (const p of taken) blockedRows(p, c, rows)
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
    return spotAt(c, row)
  })
}

export function mapSpot(category: ActorCategory, taken: readonly XY[]): XY {
  return mapSpots([category], taken)[0]!
}

export interface Lane {
  /** Position of the relation among those between the same two actors (0-based). */
  lane: number
  lanes: number
  /** Drawn from the second actor to the first of the pair's canonical order. */
  reversed: boolean
}

/**
 * Several relations between the same two actors (different kinds, either direction) each get a
 * lane, so the map can draw them side by side instead of on top of each other.
 */
export function relationLanes(
  relations: readonly { id: string; source: string; target: string }[],
): Map<string, Lane> {
  const pairs = new Map<string, string[]>()
  for (const r of relations) {
    const key = r.source < r.target ? `${r.source}\n${r.target}` : `${r.target}\n${r.source}`
    pairs.set(key, [...(pairs.get(key) ?? []), r.id])
  }
  const out = new Map<string, Lane>()
  const byId = new Map(relations.map((r) => [r.id, r]))
  for (const ids of pairs.values())
    ids.forEach((id, lane) => {
      const r = byId.get(id)!
      out.set(id, { lane, lanes: ids.length, reversed: r.source > r.target })
    })
  return out
}
