import type { CanvasName } from '../../shared/schema/index.ts'
import type { BoardStore } from './boardStore.ts'

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
