import { useEffect, useMemo } from 'react'
import { ToolbarJump } from '../kit/toolbarJump.ts'
import { holdKey } from '../text/typeAhead.ts'
import { useBoardSession } from '../store/context.tsx'
import { canEdit, isFacilitator } from '../store/boardStore.ts'
import { selectOnly, selectedIds } from '../store/selection.ts'
import type { CardNode } from '../store/projection.ts'
import type { useTreeEditing } from './useTreeEditing.ts'
import { focusCardFrom, focusedCard, walkTree } from '../kit/treeWalk.ts'

/**
 * Keyboard-first editing of the problem tree, for a facilitator typing what the room says:
 * N new card · Tab cause below · Shift+Tab effect above · Enter edit (and select) · Space select
 * the focused card · arrows move the selection
 * along the tree (↓ causes, ↑ effects, ← → neighbours) · L auto-layout · Esc deselect. A card
 * reached with Tab is the one Enter edits and the arrows move from (the focus follows them);
 * Tab itself adds a cause to the selected card only, so that Tab still walks unselected cards.
 * T goes to the toolbar, whose tools act on the selected card (in the page after every card,
 * and Tab from a selected card adds a cause): Escape there comes back to the card.
 */
export function useTreeKeyboard(editing: ReturnType<typeof useTreeEditing>): void {
  const { store, actions } = useBoardSession()
  /** T to the toolbar, and Escape in the toolbar back to the card. */
  const jump = useMemo(() => new ToolbarJump(TOOLBAR_ID), [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const state = store.getState()
      if (state.tab !== 'problems') return
      // a focused button keeps its Tab and Enter: a keyboard user reaches the menus and the
      // inspector while a card is selected (Tab added a cause, Enter opened the card instead);
      // an Escape in the toolbar, on its role list too, is the way back to the card
      if (jump.controlKeeps(e)) return
      if (e.ctrlKey || e.metaKey || e.altKey) return
      if (document.querySelector('[aria-modal="true"]')) return
      const { nodes, edges } = state.canvases.problems
      const ids = selectedIds(store, 'problems')
      const selected = ids.length === 1 ? nodes.find((n) => n.id === ids[0]) : undefined
      const focused = focusedCard(e.target, nodes)
      const current = focused ?? selected
      const editable = canEdit(state)
      const go = (target: CardNode | undefined) => {
        if (!target) return
        selectOnly(store, 'problems', target.id)
        editing.reveal(target.id)
        if (focused) focusCardFrom(e.target as Element, target.id)
      }
      let handled = true
      switch (e.key) {
        case 'n':
        case 'N':
          if (editable) editing.addAtCenter()
          break
        case 'Tab':
          if (selected && editable) editing.addRelated(selected.id, e.shiftKey ? 'effect' : 'cause')
          else handled = false
          break
        case 'Enter':
          // the card opened is the selected one: Tab or Shift+Tab from its text adds its cause
          // or its effect (it added them to a card selected before, elsewhere in the tree)
          if (current && editable) {
            selectOnly(store, 'problems', current.id)
            actions.setEditing(current.id)
          } else handled = false
          break
        case ' ':
          // Space selects the focused card (what the buttons and Tab then act on)
          if (focused) selectOnly(store, 'problems', focused.id)
          else handled = false
          break
        case 'Backspace':
          // Fixing a typo of the card just written: open its text and delete the last letter.
          if (selected && editable) {
            actions.setEditing(selected.id)
            holdKey({ key: 'Backspace' })
          } else handled = false
          break
        case 'l':
        case 'L':
          // Re-laying out the room's tree is the facilitator's call.
          if (isFacilitator(state)) void editing.autoLayout()
          break
        case 't':
        case 'T':
          handled = jump.leave(focused?.id ?? selected?.id ?? null)
          break
        case 'Escape': {
          // from the toolbar, back to the card it was reached from (still chosen for its tools)
          if (!jump.escape(e.target, selected?.id ?? null, nodes))
            selectOnly(store, 'problems', null)
          break
        }
        case 'ArrowDown':
        case 'ArrowUp':
        case 'ArrowLeft':
        case 'ArrowRight':
          go(
            walkTree(
              e.key,
              current,
              nodes,
              edges,
              () => nodes.find((n) => n.data.role === 'core') ?? nodes[0],
            ),
          )
          break
        default:
          handled = false
      }
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, actions, editing, jump])
}

/** The problem tree's toolbar (CanvasToolbar), where T takes the keyboard. */
export const TOOLBAR_ID = 'problem-tools'
