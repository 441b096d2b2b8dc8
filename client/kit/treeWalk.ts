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
  const card = [...(canvas?.querySelectorAll<HTMLElement>('.react-flow__node') ?? [])].find(
    (el) => el.dataset.id === id,
  )
  card?.focus({ preventScroll: true })
}

/**
 * Brings a card into the part of its canvas that nothing floats over ({@link clearArea}: below
 * the toolbars, above the warnings, a phone's bottom toolbars and details sheet; a card written
 * above the tree's top row sat under the toolbar, one below it under the warnings), if it is not
 * there whole: the card comes to the middle of that part, where no corner panel (the minimap,
 * the zoom buttons) covers it either, at `zoom` (the current one, or a phone's reading zoom).
 * `canvas` is the tree's React Flow element or the element around it and its warnings.
 */
export function revealCard(
  flow: ReactFlowInstance,
  canvas: Element | null,
  node: Placed,
  zoom = flow.getZoom(),
): void {
  // the warnings are drawn beside React Flow's element, in the canvas's own
  const area = clearArea(canvas?.closest('.canvas') ?? canvas)
  if (!area) return
  const w = node.measured?.width ?? CARD_W
  const h = node.measured?.height ?? CARD_H
  const topLeft = flow.flowToScreenPosition(node.position)
  const bottomRight = flow.flowToScreenPosition({ x: node.position.x + w, y: node.position.y + h })
  const margin = 40
  if (
    zoom === flow.getZoom() &&
    topLeft.x >= area.box.left + margin &&
    bottomRight.x <= area.box.right - margin &&
    topLeft.y >= area.top + margin &&
    bottomRight.y <= area.bottom - margin
  )
    return
  // setCenter brings a point to the canvas's middle: the card's goes as far from that as the
  // clear part's middle is
  const below = (area.top + area.bottom) / 2 - (area.box.top + area.box.bottom) / 2
  void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2 - below / zoom, {
    zoom,
    duration: 200,
  })
}
