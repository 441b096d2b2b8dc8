import { describe, expect, it } from 'vitest'
import {
  CARD_H,
  CARD_MAX_H,
  CARD_W,
  LAYER_GAP,
  freeSpot,
  heightOf,
  layerOffset,
} from '../../client/kit/placement.ts'

describe('where a new card goes', () => {
  it('a layer below a card of one line is free', () => {
    const taken = [{ position: { x: 0, y: 0 }, measured: { width: CARD_W, height: CARD_H } }]
    expect(freeSpot({ x: 0, y: LAYER_GAP }, taken)).toEqual({ x: 0, y: LAYER_GAP })
  })

  it('counts a card with the height its text gave it, not a new card’s', () => {
    // a card of eight lines reaches 240 px down: a new card at 150 would land on its foot
    const tall = { position: { x: 0, y: 0 }, measured: { width: CARD_W, height: 240 } }
    const spot = freeSpot({ x: 0, y: LAYER_GAP }, [tall])
    expect(spot.y).toBe(LAYER_GAP)
    expect(spot.x).toBeGreaterThanOrEqual(CARD_W)
    // a cause of it goes a layer below its foot instead, where nothing is
    const below = layerOffset(tall, 'cause')
    expect(below).toBe(heightOf(tall) + LAYER_GAP - CARD_H)
    expect(freeSpot({ x: 0, y: below }, [tall])).toEqual({ x: 0, y: below })
  })

  it('a card not drawn yet counts as a new card', () => {
    expect(heightOf({ position: { x: 0, y: 0 } })).toBe(CARD_H)
    const spot = freeSpot({ x: 10, y: 10 }, [{ position: { x: 0, y: 0 } }])
    expect(spot.x).toBeGreaterThanOrEqual(CARD_W)
  })

  it('counts a selected card whose whole long text shows as cut at its five lines', () => {
    // a pasted page of text, its card selected: 1,568 px as drawn for now
    const pasted = { position: { x: 0, y: 0 }, measured: { width: CARD_W, height: 1568 } }
    expect(heightOf(pasted)).toBe(CARD_MAX_H)
    expect(layerOffset(pasted, 'cause')).toBe(CARD_MAX_H + LAYER_GAP - CARD_H)
  })
})
