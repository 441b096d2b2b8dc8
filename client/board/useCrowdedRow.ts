import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { flushSync } from 'react-dom'

/** The boxes a flex row lays out: its children, and theirs through `display: contents`. */
function rowItems(el: Element): HTMLElement[] {
  const items: HTMLElement[] = []
  for (const child of el.children) {
    if (!(child instanceof HTMLElement)) continue
    const display = getComputedStyle(child).display
    if (display === 'contents') items.push(...rowItems(child))
    else if (display !== 'none') items.push(child)
  }
  return items
}

const widthOf = (items: HTMLElement[]) =>
  items.reduce((sum, item) => sum + item.getBoundingClientRect().width, 0)

/**
 * Whether a wrapping flex row (the header's tools) needs more than a whole line of its parent
 * for everything it holds, its foldable part (`fold`: a HeaderMore, unfolded) included: then
 * that part folds behind its button, rather than the row taking a line more.
 *
 * The foldable part's width is measured while it shows and remembered while it is folded, so
 * deciding to unfold never needs to show it first (no flash, no loop). Checked when the parent
 * or the row changes size (a window resized, a timer or a vote appearing), before the frame
 * is painted.
 */
export function useCrowdedRow(
  row: RefObject<HTMLElement | null>,
  fold: { root: string; panel: string },
): boolean {
  const [crowded, setCrowded] = useState(false)
  const folded = useRef({ width: 0, count: 0 })
  const latest = useRef(crowded)
  latest.current = crowded
  useLayoutEffect(() => {
    const el = row.current
    const parent = el?.parentElement
    if (!el || !parent) return
    const check = () => {
      const panel = el.querySelector<HTMLElement>(fold.panel)
      const shown = !!panel && getComputedStyle(panel).display === 'contents'
      const items = rowItems(el)
      // the rest of the row, without the fold's button (it shows only while folded)
      const rest = items.filter((item) => !item.matches(fold.root) && !panel?.contains(item))
      if (shown) {
        // unfolded, the panel's boxes are the row's own (display: contents)
        const tools = items.filter((item) => panel.contains(item))
        folded.current = { width: widthOf(tools), count: tools.length }
      }
      const count = rest.length + folded.current.count
      const gap = parseFloat(getComputedStyle(el).columnGap) || 0
      const need = widthOf(rest) + folded.current.width + gap * Math.max(0, count - 1)
      const style = getComputedStyle(parent)
      const room =
        parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const next = need > room + 0.5
      if (next === latest.current) return
      latest.current = next
      // before this frame is painted: never a frame with the row on two lines
      flushSync(() => setCrowded(next))
    }
    // no first check here: reading styles and boxes in this layout effect forced the browser to
    // style and lay out the whole page at once (the board's 2,000 cards mount in the same
    // commit: 100–200 ms more on a first render), and again once React Flow measured them. The
    // observer's first report comes after the browser's own layout, before the first paint,
    // when reading them costs nothing.
    const observer = new ResizeObserver(() => check())
    observer.observe(parent)
    observer.observe(el)
    return () => observer.disconnect()
  }, [row, fold.root, fold.panel])
  return crowded
}
