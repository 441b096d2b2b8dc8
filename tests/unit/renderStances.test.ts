import { describe, expect, it } from 'vitest'
import { renderCanvas } from '../../shared/render/index.ts'
import type { RenderSource } from '../../shared/render/model.ts'

const actors = [
  { id: 'a1', category: 'public', label: 'Comune di Albino', stance: 'supports' },
  { id: 'a2', category: 'third-sector', label: 'Caritas', stance: 'resists' },
  { id: 'a3', category: 'economic', label: 'Confartigianato', stance: 'neutral' },
  // no stance (an old board): neutral, as the page reads it
  { id: 'a4', category: 'community', label: 'Pro Loco' },
  // not placed yet: in the tray, with its chip too
  { id: 'a5', category: 'community', label: 'Oratorio', stance: 'supports', placed: false },
].map((a, i) => ({
  kind: 'actor',
  power: 0.2 * i,
  interest: 0.9 - 0.2 * i,
  x: i * 300,
  y: 0,
  ...a,
}))

const board: RenderSource = {
  title: 'Patto Val Seriana 2027',
  exportedAt: '2026-12-02T09:30:00.000Z',
  canvases: {
    problems: { nodes: [], edges: [] },
    objectives: { nodes: [], edges: [] },
    stakeholders: { nodes: actors, edges: [] },
  },
}

/** The text of each stance chip inside each card, by card id. */
function chipsByCard(svg: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const card of svg.matchAll(/<g data-card="([^"]+)">(.*?)<\/g>(?=<g data-card|<\/g>)/g)) {
    const chips = [...card[2]!.matchAll(/<g data-chip="stance">.*?<tspan[^>]*>([^<]*)</g)]
    out.set(
      card[1]!,
      chips.map((c) => c[1]!),
    )
  }
  return out
}
const legendChips = (svg: string) =>
  [...svg.matchAll(/<g data-legend="stance">.*?<tspan[^>]*>([^<]*)</g)].map((m) => m[1])

describe('the exported grid and map show each actor’s stance, as the page does', () => {
  for (const canvas of ['grid', 'map'] as const) {
    it(`${canvas}: a chip per actor, and the stances in the legend, in Italian by default`, () => {
      const { svg } = renderCanvas(board, canvas)
      expect(Object.fromEntries(chipsByCard(svg))).toEqual({
        a1: ['✓ Sostiene'],
        a2: ['✕ Resiste'],
        a3: ['= Neutrale'],
        a4: ['= Neutrale'],
        a5: ['✓ Sostiene'],
      })
      expect(legendChips(svg)).toEqual(['✓ Sostiene', '= Neutrale', '✕ Resiste'])
    })
  }

  it('in English when the export is asked in English', () => {
    const { svg } = renderCanvas(board, 'grid', { lang: 'en' })
    expect(chipsByCard(svg).get('a2')).toEqual(['✕ Resists'])
    expect(legendChips(svg)).toEqual(['✓ Supports', '= Neutral', '✕ Resists'])
  })

  it('the chip lies inside its card, under the name', () => {
    const { svg } = renderCanvas(board, 'grid')
    const card = svg.match(
      /<g data-card="a1"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/,
    )!
    const chip = svg.match(
      /data-card="a1">.*?<g data-chip="stance"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/,
    )!
    const [cx, cy, cw, ch] = card.slice(1).map(Number) as [number, number, number, number]
    const [x, y, w, h] = chip.slice(1).map(Number) as [number, number, number, number]
    expect(x).toBeGreaterThan(cx)
    expect(y).toBeGreaterThan(cy + 30)
    expect(x + w).toBeLessThan(cx + cw)
    expect(y + h).toBeLessThan(cy + ch)
  })

  it('on the grid, where the pact needs another stance: its sign, an arrow and that stance, inside the card, as the page’s alignment; not on the map', () => {
    const aligned: RenderSource = {
      ...board,
      canvases: {
        ...board.canvases,
        stakeholders: {
          nodes: [
            { ...actors[2]!, desiredStance: 'supports' },
            { ...actors[0]!, desiredStance: 'supports' },
          ],
          edges: [],
        },
      },
    }
    const desired = (svg: string) =>
      [...svg.matchAll(/<g data-chip="desired">.*?<tspan[^>]*>([^<]*)</g)].map((m) => m[1])
    const grid = renderCanvas(aligned, 'grid').svg
    expect(Object.fromEntries(chipsByCard(grid))).toEqual({ a3: ['='], a1: ['✓ Sostiene'] })
    expect(desired(grid)).toEqual(['✓ Sostiene'])
    expect(grid.match(/data-chip="toward"/g)).toHaveLength(1)
    const card = grid.match(/<g data-card="a3"><rect x="([\d.-]+)" y="[\d.-]+" width="([\d.]+)"/)!
    const chip = grid.match(
      /<g data-chip="desired"><rect x="([\d.-]+)" y="[\d.-]+" width="([\d.]+)"/,
    )!
    expect(Number(chip[1]) + Number(chip[2])).toBeLessThan(Number(card[1]) + Number(card[2]))
    const map = renderCanvas(aligned, 'map').svg
    expect(desired(map)).toEqual([])
    expect(chipsByCard(map).get('a3')).toEqual(['= Neutrale'])
  })
})
