/**
 * The plane geometry of the relations' routes (route.ts): cards as rectangles, where a ray
 * leaves one, whether a segment crosses one, quadratic curves as straight pieces.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export interface Point {
  x: number
  y: number
}

/** Straight pieces a curve is checked and measured as. */
export const SAMPLES = 16

export const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })

/** The smallest rectangle holding all of `rects` (none: nothing). */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.width))
  const bottom = Math.max(...rects.map((r) => r.y + r.height))
  return { x, y, width: right - x, height: bottom - y }
}

/** Where the ray from the card's centre towards `to` leaves it, `gap` further out. */
export function borderToward(r: Rect, to: Point, gap = 0): Point {
  const c = centre(r)
  const dx = to.x - c.x
  const dy = to.y - c.y
  if (dx === 0 && dy === 0) return c
  const t = Math.min(
    dx === 0 ? Infinity : (r.width / 2 + gap) / Math.abs(dx),
    dy === 0 ? Infinity : (r.height / 2 + gap) / Math.abs(dy),
  )
  return { x: c.x + dx * t, y: c.y + dy * t }
}

/** Whether the segment a–b passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  const dx = b.x - a.x
  const dy = b.y - a.y
  let t0 = 0
  let t1 = 1
  // each side of the rectangle: p, the way the segment goes across it; q, how far in a is
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy
    const q =
      side === 0
        ? a.x - r.x
        : side === 1
          ? r.x + r.width - a.x
          : side === 2
            ? a.y - r.y
            : r.y + r.height - a.y
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

export const quad = (s: Point, c: Point, e: Point, t: number): Point => ({
  x: (1 - t) * (1 - t) * s.x + 2 * (1 - t) * t * c.x + t * t * e.x,
  y: (1 - t) * (1 - t) * s.y + 2 * (1 - t) * t * c.y + t * t * e.y,
})

/** The curve s–c–e as straight pieces. */
export function curvePoints(s: Point, c: Point, e: Point, samples = SAMPLES): Point[] {
  return Array.from({ length: samples + 1 }, (_, i) => quad(s, c, e, i / samples))
}

export const grow = (r: Rect, m: number): Rect => ({
  x: r.x - m,
  y: r.y - m,
  width: r.width + 2 * m,
  height: r.height + 2 * m,
})

/** How many of `cards` (already grown by the clearance) the polyline passes through. */
export function hits(points: readonly Point[], cards: readonly Rect[]): number {
  let left = Infinity
  let right = -Infinity
  let top = Infinity
  let bottom = -Infinity
  for (const p of points) {
    left = Math.min(left, p.x)
    right = Math.max(right, p.x)
    top = Math.min(top, p.y)
    bottom = Math.max(bottom, p.y)
  }
  let n = 0
  for (const r of cards) {
    // only the cards meeting the route's bounding box can be in its way
    if (r.x > right || r.x + r.width < left || r.y > bottom || r.y + r.height < top) continue
    for (let i = 1; i < points.length; i++)
      if (segmentHitsRect(points[i - 1]!, points[i]!, r)) {
        n++
        break
      }
  }
  return n
}

export const dist = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y)
export const towards = (from: Point, to: Point, d: number): Point => {
  const l = dist(from, to) || 1
  return { x: from.x + ((to.x - from.x) * d) / l, y: from.y + ((to.y - from.y) * d) / l }
}

/**
 * Where the label of one of several relations joining the same two cards goes: its route's
 * middle `mid`, moved along the line between the cards by its lane, so that two labels of
 * `size` stand clear of each other. Routes bent around other cards can run close (A→B and B→A
 * crossed at their middles, a conflict's glyph under an information's); their labels do not.
 * `lane.reversed`: the relation goes from the pair's second card to its first, as
 * relationLanes numbers them, so every lane of a pair shifts along the same direction. The shift
 * stays within a third of the distance between the cards' centres.
 */
export function laneLabelAt(
  mid: Point,
  from: Rect,
  to: Rect,
  lane: { lane: number; lanes: number; reversed: boolean } | undefined,
  size: { w: number; h: number },
  gap = 6,
): Point {
  if (!lane || lane.lanes < 2) return mid
  const a = centre(from)
  const b = centre(to)
  const sign = lane.reversed ? -1 : 1
  const length = dist(a, b)
  if (length < 1) return mid
  const ux = ((b.x - a.x) / length) * sign
  const uy = ((b.y - a.y) / length) * sign
  // along the line, two boxes of `size` are clear once apart by this much on either axis
  const step = Math.min(
    Math.abs(ux) > 1e-6 ? (size.w + gap) / Math.abs(ux) : Infinity,
    Math.abs(uy) > 1e-6 ? (size.h + gap) / Math.abs(uy) : Infinity,
  )
  const wanted = (lane.lane - (lane.lanes - 1) / 2) * step
  const cap = length / 3
  const shift = Math.max(-cap, Math.min(cap, wanted))
  return { x: mid.x + ux * shift, y: mid.y + uy * shift }
}
