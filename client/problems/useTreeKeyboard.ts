import { useEffect } from 'react'
import { controlKeepsKey } from '../lib/dom.ts'
import { holdKey } from '../text/typeAhead.ts'
import { useBoardSession } from '../store/context.tsx'
import { canEdit, isFacilitator } from '../store/boardStore.ts'
import { selectOnly, selectedIds } from '../store/selection.ts'
import type { CardNode } from '../store/projection.ts'
import type { useTreeEditing } from './useTreeEditing.ts'

const center = (n: CardNode) => ({
  x: n.position.x + (n.measured?.width ?? 200) / 2,
  y: n.position.y + (n.measured?.height ?? 80) / 2,
})

/** The card in `candidates` closest to `from`, weighing horizontal distance. */
function nearest(from: CardNode, candidates: CardNode[]): CardNode | undefined {
  const a = center(from)
  let best: CardNode | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const b = center(c)
    const d = Math.abs(a.x - b.x) + Math.abs(a.y - b.y) * 0.5
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return best
}

/**
 * Keyboard-first editing of the problem tree, for a facilitator typing what the room says:
 * N new card · Tab cause below · Shift+Tab effect above · Enter edit · arrows move the selection
 * along the tree (↓ causes, ↑ effects, ← → neighbours) · L auto-layout · Esc deselect.
 */
export function useTreeKeyboard(editing: ReturnType<typeof useTreeEditing>): void {
  const { store, actions } = useBoardSession()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const state = store.getState()
      // a focused button keeps its Tab and Enter: a keyboard user reaches the menus and the
      // inspector while a card is selected (Tab added a cause, Enter opened the card instead)
      if (state.tab !== 'problems' || controlKeepsKey(e.target, e.key)) return
      if (e.ctrlKey || e.metaKey || e.altKey) return
      if (document.querySelector('[aria-modal="true"]')) return
      const { nodes, edges } = state.canvases.problems
      const ids = selectedIds(store, 'problems')
      const current = ids.length === 1 ? nodes.find((n) => n.id === ids[0]) : undefined
      const editable = canEdit(state)
      const go = (target: CardNode | undefined) => {
        if (!target) return
        selectOnly(store, 'problems', target.id)
        editing.reveal(target.id)
      }
      let handled = true
      switch (e.key) {
        case 'n':
        case 'N':
          if (editable) editing.addAtCenter()
          break
        case 'Tab':
          if (current && editable) editing.addRelated(current.id, e.shiftKey ? 'effect' : 'cause')
          else handled = false
          break
        case 'Enter':
          if (current && editable) actions.setEditing(current.id)
          else handled = false
          break
        case 'Backspace':
          // Fixing a typo of the card just written: open its text and delete the last letter.
          if (current && editable) {
            actions.setEditing(current.id)
            holdKey({ key: 'Backspace' })
          } else handled = false
          break
        case 'l':
        case 'L':
          // Re-laying out the room's tree is the facilitator's call.
          if (isFacilitator(state)) void editing.autoLayout()
          break
        case 'Escape':
          selectOnly(store, 'problems', null)
          break
        case 'ArrowDown':
        case 'ArrowUp': {
          if (!current) {
            go(nodes.find((n) => n.data.role === 'core') ?? nodes[0])
            break
          }
          const down = e.key === 'ArrowDown'
          const related = edges
            .filter((l) => (down ? l.target === current.id : l.source === current.id))
            .map((l) => nodes.find((n) => n.id === (down ? l.source : l.target)))
            .filter((n): n is CardNode => !!n)
          go(nearest(current, related))
          break
        }
        case 'ArrowLeft':
        case 'ArrowRight': {
          if (!current) {
            go(nodes[0])
            break
          }
          const c = center(current)
          const sign = e.key === 'ArrowRight' ? 1 : -1
          const side = nodes.filter((n) => n !== current && (center(n).x - c.x) * sign > 1)
          const row = side.filter((n) => Math.abs(center(n).y - c.y) < 60)
          // past the row's end, on to a card of the same kind (a wide layer laid out in several
          // rows), never into another layer (an effect's arrow reached a cause two layers down)
          const sameKind = side.filter((n) => n.data.role === current.data.role)
          go(nearest(current, row.length ? row : sameKind))
          break
        }
        default:
          handled = false
      }
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, actions, editing])
}
