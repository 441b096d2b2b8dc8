import { describe, expect, it } from 'vitest'
import { fitZoom, type Fit } from '../../client/board/projectorFit.ts'

/** A 1920×1080 projector's room below the header, its margins of 1rem on three sides. */
const room = (content: { w: number; h: number }, zoom = 1.4, filling = false): Fit => ({
  zoom,
  free: { w: 1888, h: 945 },
  content,
  around: { w: 32, h: 16 },
  filling,
})

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
  it('keeps 1.4 for a table larger than the screen, which scrolls', () => {
    expect(fitZoom(room({ w: 544, h: 1400 }))).toBe(1.4)
    expect(fitZoom(room({ w: 1800, h: 200 }))).toBe(1.4)
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
