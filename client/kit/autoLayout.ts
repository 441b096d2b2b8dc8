import type { XY } from '../store/actions.ts'

export interface LayoutCard {
  id: string
  width: number
  height: number
}
export interface LayoutLink {
  source: string
  target: string
}

/** dagre's layered layout of the tree, causes (link sources) below, effects above. */
async function dagreLayout(cards: LayoutCard[], links: LayoutLink[]) {
  const dagre = await import('@dagrejs/dagre')
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'BT', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  const known = new Set(cards.map((c) => c.id))
  for (const c of cards) g.setNode(c.id, { width: c.width, height: c.height })
  for (const l of links)
    if (known.has(l.source) && known.has(l.target) && l.source !== l.target)
      g.setEdge(l.source, l.target)
  dagre.layout(g)
  return (id: string) => g.node(id) as { x: number; y: number }
}

/**
 * The links in the order that has dagre keep the cards' order: it lays the cards linked to one
 * card in the reverse of the order their links were added, so added from the last card of
 * `ids` to the first, they come out in the order of `ids`.
 */
function inDagreOrder(ids: string[], links: LayoutLink[]): LayoutLink[] {
  const at = new Map(ids.map((id, i) => [id, i]))
  const place = (l: LayoutLink) => [at.get(l.source) ?? -1, at.get(l.target) ?? -1] as const
  return [...links].sort((a, b) => {
    const [as, at_] = place(a)
    const [bs, bt] = place(b)
    return bs - as || bt - at_
  })
}

/**
 * Lays the problem tree out in layers with dagre (loaded on first use, so it costs nothing at
 * start-up): links point from cause to effect, so ranking bottom-to-top puts causes below the
 * core problem and effects above it. Where no crossing of links decides, the cards keep the
 * order they had left to right (their `x`): «Disponi albero» turned causes A, B, C into C, B, A.
 * Returns top-left positions.
 */
export async function layoutTree(
  cards: (LayoutCard & { x: number })[],
  links: LayoutLink[],
): Promise<Map<string, XY>> {
  const placed = [...cards].sort((a, b) => a.x - b.x)
  const centre = await dagreLayout(
    placed,
    inDagreOrder(
      placed.map((c) => c.id),
      links,
    ),
  )
  const out = new Map<string, XY>()
  for (const c of cards) {
    const n = centre(c.id)
    out.set(c.id, { x: Math.round(n.x - c.width / 2), y: Math.round(n.y - c.height / 2) })
  }
  return out
}

/**
 * The tree's layers, top (the farthest effects) to bottom (the deepest causes), each ordered
 * left to right as dagre orders it to keep links from crossing, and where no crossing decides,
 * as `ids` lists the cards (the projector lists them as the room placed them, left to right).
 * Only the shape matters here: every card counts as the same size.
 */
export async function treeLayers(ids: string[], links: LayoutLink[]): Promise<string[][]> {
  const centre = await dagreLayout(
    ids.map((id) => ({ id, width: 100, height: 50 })),
    inDagreOrder(ids, links),
  )
  const byRow = new Map<number, { id: string; x: number }[]>()
  for (const id of ids) {
    const { x, y } = centre(id)
    const row = Math.round(y)
    if (!byRow.has(row)) byRow.set(row, [])
    byRow.get(row)!.push({ id, x })
  }
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row.sort((a, b) => a.x - b.x).map((c) => c.id))
}

export interface ScreenLayoutOptions {
  /** The screen (the canvas's size in CSS px) the tree must fill. */
  screen: { width: number; height: number }
  /** Between cards of a row. */
  gapX: number
  /** Between the rows one layer wraps into. */
  gapWrap: number
  /** Between layers. */
  gapLayer: number
}

export interface ScreenLayout {
  positions: Map<string, XY>
  width: number
  height: number
  /** The zoom at which the whole tree fills the screen. */
  scale: number
  /** The most cards in one row. */
  perRow: number
}

/**
 * The tree laid out for a big screen: layer under layer as in the editor, but a layer wider
 * than the screen allows wraps into several rows, and the number of cards per row is the one
 * at which the whole tree can be shown largest on `screen` — a 16:9 projector fits a wide tree
 * in its height instead of shrinking it to its width. A wrapped layer is laid like bricks: its
 * cards keep their order left to right, dealt in turn to its rows, each row shifted by a
 * fraction of a card, so siblings stay under their parent and a link from a lower row rises
 * between the cards of the row above instead of behind one. Positions are top-left corners.
 */
export function layoutForScreen(
  layers: string[][],
  sizeOf: (id: string) => { width: number; height: number },
  options: ScreenLayoutOptions,
): ScreenLayout {
  const { screen, gapX, gapWrap, gapLayer } = options
  const filled = layers.filter((l) => l.length > 0)
  // each card's size asked once: every number of cards per row below reads it several times
  const sizes = new Map(filled.flat().map((id) => [id, sizeOf(id)]))
  const size = (id: string) => sizes.get(id)!
  const widest = Math.max(1, ...filled.map((l) => l.length))
  let best: ScreenLayout | null = null
  for (let perRow = widest; perRow >= 1; perRow--) {
    const placed = filled.map((layer) => {
      const rows = Math.ceil(layer.length / perRow)
      const pitch = Math.max(...layer.map((id) => size(id).width)) + gapX
      // card i: row i mod rows, at i × pitch / rows from the layer's left edge
      const xs = layer.map((_, i) => (i * pitch) / rows)
      const width = xs[xs.length - 1]! + size(layer[layer.length - 1]!).width
      // each row as tall as its tallest card (card i is in row i mod rows)
      const heights = Array.from({ length: rows }, () => -Infinity)
      layer.forEach((id, i) => (heights[i % rows] = Math.max(heights[i % rows]!, size(id).height)))
      return { layer, rows, xs, width, heights }
    })
    const width = Math.max(...placed.map((p) => p.width))
    const positions = new Map<string, XY>()
    let y = 0
    placed.forEach((p, i) => {
      if (i > 0) y += gapLayer
      const rowTops: number[] = []
      p.heights.reduce((top, h) => (rowTops.push(top), top + h + gapWrap), y)
      const left = (width - p.width) / 2
      p.layer.forEach((id, j) => {
        const r = j % p.rows
        // a short card sits in the middle of its row's height
        const top = rowTops[r]! + (p.heights[r]! - size(id).height) / 2
        positions.set(id, { x: Math.round(left + p.xs[j]!), y: Math.round(top) })
      })
      y += p.heights.reduce((sum, h) => sum + h, 0) + gapWrap * (p.rows - 1)
    })
    const scale = Math.min(screen.width / width, screen.height / y)
    // fewer rows win a tie: the tree reads as layers for as long as it can
    if (!best || scale > best.scale * 1.001) best = { positions, width, height: y, scale, perRow }
  }
  return best!
}

/** Whether laying cards out at `places` moves any of them (by more than half a pixel). */
export function movesAny(nodes: { id: string; position: XY }[], places: Map<string, XY>): boolean {
  return nodes.some((n) => {
    const to = places.get(n.id)
    return !!to && Math.hypot(to.x - n.position.x, to.y - n.position.y) > 0.5
  })
}
