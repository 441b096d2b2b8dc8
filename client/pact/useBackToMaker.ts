import { useEffect, useRef } from 'react'
import { focusQuietly } from '../lib/dom.ts'

/**
 * Where the keyboard goes when a record just made is given up (Escape in its first text takes
 * the record away, and the field with it): back to what made it (its «+» button), not to the
 * page's body, where a keyboard starts again from the top. `ids`: the records shown now. The
 * function returned notes a record made, and the element that made it.
 */
export function useBackToMaker(ids: readonly string[]) {
  const made = useRef<{ id: string; by: Element | null } | null>(null)
  const shown = ids.join(' ')
  useEffect(() => {
    const m = made.current
    if (!m || shown.split(' ').includes(m.id)) return
    made.current = null
    const at = document.activeElement
    if (m.by instanceof HTMLElement && m.by.isConnected && (!at || at === document.body))
      focusQuietly(m.by)
  }, [shown])
  return (id: string | null, by: Element | null) => {
    made.current = id ? { id, by } : null
  }
}
