/** The tree's layers as last computed, and the shape (cards and links) they were computed for. */
export interface ComputedLayers {
  shape: string
  layers: string[][]
}

/**
 * The layers the projector can lay out now. The layers of a new shape come from dagre,
 * asynchronously; until they arrive, the last ones are kept without the cards that are gone,
 * so the tree stays in its arrangement (a card just added waits, unshown, for its place)
 * instead of falling back for a moment to the board's own places, where cards drawn at the
 * projector's width lie on top of each other. Null before the first layers: nothing to show.
 */
export function heldLayers(computed: ComputedLayers | null, ids: string[]): string[][] | null {
  if (!computed) return null
  const present = new Set(ids)
  return computed.layers
    .map((layer) => layer.filter((id) => present.has(id)))
    .filter((layer) => layer.length > 0)
}

interface Placeable {
  id: string
  position: { x: number; y: number }
  hidden?: boolean
}

/**
 * The cards as the projector draws them: each at its place in the arrangement (`shown`; a card
 * outside a spotlight hidden at its place in the whole tree). Only cards with a place are
 * drawn: before the first arrangement none, rather than the board's places at the projector's
 * width, where they lie on top of each other; a card just added once its layer is known.
 */
export function placeCards<N extends Placeable>(
  nodes: N[],
  arrangement: {
    whole: Map<string, { x: number; y: number }>
    shown: Map<string, { x: number; y: number }>
    focus: Set<string> | null
  } | null,
): N[] {
  if (!arrangement) return []
  const { whole, shown, focus } = arrangement
  return nodes.flatMap((n) => {
    const hidden = !!focus && !focus.has(n.id)
    const at = hidden ? whole.get(n.id) : shown.get(n.id)
    if (!at) return []
    if (n.position.x === at.x && n.position.y === at.y && !!n.hidden === hidden) return [n]
    return [{ ...n, position: at, hidden }]
  })
}
