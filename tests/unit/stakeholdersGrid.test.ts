import { describe, expect, it } from 'vitest'
import { ACTOR_CATEGORIES } from '../../shared/schema/index.ts'
import {
  GRID,
  GRID_CARD,
  QUADRANTS,
  freeGridSpot,
  gridPosition,
  powerInterestAt,
  quadrantAt,
  quadrantOf,
  quadrantRect,
  spreadGridCards,
  type XY,
} from '../../shared/stakeholders/grid.ts'
import { mapSpot, mapSpots, MAP_CARD } from '../../shared/stakeholders/layout.ts'
import { newActorFields, readActor } from '../../shared/stakeholders/actors.ts'
import { phoneFocus } from '../../client/stakeholders/useGridFraming.ts'

describe('power/interest grid', () => {
  it('power grows upwards and interest to the right, within the padding', () => {
    expect(gridPosition({ power: 0, interest: 0 })).toEqual({
      x: GRID.padX,
      y: GRID.height - GRID.padY,
    })
    expect(gridPosition({ power: 1, interest: 1 })).toEqual({
      x: GRID.width - GRID.padX,
      y: GRID.padY,
    })
    expect(gridPosition({ power: 0.5, interest: 0.5 })).toEqual({
      x: GRID.width / 2,
      y: GRID.height / 2,
    })
  })

  it('round-trips every value stored to the hundredth', () => {
    for (let p = 0; p <= 100; p += 7)
      for (let i = 0; i <= 100; i += 3) {
        const value = { power: p / 100, interest: i / 100 }
        expect(powerInterestAt(gridPosition(value))).toEqual(value)
      }
  })

  it('round-trips a point of the grid to within a hundredth of its span', () => {
    const point = { x: 517, y: 333 }
    const back = gridPosition(powerInterestAt(point))
    expect(Math.abs(back.x - point.x)).toBeLessThanOrEqual((GRID.width - 2 * GRID.padX) / 200)
    expect(Math.abs(back.y - point.y)).toBeLessThanOrEqual((GRID.height - 2 * GRID.padY) / 200)
  })

  it('clamps points dropped outside the grid and values outside 0..1', () => {
    expect(powerInterestAt({ x: -500, y: -500 })).toEqual({ power: 1, interest: 0 })
    expect(powerInterestAt({ x: GRID.width + 900, y: GRID.height + 900 })).toEqual({
      power: 0,
      interest: 1,
    })
    // the padding counts as the extreme, not beyond it
    expect(powerInterestAt({ x: GRID.padX / 2, y: GRID.padY / 2 })).toEqual({
      power: 1,
      interest: 0,
    })
    expect(gridPosition({ power: 3, interest: -2 })).toEqual(
      gridPosition({ power: 1, interest: 0 }),
    )
    expect(gridPosition({ power: Number.NaN, interest: 0.5 })).toEqual(
      gridPosition({ power: 0.5, interest: 0.5 }),
    )
  })

  it('names the quadrant of a value and of a point (Mendelow)', () => {
    expect(quadrantOf({ power: 0.9, interest: 0.9 })).toBe('manage-closely')
    expect(quadrantOf({ power: 0.9, interest: 0.1 })).toBe('keep-satisfied')
    expect(quadrantOf({ power: 0.1, interest: 0.9 })).toBe('keep-informed')
    expect(quadrantOf({ power: 0.1, interest: 0.1 })).toBe('monitor')
    // the middle line counts as high
    expect(quadrantOf({ power: 0.5, interest: 0.5 })).toBe('manage-closely')
    expect(quadrantOf({ power: 0.49, interest: 0.5 })).toBe('keep-informed')

    expect(quadrantAt({ x: 100, y: 100 })).toBe('keep-satisfied')
    expect(quadrantAt({ x: GRID.width - 100, y: 100 })).toBe('manage-closely')
    expect(quadrantAt({ x: 100, y: GRID.height - 100 })).toBe('monitor')
    expect(quadrantAt({ x: GRID.width - 100, y: GRID.height - 100 })).toBe('keep-informed')
  })

  it('every point of a quadrant’s rectangle is in that quadrant', () => {
    for (const q of QUADRANTS) {
      const r = quadrantRect(q)
      for (const [fx, fy] of [
        [0.05, 0.05],
        [0.95, 0.05],
        [0.05, 0.95],
        [0.95, 0.95],
        [0.5, 0.5],
      ])
        expect(quadrantAt({ x: r.x + fx! * r.width, y: r.y + fy! * r.height })).toBe(q)
    }
  })

  it('puts a new actor where nobody stands', () => {
    const centre = { power: 0.5, interest: 0.5 }
    expect(freeGridSpot(centre, [])).toEqual(centre)
    const taken = [centre]
    const spots = []
    for (let i = 0; i < 8; i++) {
      const spot = freeGridSpot(centre, taken)
      expect(spot.power).toBeGreaterThanOrEqual(0)
      expect(spot.interest).toBeLessThanOrEqual(1)
      taken.push(spot)
      spots.push(spot)
    }
    expect(new Set(spots.map((s) => `${s.power}/${s.interest}`)).size).toBe(8)
  })
})

describe('relationship map layout', () => {
  it('places a new actor in its category column, below the others', () => {
    expect(mapSpot('public', [])).toEqual({ x: 0, y: 0 })
    const third = mapSpot('third-sector', [])
    expect(third.x).toBeGreaterThanOrEqual(MAP_CARD.width)
    const below = mapSpot('public', [{ x: 0, y: 0 }])
    expect(below.x).toBeLessThan(MAP_CARD.width)
    expect(below.y).toBeGreaterThanOrEqual(MAP_CARD.height + 60)
    const spots = mapSpots(['community', 'community', 'community'], [])
    expect(new Set(spots.map((s) => s.y)).size).toBe(3)
    // staggered: a straight link between the first and the third clears the second card
    const [first, second, third_] = spots as [XY, XY, XY]
    expect(third_.x).toBe(first.x)
    const linkX = first.x + MAP_CARD.width / 2
    expect(second.x).toBeGreaterThan(linkX)
    // and there is room for a relation label between neighbouring columns
    const [, publicSecond] = mapSpots(['public', 'public'], [])
    const nextColumn = mapSpot(ACTOR_CATEGORIES[1]!, [])
    expect(nextColumn.x - (publicSecond!.x + MAP_CARD.width)).toBeGreaterThanOrEqual(60)
  })
})

describe('relationship map layout, at scale', () => {
  it('skips rows taken by cards placed by hand and places thousands quickly', () => {
    const handPlaced = { x: 10, y: MAP_CARD.height + 60 } // overlaps row 1 of column 0
    const [a, b, c] = mapSpots(['public', 'public', 'public'], [handPlaced])
    expect(a!.y).toBe(0)
    for (const spot of [b!, c!])
      expect(Math.abs(spot.y - handPlaced.y)).toBeGreaterThanOrEqual(MAP_CARD.height)
    const many = mapSpots(
      Array.from({ length: 5000 }, () => 'economic' as const),
      [],
    )
    expect(new Set(many.map((s) => s.y)).size).toBe(5000)
  })
})

describe('cards sharing a spot on the grid', () => {
  const overlap = (a: XY, b: XY) =>
    Math.abs(a.x - b.x) < GRID_CARD.width && Math.abs(a.y - b.y) < GRID_CARD.height

  it('lays new actors at 50/50 side by side, without moving a lone card', () => {
    const centre = gridPosition({ power: 0.5, interest: 0.5 })
    const lone = gridPosition({ power: 0.9, interest: 0.1 })
    const points = [
      { id: 'lone', ...lone },
      ...Array.from({ length: 6 }, (_, i) => ({ id: `new-${i}`, ...centre })),
    ]
    const shown = spreadGridCards(points)
    expect(shown.get('lone')).toEqual(lone)
    const spread = points.slice(1).map((p) => shown.get(p.id)!)
    for (const [i, a] of spread.entries())
      for (const b of spread.slice(i + 1)) expect(overlap(a, b)).toBe(false)
    // still near the point they share, and inside its quadrant (50/50 is "manage closely")
    for (const p of spread) {
      expect(Math.abs(p.x - centre.x)).toBeLessThanOrEqual(2 * GRID_CARD.width)
      expect(Math.abs(p.y - centre.y)).toBeLessThanOrEqual(4 * GRID_CARD.height)
      expect(quadrantAt(p)).toBe('manage-closely')
    }
  })

  it('draws a lone card near an axis wholly inside its quadrant, without changing its values', () => {
    const w = GRID_CARD.width / 2
    const h = GRID_CARD.height / 2
    for (const at of [
      { power: 0.7, interest: 0.48 }, // just left of the vertical axis
      { power: 0.52, interest: 0.9 }, // just above the horizontal one
      { power: 0.49, interest: 0.5 }, // at the crossing, low power: "keep informed"
    ]) {
      const point = gridPosition(at)
      const shown = spreadGridCards([{ id: 'a', ...point }]).get('a')!
      const q = quadrantRect(quadrantOf(at))
      expect(shown.x - w).toBeGreaterThanOrEqual(q.x)
      expect(shown.x + w).toBeLessThanOrEqual(q.x + q.width)
      expect(shown.y - h).toBeGreaterThanOrEqual(q.y)
      expect(shown.y + h).toBeLessThanOrEqual(q.y + q.height)
      // moved no further than half a card and its margin
      expect(Math.abs(shown.x - point.x)).toBeLessThanOrEqual(w + GRID_CARD.gap + 6)
      expect(Math.abs(shown.y - point.y)).toBeLessThanOrEqual(h + GRID_CARD.gap + 6)
    }
  })

  it('pushes apart cards that would cover each other, tall ones too, each inside its quadrant', () => {
    // points close but not shared (not a cluster), as a room drags them: in the export of a
    // workshop's 15 actors, «Sindacato CISL» lay under «Centro per l’impiego»
    const at = (power: number, interest: number) => gridPosition({ power, interest })
    const points: (XY & { id: string; height?: number })[] = [
      { id: 'cpi', ...at(0.8, 0.8) },
      { id: 'cisl', ...at(0.7, 0.7) },
      { id: 'tall', height: 150, ...at(0.9, 0.6) },
      { id: 'next', ...at(0.7, 0.9) },
      { id: 'far', ...at(0.2, 0.2) },
    ]
    const heights = new Map(points.map((p) => [p.id, p.height ?? GRID_CARD.height]))
    const shown = spreadGridCards(points)
    // a card that covers nothing stays where it was put
    expect(shown.get('far')).toEqual(spreadGridCards([points[4]!]).get('far'))
    const ids = [...shown.keys()]
    for (const [i, a] of ids.entries())
      for (const b of ids.slice(i + 1)) {
        const p = shown.get(a)!
        const o = shown.get(b)!
        const apart =
          Math.abs(p.x - o.x) >= GRID_CARD.width ||
          Math.abs(p.y - o.y) >= (heights.get(a)! + heights.get(b)!) / 2
        expect(apart, `${a} and ${b}`).toBe(true)
      }
    // each stays in the quadrant of its values, drawn whole
    for (const p of points) {
      const q = quadrantRect(quadrantAt(p))
      const s = shown.get(p.id)!
      const h = (p.height ?? GRID_CARD.height) / 2
      expect(s.x - GRID_CARD.width / 2).toBeGreaterThanOrEqual(q.x)
      expect(s.x + GRID_CARD.width / 2).toBeLessThanOrEqual(q.x + q.width)
      expect(s.y - h).toBeGreaterThanOrEqual(q.y)
      expect(s.y + h).toBeLessThanOrEqual(q.y + q.height)
    }
  })

  it('keeps a cluster in a corner inside the grid', () => {
    const corner = gridPosition({ power: 1, interest: 1 })
    const shown = spreadGridCards([
      { id: 'a', ...corner },
      { id: 'b', ...corner },
      { id: 'c', ...corner },
    ])
    for (const p of shown.values()) {
      expect(p.x + GRID_CARD.width / 2).toBeLessThanOrEqual(GRID.width)
      expect(p.y - GRID_CARD.height / 2).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('the actors a phone opens the grid on', () => {
  const actor = (id: string, power: number, interest: number, placed = true) =>
    readActor(id, {
      ...newActorFields('public', { label: id, power, interest, placed }),
      x: 0,
      y: 0,
    })

  it('are those of the quadrant holding the most, «Gestire da vicino» on a tie', () => {
    const low = [actor('m1', 0.2, 0.2), actor('m2', 0.1, 0.3)]
    expect(phoneFocus([actor('c1', 0.9, 0.9), ...low, actor('w', 0, 0, false)])).toEqual([
      'm1',
      'm2',
    ])
    expect(
      phoneFocus([actor('s1', 0.9, 0.1), actor('c1', 0.9, 0.9), actor('m1', 0.2, 0.2)]),
    ).toEqual(['c1'])
  })

  it('are those waiting in the tray while none is placed', () => {
    expect(phoneFocus([actor('w1', 0, 0, false), actor('w2', 0, 0, false)])).toEqual(['w1', 'w2'])
    expect(phoneFocus([])).toEqual([])
  })
})
