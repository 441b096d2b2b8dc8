import { useEffect } from 'react'
import { useBoardSession } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  )
}

/** Board-wide keys: undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) and Enter to edit the selected card. */
export function useBoardShortcuts(): void {
  const { store, actions } = useBoardSession()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !canEdit(store.getState())) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault()
        actions.undo()
      } else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault()
        actions.redo()
      } else if (e.key === 'Enter' && !mod && store.getState().tab === 'problems') {
        const selected = store.getState().canvases.problems.nodes.filter((n) => n.selected)
        if (selected.length === 1) {
          e.preventDefault()
          actions.setEditing(selected[0]!.id)
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, actions])
}
