import { describe, expect, it } from 'vitest'
import { layoutForScreen, treeLayers, type LayoutLink } from '../../client/kit/autoLayout.ts'
import { cardHeight, chooseCardWidth, type TextMetrics } from '../../client/projector/cardWidth.ts'
import { heldLayers, placeCards } from '../../client/projector/heldLayers.ts'

/** Roughly the projector's 24 px text: every character 13 px wide, lines 29 px apart. */
const metrics: TextMetrics = {
  fontPx: 24,
  lineHeight: 29,
  chromePx: 26,
  insetPx: 26,
  measure: (text) => text.length * 13,
}
const gaps = { gapX: 22, gapWrap: 24, gapLayer: 54 }
const SCREENS = [
  { width: 1896, height: 1056 },
  { width: 1342, height: 744 },
]
const WORDS = ['giovani', 'servizi', 'imprese', 'scarsa', 'orientamento', 'della', 'valle', 'per']

interface Tree {
  cards: { id: string; label: string; bold: boolean; x: number; y: number }[]
  links: LayoutLink[]
}

/** Deterministic words, `length` characters or a little less. */
function text(seed: number, length: number): string {
  const words: string[] = []
  for (let i = 0; words.join(' ').length < length; i++)
    words.push(WORDS[(seed * 7 + i * 3) % WORDS.length]!)
  return words.join(' ').slice(0, length).trim()
}

/**
 * A problem tree as a workshop grows one: the core, layers of causes below it (each card with
 * up to `fanout` causes of its own) and effects above, placed on the board as the editor's
 * grid does (200-px cards 250 px apart).
 */
function problemTree(total: number, fanout: number, firstLayer: number, textLength: number): Tree {
  const cards: Tree['cards'] = [{ id: 'core', label: text(0, 60), bold: true, x: 0, y: 0 }]
  const links: LayoutLink[] = []
  let parents = ['core']
  let size = firstLayer
  for (let depth = 1; cards.length < total; depth++) {
    const layer: string[] = []
    for (let i = 0; i < size && cards.length < total; i++) {
      const id = `d${depth}-${i}`
      const length = textLength > 0 ? textLength : 20 + ((i * 37 + depth * 11) % 70)
      cards.push({ id, label: text(cards.length, length), bold: false, x: i * 250, y: depth * 170 })
      const parent = parents[Math.floor((i * parents.length) / size)]!
      // a few effects above the core, causes below it
      links.push(
        depth === 1 && i < 3 ? { source: parent, target: id } : { source: id, target: parent },
      )
      layer.push(id)
    }
    parents = layer
    size = layer.length * fanout
  }
  return { cards, links }
}

const SHAPES: [string, Tree][] = [
  ['25 cards', problemTree(25, 2, 6, 0)],
  ['40 cards', problemTree(40, 3, 6, 0)],
  ['60 cards', problemTree(60, 3, 6, 0)],
  ['100 cards', problemTree(100, 4, 6, 0)],
  ['40 cards under one core (wide)', problemTree(40, 1, 39, 0)],
  ['40 cards, two per layer (deep)', problemTree(40, 1, 2, 0)],
  ['40 cards of 150 characters', problemTree(40, 3, 6, 150)],
]

type Box = { x: number; y: number; width: number; height: number }
/** The pairs of cards whose boxes intersect. */
function overlapping(boxes: Map<string, Box>): string[] {
  const all = [...boxes]
  const out: string[] = []
  all.forEach(([a, p], i) =>
    all.slice(i + 1).forEach(([b, q]) => {
      if (
        p.x < q.x + q.width &&
        q.x < p.x + p.width &&
        p.y < q.y + q.height &&
        q.y < p.y + p.height
      )
        out.push(`${a}/${b}`)
    }),
  )
  return out
}

/** The projector's arrangement of `tree` on `screen`, as useScreenLayout makes it. */
function arrange(tree: Tree, layers: string[][], screen: Box | { width: number; height: number }) {
  const width = chooseCardWidth(tree.cards, layers, metrics, { screen, ...gaps })
  const byId = new Map(tree.cards.map((c) => [c.id, c]))
  const size = (id: string) => ({ width, height: cardHeight(byId.get(id)!, width, metrics) })
  const layout = layoutForScreen(layers, size, { screen, ...gaps })
  const boxes = new Map([...layout.positions].map(([id, p]) => [id, { ...p, ...size(id) }]))
  return { width, layout, boxes }
}

describe('the projector never lays cards on top of each other', () => {
  for (const [name, tree] of SHAPES)
    for (const screen of SCREENS)
      it(`${name} on ${screen.width}×${screen.height}`, async () => {
        const layers = await treeLayers(
          tree.cards.map((c) => c.id),
          tree.links,
        )
        const { width, boxes } = arrange(tree, layers, screen)
        expect(boxes.size).toBe(tree.cards.length)
        expect(width).toBeGreaterThanOrEqual(260)
        expect(overlapping(boxes)).toEqual([])
      })

  it('a card measured before its text grew is laid out at its new text’s height', () => {
    const short = { label: text(1, 30), bold: false }
    const long = { label: text(1, 150), bold: false }
    const measuredShort = cardHeight(short, 300, metrics)
    expect(cardHeight(long, 300, metrics, measuredShort)).toBeGreaterThan(measuredShort + 50)
    // taller than its text (tags, a branch's name): the measured height
    expect(cardHeight(short, 300, metrics, measuredShort + 40)).toBe(measuredShort + 40)
  })

  it('while the layers of a grown tree are computed, the cards keep their arrangement', async () => {
    const tree = problemTree(40, 3, 6, 0)
    const ids = tree.cards.map((c) => c.id)
    const layers = await treeLayers(ids, tree.links)
    const before = arrange(tree, layers, SCREENS[0]!)
    // a cause added under the core: the shape changed, its layers are not known yet
    const grown: Tree = {
      cards: [...tree.cards, { id: 'new', label: text(9, 60), bold: false, x: 0, y: 170 }],
      links: [...tree.links, { source: 'new', target: 'core' }],
    }
    const held = heldLayers({ shape: 'before', layers }, [...ids, 'new'])
    expect(held).not.toBeNull()
    const meanwhile = arrange(grown, held!, SCREENS[0]!)
    const nodes = grown.cards.map((c) => ({ id: c.id, position: { x: c.x, y: c.y } }))
    const drawn = placeCards(nodes, {
      whole: meanwhile.layout.positions,
      shown: meanwhile.layout.positions,
      focus: null,
    })
    // every card drawn is in the arrangement, where it was; the new one waits for its place
    expect(drawn.map((n) => n.id).sort()).toEqual([...ids].sort())
    for (const n of drawn) expect(n.position).toEqual(before.layout.positions.get(n.id))
    const boxes = new Map(
      drawn.map((n) => [
        n.id,
        { ...n.position, width: meanwhile.width, height: meanwhile.boxes.get(n.id)!.height },
      ]),
    )
    expect(overlapping(boxes)).toEqual([])
    // a card removed meanwhile leaves its layer at once
    expect(heldLayers({ shape: 'before', layers }, ids.slice(1))?.flat()).not.toContain('core')
  })

  it('draws nothing before the first arrangement', () => {
    const nodes = [{ id: 'a', position: { x: 0, y: 0 } }]
    expect(heldLayers(null, ['a'])).toBeNull()
    expect(placeCards(nodes, null)).toEqual([])
  })
})
