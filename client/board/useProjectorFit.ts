import { useEffect } from 'react'
import { isViewer, type BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { fitZoom, type Fit } from './projectorFit.ts'

const px = (v: string) => parseFloat(v) || 0

/** What {@link fitZoom} needs to know of `el` (the element that is zoomed, and scrolls). */
function measure(el: HTMLElement): Fit {
  const style = getComputedStyle(el)
  const zoom = px(style.zoom) || 1
  const box = el.getBoundingClientRect()
  const margins = {
    w: px(style.marginLeft) + px(style.marginRight),
    h: px(style.marginTop) + px(style.marginBottom),
  }
  const inner = {
    w:
      px(style.paddingLeft) +
      px(style.paddingRight) +
      px(style.borderLeftWidth) +
      px(style.borderRightWidth),
    h:
      px(style.paddingTop) +
      px(style.paddingBottom) +
      px(style.borderTopWidth) +
      px(style.borderBottomWidth),
  }
  // the children's extent on screen, brought back to the table's own pixels
  let left = Infinity
  let right = -Infinity
  let top = Infinity
  let bottom = -Infinity
  for (const child of el.children) {
    const r = child.getBoundingClientRect()
    if (r.width === 0 && r.height === 0) continue
    left = Math.min(left, r.left)
    right = Math.max(right, r.right)
    top = Math.min(top, r.top)
    bottom = Math.max(bottom, r.bottom)
  }
  const content =
    right > left ? { w: (right - left) / zoom, h: (bottom - top) / zoom } : { w: 0, h: 0 }
  const width = el.clientWidth - px(style.paddingLeft) - px(style.paddingRight)
  return {
    zoom,
    free: { w: box.width + margins.w * zoom, h: box.height + margins.h * zoom },
    content,
    around: { w: margins.w + inner.w, h: margins.h + inner.h },
    filling: content.w >= width - 1,
    overflowing: el.scrollWidth > el.clientWidth + 1,
  }
}

/** The screens that enlarge them (board.css's media query). */
const WIDE = '(min-width: 1600px)'

/**
 * On the projector (a wide screen), a table that is small at 1.4 is drawn
 * larger, up to the room below the header (`el`: the element board.css zooms, null while there
 * is none). Measured again when the table or the window changes size; a tall table keeps 1.4
 * and scrolls, a wide one comes down to show all its columns. Participants' and facilitators'
 * screens are not touched.
 */
export function useProjectorFit(el: HTMLElement | null): void {
  const viewer = useBoard(isViewer)
  useEffect(() => {
    if (!viewer || !el) return
    const wide = matchMedia(WIDE)
    let frame = 0
    const fit = () => {
      frame = 0
      if (!wide.matches) return el.style.removeProperty('--projector-zoom')
      const now = measure(el)
      const next = fitZoom(now)
      if (Math.abs(next - now.zoom) > 0.01) el.style.setProperty('--projector-zoom', String(next))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(fit)
    }
    // the element (the room it is given) and its children (the table growing or shrinking); a
    // new zoom resizes them too, and is measured once more to the same zoom: no loop
    const resized = new ResizeObserver(schedule)
    const watch = () => {
      resized.disconnect()
      resized.observe(el)
      for (const child of el.children) resized.observe(child)
      schedule()
    }
    watch()
    const swapped = new MutationObserver(watch)
    swapped.observe(el, { childList: true })
    wide.addEventListener('change', schedule)
    return () => {
      cancelAnimationFrame(frame)
      resized.disconnect()
      swapped.disconnect()
      wide.removeEventListener('change', schedule)
      el.style.removeProperty('--projector-zoom')
    }
  }, [el, viewer])
}
