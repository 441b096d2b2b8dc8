import { useLayoutEffect, type RefObject } from 'react'

/** Room between the board's header and a panel placed under it. */
const GAP_PX = 8

/**
 * Keeps a panel fixed just below the board's header, however many rows the header wraps into
 * (three on a 1366 px laptop with the clock and a vote on), following it as it changes size;
 * `fit`: no taller than the window below it (the panel scrolls inside). At a fixed top the
 * panels covered the header's last row, and their own title slid under it once scrolled.
 */
export function useBelowHeader(
  panel: RefObject<HTMLElement | null>,
  active: boolean,
  fit = false,
): void {
  useLayoutEffect(() => {
    const el = panel.current
    const header = document.querySelector('.board-header')
    if (!active || !el || !header) return
    const place = () => {
      const top = Math.round(header.getBoundingClientRect().bottom) + GAP_PX
      el.style.top = `${top}px`
      if (fit) el.style.maxHeight = `calc(100vh - ${top + GAP_PX}px)`
    }
    place()
    const observer = new ResizeObserver(place)
    observer.observe(header)
    return () => observer.disconnect()
  }, [panel, active, fit])
}
