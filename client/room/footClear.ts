import { useLayoutEffect, useSyncExternalStore, type RefObject } from 'react'

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

/** How far up from the window's foot they reach, with the gap (0: nothing there). */
let clear = 0
const listeners = new Set<() => void>()

function measure(): void {
  const root = document.documentElement
  let reach = 0
  for (const el of atFoot)
    if (el.isConnected) reach = Math.max(reach, window.innerHeight - el.getBoundingClientRect().top)
  const next = reach > 0 ? Math.ceil(reach + GAP_PX) : 0
  if (next) root.style.setProperty('--foot-clear', `${next}px`)
  else root.style.removeProperty('--foot-clear')
  if (next === clear) return
  clear = next
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** How far up from the window's foot what sits there reaches now (0: nothing). */
export function footClearNow(): number {
  return clear
}

/** How far up from the window's foot what sits there reaches (0: nothing); renders as it changes. */
export function useFootClear(): number {
  return useSyncExternalStore(subscribe, () => clear)
}

/**
 * How many pixels at the foot of `el` (a canvas) what sits at the window's foot covers, `reach`
 * up from it (useFootClear): a page following someone shows what they show above it.
 */
export function footOver(el: Element | null, reach: number): number {
  if (!reach || !el) return 0
  const box = el.getBoundingClientRect()
  return Math.max(0, Math.min(box.height, box.bottom - (window.innerHeight - reach)))
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
