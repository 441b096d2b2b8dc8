import { describe, expect, it } from 'vitest'
import { renderCanvas } from '../../shared/render/index.ts'
import type { RenderSource } from '../../shared/render/model.ts'
import { MAP_CARD } from '../../shared/stakeholders/layout.ts'

const actor = (id: string, x: number) => ({
  id,
  kind: 'actor',
  label: `Attore ${id}`,
  category: 'public',
  x,
  y: 0,
})

/** A board whose map holds these actors, and nothing else. */
const mapOf = (nodes: ReturnType<typeof actor>[]): RenderSource => ({
  title: 'Patto Val Seriana 2027',
  exportedAt: '2026-12-02T09:30:00.000Z',
  canvases: {
    problems: { nodes: [], edges: [] },
    objectives: { nodes: [], edges: [] },
    stakeholders: { nodes, edges: [] },
  },
})

describe('the exported relationship map', () => {
  it('draws the actors as wide as the map shows them: two side by side do not overlap', () => {
    // on the map, a card 210 px wide (MAP_CARD) beside another 215 px to its right: 5 px apart
    const { svg } = renderCanvas(mapOf([actor('a', 0), actor('b', MAP_CARD.width + 5)]), 'map')
    const box = (id: string) =>
      svg
        .match(
          new RegExp(`<g data-card="${id}"><rect x="([\\d.-]+)" y="[\\d.-]+" width="([\\d.]+)"`),
        )!
        .slice(1)
        .map(Number)
    const [ax, aw] = box('a')
    const [bx] = box('b')
    expect(aw).toBe(MAP_CARD.width)
    expect(ax! + aw!).toBeLessThan(bx!)
  })
})

describe('the exported map’s relations', () => {
  /** Three actors in a row, 90 px apart, and three below: each line would pass a card between. */
  const grid = [0, 1, 2].flatMap((row) =>
    [0, 1, 2].map((column) => ({
      ...actor(`r${row}c${column}`, column * 300),
      y: row * 200,
    })),
  )
  const RELATIONS = [
    ['r0c0', 'r0c2', 'cooperation'],
    ['r0c0', 'r2c0', 'information'],
    ['r0c0', 'r2c2', 'conflict'],
    ['r2c0', 'r0c2', 'funding'],
  ]
  const board: RenderSource = {
    ...mapOf(grid),
    canvases: {
      ...mapOf(grid).canvases,
      stakeholders: {
        nodes: grid,
        edges: RELATIONS.map(([source, target, kind], i) => ({
          id: `rel-${i}`,
          kind,
          source,
          target,
        })),
      },
    },
  }

  /** Each relation's line as points: a straight <line> or a path of lines and curves. */
  function relationLines(svg: string): { x: number; y: number }[][] {
    // the relations are drawn first in the drawing's group, before the cards
    const drawing = svg.slice(svg.indexOf('<g transform="translate('), svg.indexOf('<g data-card'))
    const lines = [
      ...drawing.matchAll(/<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"/g),
    ].map((m) => [
      { x: Number(m[1]), y: Number(m[2]) },
      { x: Number(m[3]), y: Number(m[4]) },
    ])
    const paths = [...drawing.matchAll(/<path data-relation="[^"]*" d="([^"]+)"/g)].map((m) => {
      const points: { x: number; y: number }[] = []
      for (const [, op, args] of m[1]!.matchAll(/([MLQ])([^MLQ]+)/g)) {
        const xy = args!
          .trim()
          .split(/[\s,]+/)
          .map(Number)
        const at = (i: number) => ({ x: xy[2 * i]!, y: xy[2 * i + 1]! })
        if (op !== 'Q') points.push(at(0))
        else {
          const s = points[points.length - 1]!
          const [c, e] = [at(0), at(1)]
          for (let t = 0.05; t <= 1.0001; t += 0.05)
            points.push({
              x: (1 - t) ** 2 * s.x + 2 * (1 - t) * t * c.x + t * t * e.x,
              y: (1 - t) ** 2 * s.y + 2 * (1 - t) * t * c.y + t * t * e.y,
            })
        }
      }
      return points
    })
    return [...lines, ...paths]
  }

  /** Each card's box in the drawing, by id. */
  const boxes = (svg: string) =>
    new Map(
      [
        ...svg.matchAll(
          /<g data-card="([^"]+)"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g,
        ),
      ].map((m) => [m[1]!, { x: +m[2]!, y: +m[3]!, width: +m[4]!, height: +m[5]! }]),
    )

  it('runs no relation over a card it does not join', () => {
    const { svg } = renderCanvas(board, 'map')
    const cards = boxes(svg)
    const lines = relationLines(svg)
    expect(lines).toHaveLength(RELATIONS.length)
    const over: string[] = []
    lines.forEach((points, i) => {
      const [source, target] = RELATIONS[i]!
      for (const [id, b] of cards) {
        if (id === source || id === target) continue
        // followed every 2 px
        for (let k = 1; k < points.length; k++) {
          const [p, q] = [points[k - 1]!, points[k]!]
          const steps = Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / 2)
          let hit = false
          for (let n = 0; n <= steps && !hit; n++) {
            const x = p.x + ((q.x - p.x) * n) / steps
            const y = p.y + ((q.y - p.y) * n) / steps
            hit = x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height
          }
          if (hit) {
            over.push(`rel-${i} over ${id}`)
            break
          }
        }
      }
    })
    expect(over).toEqual([])
  })

  it('draws the lines under the cards, and the same picture for the same board', () => {
    const { svg } = renderCanvas(board, 'map')
    expect(svg.lastIndexOf('data-relation')).toBeLessThan(svg.indexOf('<g data-card'))
    expect(renderCanvas(board, 'map').svg).toBe(svg)
  })
  it('draws A→B and B→A apart, and three relations between two actors in three lanes, as the page does', () => {
    const pair: RenderSource = {
      ...mapOf(grid),
      canvases: {
        ...mapOf(grid).canvases,
        stakeholders: {
          nodes: grid,
          edges: [
            ['r0c0', 'r0c1', 'funding'],
            ['r0c1', 'r0c0', 'information'],
            ['r1c0', 'r1c1', 'cooperation'],
            ['r1c1', 'r1c0', 'conflict'],
            ['r1c0', 'r1c1', 'information'],
          ].map(([source, target, kind], i) => ({ id: `pair-${i}`, kind, source, target })),
        },
      },
    }
    const lines = relationLines(renderCanvas(pair, 'map').svg)
    expect(lines).toHaveLength(5)
    // each line's middle point: no two of the same pair within 20 px of each other
    const mids = lines.map((points) => points[Math.floor(points.length / 2)]!)
    const apart = (a: number, b: number) =>
      Math.hypot(mids[a]!.x - mids[b]!.x, mids[a]!.y - mids[b]!.y) > 20
    expect([apart(0, 1), apart(2, 3), apart(2, 4), apart(3, 4)]).toEqual([true, true, true, true])
  })
})
