import type { CanvasName } from '../../shared/schema/index.ts'
import type { BoardState, BoardStore } from './boardStore.ts'
import type { CardData } from './projection.ts'

/** Selects exactly one card of a canvas (or none): selection is local, never in the document. */
export function selectOnly(store: BoardStore, canvas: CanvasName, id: string | null): void {
  store.setState((s) => {
    const c = s.canvases[canvas]
    const nodes = c.nodes.map((n) =>
      !!n.selected === (n.id === id) ? n : { ...n, selected: n.id === id },
    )
    const edges = c.edges.map((e) => (e.selected ? { ...e, selected: false } : e))
    return { canvases: { ...s.canvases, [canvas]: { nodes, edges } } }
  })
}

export function selectedIds(store: BoardStore, canvas: CanvasName): string[] {
  return store
    .getState()
    .canvases[canvas].nodes.filter((n) => n.selected)
    .map((n) => n.id)
}

/** A selected card as the panels read it: its id and its data, not where it is. */
export interface SelectedCard<D extends CardData = CardData> {
  id: string
  data: D
}

/**
 * A selector of the selected cards of `canvas`, returning the same array while they keep their
 * ids and data: panels that show the selection re-render when it or a selected card's data
 * changes, not at every frame while the selected card is dragged (a new node each frame).
 */
export function selectedCardsSelector(canvas: CanvasName): (s: BoardState) => SelectedCard[] {
  let last: SelectedCard[] = []
  return (s) => {
    const next: SelectedCard[] = []
    for (const n of s.canvases[canvas].nodes) if (n.selected) next.push({ id: n.id, data: n.data })
    const same =
      next.length === last.length &&
      next.every((c, i) => c.id === last[i]!.id && c.data === last[i]!.data)
    if (!same) last = next
    return last
  }
}
