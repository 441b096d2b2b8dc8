import { describe, expect, it } from 'vitest'
import { laneLabelAt, type Rect } from '../../shared/stakeholders/routeGeometry.ts'

const card = (x: number, y: number): Rect => ({ x, y, width: 180, height: 70 })
const clear = (
  p: { x: number; y: number },
  q: { x: number; y: number },
  size: { w: number; h: number },
) => Math.abs(p.x - q.x) >= size.w || Math.abs(p.y - q.y) >= size.h

describe('the labels of relations joining the same two actors', () => {
  it('stand clear of each other when their routes meet at the middle, A→B and B→A', () => {
    // a conflict from the agency to the mountain community, an information back: the routes,
    // bent around other cards, crossed where both labels sat
    const agency = card(0, 0)
    const community = card(420, 260)
    const mid = { x: 300, y: 165 }
    const size = { w: 96, h: 24 }
    for (const lanes of [2, 3]) {
      const at = Array.from({ length: lanes }, (_, lane) => {
        const reversed = lane % 2 === 1
        return laneLabelAt(
          mid,
          reversed ? community : agency,
          reversed ? agency : community,
          { lane, lanes, reversed },
          size,
        )
      })
      for (const [i, p] of at.entries())
        for (const q of at.slice(i + 1)) expect(clear(p, q, size), `${lanes} lanes`).toBe(true)
    }
  })

  it('leaves a lone relation at its middle, and keeps a shift within a third of the way', () => {
    const a = card(0, 0)
    const b = card(200, 0)
    const mid = { x: 190, y: 35 }
    expect(
      laneLabelAt(mid, a, b, { lane: 0, lanes: 1, reversed: false }, { w: 90, h: 22 }),
    ).toEqual(mid)
    expect(laneLabelAt(mid, a, b, undefined, { w: 90, h: 22 })).toEqual(mid)
    const far = laneLabelAt(mid, a, b, { lane: 1, lanes: 2, reversed: false }, { w: 400, h: 22 })
    expect(far.x - mid.x).toBeCloseTo(200 / 3)
    expect(far.y).toBe(mid.y)
  })
})
