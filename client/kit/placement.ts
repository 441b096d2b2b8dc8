import type { XY } from '../store/actions.ts'

export const CARD_W = 200
export const CARD_H = 90
const GAP_X = 30
export const LAYER_GAP = 150

/** Where a card stands and, once drawn, how big it is (a long text makes it taller). */
export interface Placed {
  position: XY
  measured?: { width?: number; height?: number }
}

/**
 * The tallest a card counts for placing others: its text cut at five lines, its role, tags and
 * note (canvas.css). Selected, a long text shows whole, for as long as it stays selected: a
 * pasted page of text made its card 1,568 px tall, and the cause added with Tab at once went
 * that far below it, the tree framed whole then a few specks.
 */
export const CARD_MAX_H = 240

/** A card's height as drawn (a selected long text counts cut), or a new card's. */
export const heightOf = (card: Placed): number =>
  Math.min(card.measured?.height ?? CARD_H, CARD_MAX_H)

/**
 * Where a card of the next layer goes, from `card`'s top: a cause a layer below its foot,
 * however tall its text made it; an effect a layer above.
 */
export function layerOffset(card: Placed, kind: 'cause' | 'effect'): number {
  return kind === 'cause' ? heightOf(card) + LAYER_GAP - CARD_H : -LAYER_GAP
}

/**
 * The first free spot at `wanted` or to its right on the same row, so a new card never lands on
 * top of another one: each card counts with its drawn size (a card of six lines is twice a new
 * one's height), the new one with a new card's.
 */
export function freeSpot(wanted: XY, taken: readonly Placed[]): XY {
  const spot = { ...wanted }
  for (let i = 0; i < 200 && taken.some((card) => covers(card, spot)); i++) spot.x += CARD_W + GAP_X
  return spot
}

/** Whether `card`, as drawn, overlaps a new card at `spot`. */
export function covers(card: Placed, spot: XY): boolean {
  return (
    card.position.x < spot.x + CARD_W &&
    spot.x < card.position.x + (card.measured?.width ?? CARD_W) &&
    card.position.y < spot.y + CARD_H &&
    spot.y < card.position.y + heightOf(card)
  )
}
