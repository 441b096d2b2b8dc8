import { describe, expect, it } from 'vitest'
import { GRID, GRID_CARD, TRAY, inTray, trayLayout } from '../../shared/stakeholders/grid.ts'

/** Each card's box, from its centre and height. */
const boxes = (heights: number[]) => {
  const tray = trayLayout(heights)
  return {
    tray,
    cards: tray.slots.map((s, i) => ({
      left: s.x - GRID_CARD.width / 2,
      right: s.x + GRID_CARD.width / 2,
      top: s.y - heights[i]! / 2,
      bottom: s.y + heights[i]! / 2,
    })),
  }
}

describe('the tray of actors waiting to be placed', () => {
  it('is one column beside the grid while few actors wait', () => {
    const tray = trayLayout([80, 80])
    expect(tray).toMatchObject({ x: TRAY.x, y: TRAY.y, width: TRAY.width, height: TRAY.height })
    expect(tray.slots[0]).toEqual({ x: TRAY.x + TRAY.width / 2, y: TRAY.top + 40 })
    expect(tray.slots[1]!.x).toBe(tray.slots[0]!.x)
  })

  it('opens a column to the left when one is full, its right edge staying beside the grid', () => {
    const one = trayLayout(Array(6).fill(80))
    const two = trayLayout(Array(7).fill(80))
    expect(one.width).toBe(TRAY.width)
    expect(two.width).toBeGreaterThan(TRAY.width)
    expect(two.x + two.width).toBe(TRAY.x + TRAY.width)
    // read from the left: the first actors fill the first column
    expect(two.slots[0]!.x).toBeLessThan(two.slots[6]!.x)
    expect(two.slots[6]!.y).toBe(two.slots[0]!.y)
  })

  it('holds twenty actors with names of every length, each whole, none on another', () => {
    const heights = Array.from({ length: 20 }, (_, i) => 70 + ((i * 37) % 80))
    const { tray, cards } = boxes(heights)
    expect(tray.height).toBe(GRID.height)
    for (const c of cards) {
      expect(c.left).toBeGreaterThanOrEqual(tray.x)
      expect(c.right).toBeLessThanOrEqual(tray.x + tray.width)
      expect(c.top).toBeGreaterThanOrEqual(tray.y + TRAY.top)
      expect(c.bottom).toBeLessThanOrEqual(tray.y + tray.height)
    }
    cards.forEach((a, i) =>
      cards.slice(i + 1).forEach((b) => {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
        expect(apart).toBe(true)
      }),
    )
  })

  it('gives a card taller than a column a column of its own', () => {
    const tray = trayLayout([80, 900, 80])
    expect(new Set(tray.slots.map((s) => s.x)).size).toBe(3)
  })

  it('counts a drop in any of its columns as a drop in the tray', () => {
    const tray = trayLayout(Array(20).fill(80))
    const far = { x: tray.slots[0]!.x, y: tray.slots[0]!.y }
    expect(inTray(far, tray.x)).toBe(true)
    expect(inTray(far, TRAY.x)).toBe(false)
    expect(inTray({ x: 10, y: 100 }, tray.x)).toBe(false)
  })
})
