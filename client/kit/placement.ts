import type { XY } from '../store/actions.ts'

export const CARD_W = 200
export const CARD_H = 90
const GAP_X = 30
export const LAYER_GAP = 150

/**
 * The first free spot at `wanted` or to its right on the same row, so a new card never lands on
 * top of another one.
 */
export function freeSpot(wanted: XY, taken: XY[]): XY {
  const spot = { ...wanted }
  const overlaps = (p: XY) => Math.abs(p.x - spot.x) < CARD_W && Math.abs(p.y - spot.y) < CARD_H
  for (let i = 0; i < 200 && taken.some(overlaps); i++) spot.x += CARD_W + GAP_X
  return spot
}
