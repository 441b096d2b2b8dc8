import { useCallback, useEffect, useState } from 'react'
import { useReactFlow } from '@xyflow/react'
import type { ProblemRole } from '../../shared/schema/index.ts'
import { useBoardSession } from '../store/context.tsx'
import { isFacilitator } from '../store/boardStore.ts'
import { selectOnly } from '../store/selection.ts'
import { layoutTree, movesAny } from '../kit/autoLayout.ts'
import { CARD_H, CARD_W, freeSpot, heightOf, layerOffset } from '../kit/placement.ts'
import { freshPlacements } from '../kit/freshPlacements.ts'
import { revealCard } from '../kit/treeWalk.ts'

/**
 * The editing moves of the problem tree shared by the toolbar and the keyboard: add a card,
 * add a cause below or an effect above the selected card, bring a card into view, lay out.
 */
/** `onLaidOut`: after an auto-layout, once its moves are in the document (`moved`: any card). */
export function useTreeEditing({ onLaidOut }: { onLaidOut?: (moved: boolean) => void } = {}) {
  const { store, actions } = useBoardSession()
  const flow = useReactFlow()
  const problems = () => store.getState().canvases.problems
  // a card added here at the moment someone else added one on the same spot moves off it
  const [fresh] = useState(freshPlacements)
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const { nodes } = s.canvases.problems
        if (!fresh.any || nodes === prev.canvases.problems.nodes) return
        const moves = fresh.moves(nodes)
        // not inside the store's own update
        if (moves.size) queueMicrotask(() => actions.nudgeCards('problems', moves))
      }),
    [store, actions, fresh],
  )

  /** Pans (keeping the zoom) so the card is on screen. */
  const reveal = useCallback(
    (id: string) => {
      const node = problems().nodes.find((n) => n.id === id)
      if (node) revealCard(flow, document.querySelector('.canvas'), node)
    },
    [flow, store],
  )

  const startEditing = useCallback(
    (id: string) => {
      selectOnly(store, 'problems', id)
      actions.setEditing(id)
      requestAnimationFrame(() => reveal(id))
    },
    [store, actions, reveal],
  )

  /**
   * The role of a card made without saying what it is (N, a double-click): the core problem is
   * chosen deliberately — from the "+ Problema" menu or the card's role — except when the
   * facilitator starts an empty tree, which is that choice; any other such card is a cause
   * waiting to be linked.
   */
  const newCardRole = useCallback((): ProblemRole => {
    const state = store.getState()
    const empty = state.canvases.problems.nodes.length === 0
    return empty && isFacilitator(state) ? 'core' : 'cause'
  }, [store])

  const addAtCenter = useCallback(
    (role: ProblemRole = newCardRole()) => {
      const el = document.querySelector('.react-flow')?.getBoundingClientRect()
      const center = flow.screenToFlowPosition({
        x: (el?.left ?? 0) + (el?.width ?? 800) / 2,
        y: (el?.top ?? 0) + (el?.height ?? 600) / 2,
      })
      const { nodes } = problems()
      const at = freeSpot({ x: center.x - CARD_W / 2, y: center.y - CARD_H / 2 }, nodes)
      const id = actions.addProblem(at, role)
      if (id) {
        fresh.placed(id, at)
        startEditing(id)
      }
      return id
    },
    [flow, store, actions, startEditing, newCardRole, fresh],
  )

  /** A cause goes below the card and points to it; an effect goes above and is pointed to. */
  const addRelated = useCallback(
    (fromId: string, kind: 'cause' | 'effect') => {
      const { nodes } = problems()
      const from = nodes.find((n) => n.id === fromId)
      if (!from) return null
      const at = freeSpot(
        { x: from.position.x, y: from.position.y + layerOffset(from, kind) },
        nodes,
      )
      let id: string | null = null
      actions.transact(() => {
        id = actions.addProblem(at, kind)
        if (!id) return
        if (kind === 'cause') actions.linkCauseToEffect(id, from.id)
        else actions.linkCauseToEffect(from.id, id)
      })
      if (id) {
        fresh.placed(id, at)
        startEditing(id)
      }
      return id
    },
    [store, actions, startEditing, fresh],
  )

  /** Lays the tree out in layers around the core problem; one undoable step for everyone. */
  const autoLayout = useCallback(async () => {
    const { nodes, edges } = problems()
    if (!nodes.length) return
    const cards = nodes.map((n) => ({
      id: n.id,
      x: n.position.x,
      width: n.measured?.width ?? CARD_W,
      // a selected long text, shown whole for now, counts cut (placement.ts)
      height: heightOf(n),
    }))
    const positions = await layoutTree(cards, edges)
    // keep the tree where people were looking: anchor on the core problem (or the first card)
    const anchor = nodes.find((n) => n.data.role === 'core') ?? nodes[0]!
    const target = positions.get(anchor.id)!
    const dx = anchor.position.x - target.x
    const dy = anchor.position.y - target.y
    const places = new Map([...positions].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]))
    const moved = movesAny(nodes, places)
    actions.beginGesture()
    actions.moveCards('problems', places)
    onLaidOut?.(moved)
  }, [store, actions, onLaidOut])

  return { addAtCenter, addRelated, newCardRole, startEditing, reveal, autoLayout }
}
