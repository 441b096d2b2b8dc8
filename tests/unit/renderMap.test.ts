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
