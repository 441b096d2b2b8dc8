import { useEffect } from 'react'
import { useBoardSession } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'
import { holdKey } from '../text/typeAhead.ts'
import { controlKeepsKey } from '../lib/dom.ts'

/**
 * Enter edits the selected objective, Backspace opens it to fix its last letter, as on the
 * problem tree (mounted with the canvas only).
 */
export function useObjectiveShortcuts(): void {
  const { store, actions } = useBoardSession()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'Enter' && e.key !== 'Backspace') || e.ctrlKey || e.metaKey || e.altKey) return
      if (
        controlKeepsKey(e.target, e.key) ||
        !canEdit(store.getState()) ||
        store.getState().editingId
      )
        return
      const selected = store.getState().canvases.objectives.nodes.filter((n) => n.selected)
      if (selected.length !== 1) return
      e.preventDefault()
      actions.setEditing(selected[0]!.id)
      if (e.key === 'Backspace') holdKey({ key: 'Backspace' })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, actions])
}
