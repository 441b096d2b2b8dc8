import { useLayoutEffect, type RefObject } from 'react'

/**
 * What sits at the window's foot over the pages (the bar saying whom one follows, the room's
 * banners: paused, phase locked, changes refused, a version restored), and how far up it
 * reaches, in `--foot-clear` on the page's root: the pages that scroll (the pact, the strategy,
 * the logframe, the comparison, the register, the coverage) end there, above it rather than
 * under it (room.css). Letting only their last rows scroll out from under it left the rows in
 * sight at the top under it: a participant brought to the strategy at 1366 × 768 found two
 * criteria's scores under the bar, and a pause covered the same rows. Measured, as the bar and
 * the banners wrap (a phone's pause takes three lines) and stack above one another.
 */
const atFoot = new Set<HTMLElement>()
/** Between the highest of them and the page's end. */
const GAP_PX = 8

function measure(): void {
  const root = document.documentElement
  let reach = 0
  for (const el of atFoot) {
    const top = el.getBoundingClientRect().top
    if (el.isConnected) reach = Math.max(reach, window.innerHeight - top)
  }
  if (reach > 0) root.style.setProperty('--foot-clear', `${Math.ceil(reach + GAP_PX)}px`)
  else root.style.removeProperty('--foot-clear')
}

let watcher: ResizeObserver | null = null

/** Counts `el` (while `shown`) among what sits at the foot. */
export function useAtFoot(el: RefObject<HTMLElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const node = el.current
    if (!shown || !node) return
    atFoot.add(node)
    if (!watcher) {
      watcher = new ResizeObserver(measure)
      window.addEventListener('resize', measure)
    }
    watcher.observe(node)
    // one arriving moves the others up (their places are in CSS): all are measured again
    measure()
    return () => {
      atFoot.delete(node)
      watcher?.unobserve(node)
      if (!atFoot.size) {
        watcher?.disconnect()
        watcher = null
        window.removeEventListener('resize', measure)
      }
      measure()
    }
  }, [el, shown])
}
