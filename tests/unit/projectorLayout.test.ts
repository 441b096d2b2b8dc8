import { describe, expect, it } from 'vitest'
import { layoutForScreen, treeLayers } from '../../client/kit/autoLayout.ts'
import { chooseCardWidth, lineCount } from '../../client/projector/cardWidth.ts'
import { mono } from '../helpers/textMetrics.ts'
import { spotlightLayers } from '../../client/projector/spotlight.ts'

const card = () => ({ width: 300, height: 100 })
const gaps = { gapX: 20, gapWrap: 20, gapLayer: 50 }
const screen = { width: 1900, height: 1000 }
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

const overlaps = (pos: Map<string, { x: number; y: number }>, w: number, h: number) => {
  const all = [...pos.values()]
  return all.some((a, i) =>
    all.some((b, j) => i < j && Math.abs(a.x - b.x) < w && Math.abs(a.y - b.y) < h),
  )
}

describe('the projector lays a tree out for the big screen', () => {
  it('wraps a layer wider than the screen allows, so the tree is shown larger', () => {
    const layers = [['core'], ids('c', 12)]
    // a screen as wide as one row is: one row
    const one = layoutForScreen(layers, card, { screen: { width: 1e6, height: 300 }, ...gaps })
    expect(one.perRow).toBe(12)
    const fitted = layoutForScreen(layers, card, { screen, ...gaps })
    expect(fitted.perRow).toBeLessThan(12)
    // the wrapped tree fills the screen better: a larger zoom than the one-row tree
    const oneRowScale = Math.min(screen.width / one.width, screen.height / one.height)
    expect(fitted.scale).toBeGreaterThan(oneRowScale * 1.3)
    expect(overlaps(fitted.positions, 300, 100)).toBe(false)
  })

  it('keeps the layers in order top to bottom and the cards of a layer in order', () => {
    const layers = [ids('e', 2), ['core'], ids('c', 10)]
    const { positions, perRow } = layoutForScreen(layers, card, { screen, ...gaps })
    const rows = Math.ceil(10 / perRow)
    expect(rows).toBeGreaterThan(1)
    const y = (id: string) => positions.get(id)!.y
    const x = (id: string) => positions.get(id)!.x
    expect(y('e0')).toBeLessThan(y('core'))
    for (const c of ids('c', 10)) expect(y(c)).toBeGreaterThan(y('core') + 100)
    // bricks: left to right in the layer's order, alternating rows
    for (let i = 1; i < 10; i++) expect(x(`c${i}`)).toBeGreaterThan(x(`c${i - 1}`))
    expect(y('c1')).not.toBe(y('c0'))
    expect(y(`c${rows}`)).toBe(y('c0'))
  })

  it('lays a narrow, deep tree without wrapping', () => {
    const layers = [['a'], ['b'], ['c']]
    const l = layoutForScreen(layers, card, { screen, ...gaps })
    expect(l.perRow).toBe(1)
    expect(l.height).toBe(3 * 100 + 2 * 50)
  })

  it('finds the layers of a problem tree: effects above, the core, causes below', async () => {
    const layers = await treeLayers(
      ['core', 'e1', 'c1', 'c2', 'r1'],
      [
        { source: 'core', target: 'e1' },
        { source: 'c1', target: 'core' },
        { source: 'c2', target: 'core' },
        { source: 'r1', target: 'c1' },
      ],
    )
    expect(layers).toHaveLength(4)
    expect(layers[0]).toEqual(['e1'])
    expect(layers[1]).toEqual(['core'])
    expect([...layers[2]!].sort()).toEqual(['c1', 'c2'])
    expect(layers[3]).toEqual(['r1'])
  })

  it('lays the causes (and effects) of a card in the order the room placed them, left to right', async () => {
    const links = [
      { source: 'core', target: 'e1' },
      { source: 'core', target: 'e2' },
      { source: 'a', target: 'core' },
      { source: 'b', target: 'core' },
      { source: 'c', target: 'core' },
      { source: 'a1', target: 'a' },
      { source: 'a2', target: 'a' },
    ]
    const permutations = (xs: string[]): string[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) =>
            permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
          )
    for (const causes of permutations(['a', 'b', 'c']))
      for (const [children, effects] of [
        [
          ['a1', 'a2'],
          ['e1', 'e2'],
        ],
        [
          ['a2', 'a1'],
          ['e2', 'e1'],
        ],
      ]) {
        // the board's order left to right, however the links were made
        const ids = [...effects!, 'core', ...causes, ...children!]
        const layers = await treeLayers(ids, [...links].reverse())
        expect(layers, ids.join(' ')).toEqual([effects, ['core'], causes, children])
      }
  })
})

describe('the projector chooses its cards’ width from their texts', () => {
  it('counts wrapped lines', () => {
    expect(lineCount('aaa bbb ccc', 70, mono, false)).toBe(2)
    expect(lineCount('aaa bbb ccc', 110, mono, false)).toBe(1)
    expect(lineCount('one\ntwo', 500, mono, false)).toBe(2)
    expect(lineCount('x'.repeat(25), 100, mono, false)).toBe(3)
  })

  it('narrow cards for a wide tree, wide cards for a deep one', () => {
    const label = 'Una causa scritta per intero con parecchie parole '.repeat(3)
    const wideTree = [ids('c', 20)]
    const deepTree = ids('d', 7).map((id) => [id])
    const texts = (layers: string[][]) => layers.flat().map((id) => ({ id, label, bold: false }))
    const forWide = chooseCardWidth(texts(wideTree), wideTree, mono, { screen, ...gaps })
    const forDeep = chooseCardWidth(texts(deepTree), deepTree, mono, { screen, ...gaps })
    expect(forWide).toBeLessThan(forDeep)
  })
})

describe('a spotlight on the projector', () => {
  const cards = [
    { id: 'core' },
    { id: 'e1' },
    { id: 'c1', cluster: 'k' },
    { id: 'c2' },
    { id: 'r1', cluster: 'k' },
  ]
  const links = [
    { source: 'core', target: 'e1' },
    { source: 'c1', target: 'core' },
    { source: 'c2', target: 'core' },
    { source: 'r1', target: 'c1' },
  ]
  const tree = [['e1'], ['core'], ['c1', 'c2'], ['r1']]

  it('shows a card with its effects above and its causes below', () => {
    expect(spotlightLayers('core', cards, links, tree)).toEqual([['e1'], ['core'], ['c1', 'c2']])
    expect(spotlightLayers('r1', cards, links, tree)).toEqual([['c1'], ['r1']])
  })

  it('shows a branch as its cards in the tree’s layers', () => {
    expect(spotlightLayers('k', cards, links, tree)).toEqual([['c1'], ['r1']])
  })

  it('shows the whole tree for an id that is neither', () => {
    expect(spotlightLayers('gone', cards, links, tree)).toBeNull()
  })
})
