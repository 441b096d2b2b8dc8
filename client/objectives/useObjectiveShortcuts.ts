import { useEffect, useMemo } from 'react'
import { useReactFlow } from '@xyflow/react'
import { useBoardSession } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'
import { selectOnly, selectedIds } from '../store/selection.ts'
import { holdKey } from '../text/typeAhead.ts'
import { focusCardFrom, focusedCard, isArrowKey, revealCard, walkTree } from '../kit/treeWalk.ts'
import { ToolbarJump } from '../kit/toolbarJump.ts'

/** The objective tree's toolbar (ObjectiveToolbar), where T takes the keyboard. */
export const OBJECTIVE_TOOLBAR_ID = 'objective-tools'

/**
 * The objective tree's keys, as on the problem tree (mounted with the canvas only): Enter edits
 * the selected objective, Backspace opens it to fix its last letter, the arrows move the
 * selection along the tree (↓ its means, ↑ its ends, ← → its neighbours), Escape deselects.
 * A card reached with Tab is the one Enter edits and the arrows move from (the focus follows).
 * T goes to the toolbar, whose tools act on the selected objective: Escape there comes back.
 */
export function useObjectiveShortcuts(): void {
  const { store, actions } = useBoardSession()
  const flow = useReactFlow()
  const jump = useMemo(() => new ToolbarJump(OBJECTIVE_TOOLBAR_ID), [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // an Escape in the toolbar, on its status list too, is the way back to the card
      if (e.ctrlKey || e.metaKey || e.altKey || jump.controlKeeps(e)) return
      const state = store.getState()
      if (state.editingId || document.querySelector('[aria-modal="true"]')) return
      const { nodes, edges } = state.canvases.objectives
      const ids = selectedIds(store, 'objectives')
      const selected = ids.length === 1 ? nodes.find((n) => n.id === ids[0]) : undefined
      const focused = focusedCard(e.target, nodes)
      const current = focused ?? selected
      if (isArrowKey(e.key)) {
        // with none selected, ↑ ↓ start from the core objective (its problem's is the core)
        const core = state.canvases.problems.nodes.find((n) => n.data.role === 'core')?.id
        const target = walkTree(
          e.key,
          current,
          nodes,
          edges,
          () => (core && nodes.find((n) => n.data.derivedFrom === core)) || nodes[0],
        )
        e.preventDefault()
        if (!target) return
        selectOnly(store, 'objectives', target.id)
        revealCard(flow, document.querySelector('.objective-canvas'), target)
        if (focused) focusCardFrom(e.target as Element, target.id)
        return
      }
      if (e.key === 't' || e.key === 'T') {
        if (jump.leave(current?.id ?? null)) e.preventDefault()
        return
      }
      if (e.key === 'Escape') {
        // from the toolbar, back to the card it was reached from (still chosen for its tools)
        if (!jump.escape(e.target, selected?.id ?? null, nodes) && ids.length)
          selectOnly(store, 'objectives', null)
        return
      }
      // Space selects the focused card (what the toolbar's buttons then act on)
      if (e.key === ' ' && focused) {
        e.preventDefault()
        selectOnly(store, 'objectives', focused.id)
        return
      }
      // Backspace fixes the selected card's last letter, not a card the focus only passes by
      const card = e.key === 'Enter' ? current : selected
      if ((e.key !== 'Enter' && e.key !== 'Backspace') || !canEdit(state) || !card) return
      e.preventDefault()
      // the card opened is the selected one, as a click on it makes it
      if (e.key === 'Enter') selectOnly(store, 'objectives', card.id)
      actions.setEditing(card.id)
      if (e.key === 'Backspace') holdKey({ key: 'Backspace' })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, actions, flow, jump])
}
