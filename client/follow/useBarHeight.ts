import { useLayoutEffect, type RefObject } from 'react'

/**
 * The bar's height in `--follow-bar-height` on the page's root while it shows (`which`: what it
 * says, null when it is not there; it wraps on a narrow screen): with its distance from the
 * window's foot (room.css) it says where the pages that scroll end, above it rather than under.
 */
export function useBarHeight(bar: RefObject<HTMLElement | null>, which: string | null): void {
  useLayoutEffect(() => {
    const el = bar.current
    if (which === null || !el) return
    const root = document.documentElement
    const measure = () =>
      root.style.setProperty('--follow-bar-height', `${Math.ceil(el.offsetHeight)}px`)
    measure()
    const resized = new ResizeObserver(measure)
    resized.observe(el)
    return () => {
      resized.disconnect()
      root.style.removeProperty('--follow-bar-height')
    }
  }, [bar, which])
}
