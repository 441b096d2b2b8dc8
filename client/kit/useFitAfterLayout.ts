import { useCallback, useRef } from 'react'

/**
 * Fits the view for whoever laid the tree out, once the cards have glided to their places:
 * `laidOut(moved)` after the layout's moves are in the document (at once when none moved),
 * `settled` for useAnimatedNodes, which calls it when the cards shown are where the document
 * has them.
 */
export function useFitAfterLayout(fit: () => void) {
  const pending = useRef(false)
  const laidOut = useCallback(
    (moved: boolean) => {
      if (moved) pending.current = true
      else fit()
    },
    [fit],
  )
  const settled = useCallback(() => {
    if (!pending.current) return
    pending.current = false
    fit()
  }, [fit])
  return { laidOut, settled }
}
