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
