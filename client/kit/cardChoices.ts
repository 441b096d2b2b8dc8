import type { CanvasName } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'
import type { CardNode } from '../store/projection.ts'

/** A card as a menu lists it. */
export interface CardChoice {
  id: string
  label: string
  role: string
  selected: boolean
}

/**
 * A selector of a canvas's cards as the menus list them: the same array while no text, role or
 * selection changes, so the menus re-render then, not at every frame of a drag (checked card by
 * card by identity: a card's data object changes only with its data).
 */
export function cardChoicesOf(canvas: CanvasName): (s: BoardState) => CardChoice[] {
  /** The nodes the last list was made from, and that list. */
  let last: { nodes: CardNode[]; choices: CardChoice[] } | null = null
  return (s) => {
    const nodes = s.canvases[canvas].nodes
    const before = last
    if (
      before &&
      (before.nodes === nodes ||
        (before.nodes.length === nodes.length &&
          nodes.every((n, i) => {
            const was = before.nodes[i]!
            return was.id === n.id && was.data === n.data && !!was.selected === !!n.selected
          })))
    ) {
      before.nodes = nodes
      return before.choices
    }
    const choices = nodes.map((n) => ({
      id: n.id,
      label: String(n.data.label ?? ''),
      role: String(n.data.role ?? ''),
      selected: !!n.selected,
    }))
    last = { nodes, choices }
    return choices
  }
}
