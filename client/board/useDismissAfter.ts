import { useEffect } from 'react'
import { useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

/**
 * Dismisses a notice `ms` after it is shown: this one, not a later one that replaced it in the
 * store (`read`, a selector defined once, tells which is there now; `dismiss` a stable action).
 */
export function useDismissAfter(
  shown: object | null,
  read: (s: BoardState) => unknown,
  dismiss: () => void,
  ms: number,
): void {
  const { store } = useBoardSession()
  useEffect(() => {
    if (!shown) return
    const timer = setTimeout(() => {
      if (read(store.getState()) === shown) dismiss()
    }, ms)
    return () => clearTimeout(timer)
  }, [shown, read, dismiss, ms, store])
}
