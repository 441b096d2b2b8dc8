import { clearArea } from './fitBelowToolbar.ts'
import type { ReactFlowInstance } from '@xyflow/react'
import type { CardNode, LinkEdge } from '../store/projection.ts'
import { CARD_H, CARD_W, type Placed } from './placement.ts'

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'

export const isArrowKey = (key: string): key is ArrowKey =>
  key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight'

const center = (n: CardNode) => ({
  x: n.position.x + (n.measured?.width ?? CARD_W) / 2,
  y: n.position.y + (n.measured?.height ?? CARD_H) / 2,
})

/** The card in `candidates` closest to `from`, weighing horizontal distance. */
function nearest(from: CardNode, candidates: CardNode[]): CardNode | undefined {
  const a = center(from)
  let best: CardNode | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const b = center(c)
    const d = Math.abs(a.x - b.x) + Math.abs(a.y - b.y) * 0.5
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return best
}

/**
 * Where an arrow key takes the selection on a tree whose links point up (a cause to its effect,
 * a means to its end): ↓ to the nearest card linked from below, ↑ to the nearest one it links
 * to, ← → to the next card of its row, then of its kind (`data.role`), never into another layer.
 * With nothing selected: `start` for ↑ ↓, the first card for ← →.
 */
export function walkTree(
  key: ArrowKey,
  current: CardNode | undefined,
  nodes: CardNode[],
  edges: LinkEdge[],
  start: () => CardNode | undefined,
): CardNode | undefined {
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (!current) return start()
    const down = key === 'ArrowDown'
    const related = edges
      .filter((l) => (down ? l.target === current.id : l.source === current.id))
      .map((l) => nodes.find((n) => n.id === (down ? l.source : l.target)))
      .filter((n): n is CardNode => !!n)
    return nearest(current, related)
  }
  if (!current) return nodes[0]
  const c = center(current)
  const sign = key === 'ArrowRight' ? 1 : -1
  const side = nodes.filter((n) => n !== current && (center(n).x - c.x) * sign > 1)
  const row = side.filter((n) => Math.abs(center(n).y - c.y) < 60)
  // past the row's end, on to a card of the same kind (a wide layer laid out in several rows),
  // never into another layer (an effect's arrow reached a cause two layers down)
  const sameKind = side.filter((n) => n.data.role === current.data.role)
  return nearest(current, row.length ? row : sameKind)
}

/**
 * The card of `nodes` that has the keyboard's focus, when `target` (a key's) is a card's element
 * or inside one: a card reached with Tab is the one Enter and the arrows act on, even when another
 * is selected or none is (with none, the arrows started again from the core and Enter did nothing).
 */
export function focusedCard(target: EventTarget | null, nodes: CardNode[]): CardNode | undefined {
  const id =
    target instanceof Element
      ? target.closest('.react-flow__node')?.getAttribute('data-id')
      : undefined
  return id ? nodes.find((n) => n.id === id) : undefined
}

/**
 * Moves the keyboard's focus from the card element `from` to card `id` of the same canvas, so
 * that the arrows walking from a focused card go on from where they arrived, not from where the
 * focus stayed. React Flow brings a focused card into view itself, scrolling nothing else.
 */
export function focusCardFrom(from: Element, id: string): void {
  const canvas = from.closest('.react-flow')
  const find = () =>
    [...(canvas?.querySelectorAll<HTMLElement>('.react-flow__node') ?? [])].find(
      (el) => el.dataset.id === id,
    )
  const card = find()
  if (card) {
    card.focus({ preventScroll: true })
    return
  }
  // Not drawn yet (out of view, until the view's move brings it in): meanwhile the focus leaves
  // the card it was on, so that the next arrows go on from the selection, not again from there;
  // the card takes it once drawn, unless the focus went somewhere meanwhile.
  const was = from.closest<HTMLElement>('.react-flow__node')
  was?.blur()
  let frames = 60
  const later = () => {
    const now = document.activeElement
    if (now && now !== document.body) return
    const drawn = find()
    if (drawn) drawn.focus({ preventScroll: true })
    else if (--frames > 0) requestAnimationFrame(later)
  }
  requestAnimationFrame(later)
}

/**
 * How far to move a span [start, end] (screen px) so it lies within [min, max], the least way:
 * 0 when it does; one too long for it comes with its start at `min`.
 */
function nearestShift(start: number, end: number, min: number, max: number): number {
  if (start >= min && end <= max) return 0
  if (end - start > max - min || start < min) return min - start
  return max - end
}

const overlaps = (a: DOMRect, left: number, top: number, right: number, bottom: number) =>
  a.width > 0 && a.left < right && a.right > left && a.top < bottom && a.bottom > top

/**
 * Brings a card into the part of its canvas that nothing floats over ({@link clearArea}: below
 * the toolbars, above the warnings, a phone's bottom toolbars and details sheet; a card written
 * above the tree's top row sat under the toolbar, one below it under the warnings; left of the
 * vote's ranking), if it is not there whole. The view moves the least way that shows it, as a
 * page scrolls a field into view, so the cards around it stay where they were seen (centred, a
 * card of the bottom row pushed the top rows under the header); and on past a corner panel (the
 * minimap, the zoom buttons) the card would land under. At another `zoom` (a phone's reading
 * zoom) the card comes to the middle of the clear part. `canvas` is the tree's React Flow element
 * or the element around it and its warnings.
 */
export function revealCard(
  flow: ReactFlowInstance,
  canvas: Element | null,
  node: Placed,
  zoom = flow.getZoom(),
): void {
  // the warnings are drawn beside React Flow's element, in the canvas's own
  const around = canvas?.closest('.canvas') ?? canvas
  const area = clearArea(around)
  if (!area) return
  const w = node.measured?.width ?? CARD_W
  const h = node.measured?.height ?? CARD_H
  if (zoom !== flow.getZoom()) {
    // setCenter brings a point to the canvas's middle: the card's goes as far from that as the
    // clear part's middle is
    const below = (area.top + area.bottom) / 2 - (area.box.top + area.box.bottom) / 2
    void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2 - below / zoom, {
      zoom,
      duration: 200,
    })
    return
  }
  const topLeft = flow.flowToScreenPosition(node.position)
  const bottomRight = flow.flowToScreenPosition({ x: node.position.x + w, y: node.position.y + h })
  const margin = 40
  const [left, right] = [area.box.left + margin, area.right - margin]
  const [top, bottom] = [area.top + margin, area.bottom - margin]
  const dx = nearestShift(topLeft.x, bottomRight.x, left, right)
  let dy = nearestShift(topLeft.y, bottomRight.y, top, bottom)
  if (!dx && !dy) return
  for (const panel of around?.querySelectorAll('.react-flow__minimap, .react-flow__controls') ??
    []) {
    const r = panel.getBoundingClientRect()
    const cardBottom = bottomRight.y + dy
    if (!overlaps(r, topLeft.x + dx, topLeft.y + dy, bottomRight.x + dx, cardBottom)) continue
    // up past the panel, if the card still fits below the top
    const up = r.top - margin / 2 - cardBottom
    if (topLeft.y + dy + up >= top) dy += up
  }
  const view = flow.getViewport()
  void flow.setViewport({ x: view.x + dx, y: view.y + dy, zoom }, { duration: 200 })
}
