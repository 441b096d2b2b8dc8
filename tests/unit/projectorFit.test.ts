import { describe, expect, it } from 'vitest'
import { fitZoom, type Fit } from '../../client/board/projectorFit.ts'

/** A 1920×1080 projector's room below the header, its margins of 1rem on three sides. */
const room = (content: { w: number; h: number }, zoom = 1.4, filling = false): Fit => {
  // the width the table is given, in its own pixels at this zoom
  const given = 1888 / zoom - 32
  return {
    zoom,
    free: { w: 1888, h: 945 },
    content,
    around: { w: 32, h: 16 },
    filling: filling || content.w >= given - 1,
    overflowing: content.w > given + 1,
  }
}

describe('the zoom of a table on the projector', () => {
  it('draws a small table larger, up to the cap', () => {
    expect(fitZoom(room({ w: 544, h: 160 }))).toBe(2.4)
  })
  it('fits a taller table to the height, in steps of 0.05', () => {
    const zoom = fitZoom(room({ w: 544, h: 500 }))
    expect(zoom).toBeGreaterThan(1.4)
    expect(zoom).toBeLessThan(2.4)
    expect(Math.round(zoom * 20)).toBe(zoom * 20)
    expect((500 + 16) * zoom).toBeLessThanOrEqual(945)
  })
  it('keeps 1.4 for a table taller than the screen, which scrolls (and is followed)', () => {
    expect(fitZoom(room({ w: 544, h: 1400 }))).toBe(1.4)
  })
  it('brings a table wider than the screen at 1.4 down to its width, to 0.85 at most', () => {
    // a coverage matrix of 16 objectives, 7.5rem each, and its actors' column
    const matrix = { w: 16 * 120 + 200, h: 700 }
    const zoom = fitZoom(room(matrix))
    expect(zoom).toBeLessThan(1.4)
    expect(zoom).toBeGreaterThanOrEqual(0.85)
    expect((matrix.w + 32) * zoom).toBeLessThanOrEqual(1888)
    // measured again at that zoom it no longer overflows, and stays there: no back and forth
    expect(fitZoom(room(matrix, zoom))).toBe(zoom)
    // wider still: 0.85, and it scrolls sideways
    expect(fitZoom(room({ w: 3000, h: 700 }))).toBe(0.85)
    expect(fitZoom(room({ w: 3000, h: 700 }, 0.85))).toBe(0.85)
  })
  it('never shrinks a table squeezed to the width it is given (its text wraps to it)', () => {
    expect(fitZoom(room({ w: 1888 / 1.4 - 32, h: 1400 }, 1.4, true))).toBe(1.4)
  })
  it('does not enlarge a table that fills its width (it may be squeezed), only brings it down', () => {
    expect(fitZoom(room({ w: 600, h: 200 }, 1.8, true))).toBe(1.8)
    expect(fitZoom(room({ w: 600, h: 500 }, 2, true))).toBe(1.75)
    expect(fitZoom(room({ w: 600, h: 900 }, 1.8, true))).toBe(1.4)
  })
  it('an empty element keeps 1.4', () => {
    expect(fitZoom(room({ w: 0, h: 0 }, 2))).toBe(1.4)
  })
})
