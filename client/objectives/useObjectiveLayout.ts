import { useCallback } from 'react'
import { useBoardSession } from '../store/context.tsx'
import { layoutTree, movesAny } from '../kit/autoLayout.ts'
import { CARD_W, heightOf } from '../kit/placement.ts'

/**
 * "Disponi albero": the objective tree in layers, means below and ends above (links point from
 * means to end, like cause → effect), each card at its measured size; one undoable step that
 * everyone sees. The tree stays where people were looking: anchored on its first end.
 */
export function useObjectiveLayout() {
  const { store, actions } = useBoardSession()
  return useCallback(async () => {
    const { nodes, edges } = store.getState().canvases.objectives
    if (!nodes.length) return false
    const cards = nodes.map((n) => ({
      id: n.id,
      x: n.position.x,
      width: n.measured?.width ?? CARD_W,
      // a selected long text, shown whole for now, counts cut (placement.ts)
      height: heightOf(n),
    }))
    const positions = await layoutTree(cards, edges)
    // the top-left card before and after: the tree does not jump across the canvas
    const corner = (xs: { x: number; y: number }[]) => ({
      x: Math.min(...xs.map((p) => p.x)),
      y: Math.min(...xs.map((p) => p.y)),
    })
    const before = corner(nodes.map((n) => n.position))
    const after = corner([...positions.values()])
    const dx = before.x - after.x
    const dy = before.y - after.y
    const places = new Map([...positions].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]))
    actions.beginGesture()
    actions.moveCards('objectives', places)
    return movesAny(nodes, places)
  }, [store, actions])
}
