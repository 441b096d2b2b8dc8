import type { XY } from '../store/actions.ts'
import { covers, freeSpot, type Placed } from './placement.ts'

/** How long a card this page placed may still be moved off one placed elsewhere meanwhile. */
const FRESH_MS = 10_000

type Card = Placed & { id: string }

/**
 * The cards this page has just placed, where it placed them. Two people adding a cause to the
 * same card at the same moment each chose the first free spot below it on their own copy of
 * the board: the same spot, one card hidden under the other until someone laid the tree out
 * (walkthrough). Once the other card arrives, of the two the one with the greater id moves to
 * the next free spot, by the page that placed it (each page moves only its own, so the two never
 * both move); a card the person has moved since, or placed more than FRESH_MS ago, stays where
 * it is.
 */
export function freshPlacements(now: () => number = Date.now) {
  const fresh = new Map<string, { at: XY; until: number }>()
  return {
    /** This page placed card `id` at `at` (as stored: whole pixels). */
    placed(id: string, at: XY): void {
      fresh.set(id, { at: { x: Math.round(at.x), y: Math.round(at.y) }, until: now() + FRESH_MS })
    },
    /** Whether any card is still fresh (nothing to look at otherwise). */
    get any(): boolean {
      return fresh.size > 0
    },
    /** Where this page's fresh cards that lie on another one go (none: nothing to move). */
    moves(cards: readonly Card[]): Map<string, XY> {
      const moves = new Map<string, XY>()
      const taken = new Map(cards.map((c) => [c.id, c]))
      for (const [id, p] of fresh) {
        const card = taken.get(id)
        const still = card && card.position.x === p.at.x && card.position.y === p.at.y
        if (!still || now() > p.until) {
          fresh.delete(id)
          continue
        }
        const others = [...taken.values()].filter((c) => c.id !== id)
        const rival = others.find((c) => c.id < id && !fresh.has(c.id) && covers(c, card.position))
        if (!rival) continue
        const spot = freeSpot(card.position, others)
        const at = { x: Math.round(spot.x), y: Math.round(spot.y) }
        fresh.set(id, { ...p, at })
        taken.set(id, { ...card, position: at })
        moves.set(id, at)
      }
      return moves
    },
  }
}
