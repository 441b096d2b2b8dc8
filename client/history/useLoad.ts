import type * as Y from 'yjs'
import { useCallback, useEffect, useState } from 'react'

/** Loads something on mount and on `reload()`; keeps the last value while reloading. */
export function useLoad<T>(load: () => Promise<T>): {
  data: T | null
  error: boolean
  loading: boolean
  reload(): void
} {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState(false)
  const [loading, setLoading] = useState(true)
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    setLoading(true)
    load().then(
      (value) => {
        if (!live) return
        setData(value)
        setError(false)
        setLoading(false)
      },
      () => {
        if (!live) return
        setError(true)
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [load, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { data, error, loading, reload }
}

/** How soon after a change of the board an open list of its history is read again (at most). */
export const LIVE_RELOAD_MS = 1_500

/**
 * Reads a list of the board's history again (`reload`) within LIVE_RELOAD_MS of a change of
 * the board, at most that often while people keep writing: the bin and the activity stay
 * current while they are open, without a press of «Aggiorna» (a rule someone deleted showed
 * only after one).
 */
export function useReloadOnChange(doc: Y.Doc, reload: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        reload()
      }, LIVE_RELOAD_MS)
    }
    doc.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
    }
  }, [doc, reload])
}
