/**
 * Where a scrolling page is read, said so that another screen (wider, with larger type, another
 * role's buttons) can show the same place: the element at the top of the view and how far into
 * it, not a number of pixels. The elements that can say it are the records' rows and cards
 * (their ids) and the headings (their text), keyed with their rank among their namesakes.
 */

/** Attributes that name a record, most specific first (a ledger row has a commitment and an actor). */
const ID_ATTRIBUTES = [
  'data-commitment-id',
  'data-indicator-id',
  'data-round-id',
  'data-row-id',
  'data-objective',
  'data-problem',
  'data-candidate',
  'data-actor-id',
] as const

const SELECTOR = [...ID_ATTRIBUTES.map((a) => `[${a}]`), 'h2', 'h3', 'h4'].join(',')

/** How much of a heading's text its key holds. */
const HEADING_CHARS = 60

export interface ScrollTop {
  /** The element at the top, or null (absent) when none can be named. */
  anchor?: string | null
  /** How far the top of the view is into it (0–1). */
  into: number
  /** The scroll's fraction (0 at the top, 1 at the bottom). */
  at: number
}

function baseKey(el: Element): string {
  for (const a of ID_ATTRIBUTES) {
    const value = el.getAttribute(a)
    if (value !== null) return `${a}=${value}`
  }
  return `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, HEADING_CHARS)}`
}

/** Every element of `container` that can be an anchor, with its key. */
function anchorsOf(container: Element): { el: Element; key: string }[] {
  const seen = new Map<string, number>()
  const out: { el: Element; key: string }[] = []
  for (const el of container.querySelectorAll(SELECTOR)) {
    const base = baseKey(el)
    const rank = seen.get(base) ?? 0
    seen.set(base, rank + 1)
    out.push({ el, key: `${base}#${rank}` })
  }
  return out
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0)

/** Where `container` is read now. */
export function readScrollTop(container: HTMLElement): ScrollTop {
  const range = container.scrollHeight - container.clientHeight
  const at = range > 0 ? clamp01(container.scrollTop / range) : 0
  const top = container.getBoundingClientRect().top
  for (const { el, key } of anchorsOf(container)) {
    const box = el.getBoundingClientRect()
    // the first one still in view at the top (partly above it, or the first below it)
    if (box.bottom > top + 1 && box.height > 0)
      return { anchor: key, into: clamp01((top - box.top) / box.height), at }
  }
  return { anchor: null, into: 0, at }
}

/**
 * The scroll position of `container` that puts `where` at its top: the named element, or the
 * same fraction of the scroll when this screen does not have it (the top and the end of the
 * page are always its own top and end). Null: the element is named but
 * not here yet (the view is still loading) and the page cannot scroll either.
 */
export function scrollTopFor(container: HTMLElement, where: ScrollTop): number | null {
  const range = container.scrollHeight - container.clientHeight
  // the top and the end of the page are the top and the end on every screen
  if (where.at === 0 || where.at === 1) return range > 0 ? where.at * range : null
  if (where.anchor) {
    const found = anchorsOf(container).find((a) => a.key === where.anchor)
    if (found) {
      const box = found.el.getBoundingClientRect()
      const frame = container.getBoundingClientRect()
      // boxes are measured on screen, the scroll in the page's own pixels: a projector
      // enlarges the page (CSS zoom), so a screen pixel is less than one of the page's
      const scale = container.offsetHeight > 0 ? frame.height / container.offsetHeight : 1
      const offset = (box.top - frame.top + where.into * box.height) / scale
      return Math.max(0, Math.min(range, offset + container.scrollTop))
    }
  }
  if (range <= 0) return null
  return where.at * range
}
