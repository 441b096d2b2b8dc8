import { useEffect } from 'react'
import { isTyping } from '../lib/dom.ts'
import { useBoardSession } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'

/** Board-wide keys: undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y). */
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
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, actions])
}
