import type { LayoutLink } from '../kit/autoLayout.ts'

export interface SpotCard {
  id: string
  /** The branch (cluster) the card belongs to, if any. */
  cluster?: unknown
}

/**
 * What the projector shows of a spotlight, as layers top to bottom: for a card, its effects
 * above, the card, its causes below (links point from cause to effect); for a branch (a
 * cluster id), the branch's cards in the tree's own layers. Null when the id is neither a card
 * nor a branch of these cards: the projector shows the whole tree.
 */
export function spotlightLayers(
  id: string,
  cards: SpotCard[],
  links: LayoutLink[],
  treeLayers: string[][],
): string[][] | null {
  const known = new Set(cards.map((c) => c.id))
  if (known.has(id)) {
    const effects = links.filter((l) => l.source === id && known.has(l.target)).map((l) => l.target)
    const causes = links.filter((l) => l.target === id && known.has(l.source)).map((l) => l.source)
    // in the tree's left-to-right order, so the picture matches the whole tree's
    const order = new Map(treeLayers.flat().map((c, i) => [c, i]))
    const sorted = (ids: string[]) =>
      [...new Set(ids)]
        .filter((c) => c !== id)
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    return [sorted(effects), [id], sorted(causes)].filter((l) => l.length > 0)
  }
  const branch = new Set(cards.filter((c) => c.cluster === id).map((c) => c.id))
  if (!branch.size) return null
  return treeLayers.map((l) => l.filter((c) => branch.has(c))).filter((l) => l.length > 0)
}
