import { describe, expect, it } from 'vitest'
import { ACTOR_CATEGORIES } from '../../shared/schema/index.ts'
import { MAP_CARD, mapSpots } from '../../shared/stakeholders/layout.ts'
import {
  RelationRouter,
  relationRoute,
  routePoints,
  segmentHitsRect,
  type Rect,
} from '../../shared/stakeholders/route.ts'

const card = (x: number, y: number): Rect => ({ x, y, width: MAP_CARD.width, height: 96 })

/** How many of `others` the route's curve passes through. */
function crossed(from: Rect, to: Rect, others: Rect[], bend = 0): number {
  const points = routePoints(relationRoute(from, to, others, { bend }), 200)
  return others.filter((r) => points.some((p, i) => i > 0 && segmentHitsRect(points[i - 1]!, p, r)))
    .length
}

/** A small deterministic pseudo-random sequence (the same board every run). */
function seeded(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x / 2 ** 31
  }
}

describe('a relation on the map runs around the cards it does not join', () => {
  it('straight when nothing is in the way', () => {
    const r = relationRoute(card(0, 0), card(400, 0), [card(0, 300)], {})
    expect(r.bend).toBe(0)
    expect(r.crossings).toBe(0)
  })

  it('bends around a card between the two it joins (three in a row: the first with the third)', () => {
    const a = card(0, 0)
    const b = card(300, 0)
    const c = card(600, 0)
    // the straight line would pass under the middle card
    expect(segmentHitsRect({ x: 210, y: 48 }, { x: 600, y: 48 }, b)).toBe(true)
    expect(crossed(a, c, [b])).toBe(0)
    expect(crossed(a, c, [b], 40)).toBe(0)
  })

  it('the same cards give the same curve', () => {
    const others = [card(300, 0), card(300, 150)]
    expect(relationRoute(card(0, 0), card(600, 60), others, { bend: 20 })).toEqual(
      relationRoute(card(0, 0), card(600, 60), others, { bend: 20 }),
    )
  })

  it('60 actors placed as the map places them, 100 relations: none crosses a card, quickly', () => {
    const random = seeded(7)
    const categories = Array.from(
      { length: 60 },
      (_, i) => ACTOR_CATEGORIES[Math.floor(random() * 4) % 4]!,
    )
    const cards = mapSpots(categories, []).map((p) => card(p.x, p.y))
    const pairs = Array.from({ length: 100 }, () => {
      const i = Math.floor(random() * 60)
      let j = Math.floor(random() * 59)
      if (j >= i) j++
      return [i, j] as const
    })
    // once before timing it: the first run compiles the code
    new RelationRouter(cards).route(0, 59)
    const started = performance.now()
    const router = new RelationRouter(cards)
    const routes = pairs.map(([i, j]) => router.route(i, j, { bend: 20 }))
    const took = performance.now() - started
    // checked finely, on the cards themselves
    const crossing = pairs.filter(([i, j], n) => {
      const points = routePoints(routes[n]!, 200)
      return cards.some(
        (r, k) =>
          k !== i &&
          k !== j &&
          points.some((p, m) => m > 0 && segmentHitsRect(points[m - 1]!, p, r)),
      )
    })
    console.log(`100 relations among 60 actors routed in ${took.toFixed(1)} ms`)
    expect(crossing).toEqual([])
    expect(routes.filter((r) => r.crossings > 0)).toEqual([])
    expect(took).toBeLessThan(1000)
  })
})
