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

/**
 * Lays the problem tree out in layers with dagre (loaded on first use, so it costs nothing at
 * start-up): links point from cause to effect, so ranking bottom-to-top puts causes below the
 * core problem and effects above it. Returns top-left positions.
 */
export async function layoutTree(
  cards: LayoutCard[],
  links: LayoutLink[],
): Promise<Map<string, XY>> {
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
  const out = new Map<string, XY>()
  for (const c of cards) {
    const n = g.node(c.id) as { x: number; y: number }
    out.set(c.id, { x: Math.round(n.x - c.width / 2), y: Math.round(n.y - c.height / 2) })
  }
  return out
}
