/**
 * The power/interest grid (Mendelow) in flow coordinates: interest grows to the right, power
 * grows upwards. A card's position on the grid is derived from its power and interest (its
 * centre sits on the point), so the grid is the same on every screen.
 */
export interface XY {
  x: number
  y: number
}
export interface PowerInterest {
  power: number
  interest: number
}

export const GRID = {
  width: 1100,
  height: 700,
  /** Room between the edge and the extreme points, so a card at power 1 stays inside. */
  padX: 100,
  /**
   * The same above and below: the title band, a card's half height and a margin, so a card at
   * power 1 (or 0) sits just clear of its quadrant's title.
   */
  padY: 126,
  /**
   * Room along each quadrant's outer edge (the top of the upper two, the foot of the lower two)
   * for its title and hint, which no card covers: a card placed in a corner used to hide the
   * strategy the room reads there, on the page and in the exported pictures.
   */
  titleBand: 80,
} as const

/** Quadrants in reading order: top-left, top-right, bottom-left, bottom-right. */
export const QUADRANTS = ['keep-satisfied', 'manage-closely', 'monitor', 'keep-informed'] as const
export type Quadrant = (typeof QUADRANTS)[number]

/** Power and interest are stored to the hundredth: enough for a hand-placed card. */
export function roundUnit(v: number): number {
  return Math.round(v * 100) / 100
}

export function clampUnit(v: number): number {
  if (Number.isNaN(v)) return 0.5
  return Math.min(1, Math.max(0, v))
}

const spanX = GRID.width - 2 * GRID.padX
const spanY = GRID.height - 2 * GRID.padY

/** Where a card's centre sits for a given power and interest (clamped to 0..1). */
export function gridPosition({ power, interest }: PowerInterest): XY {
  return {
    x: GRID.padX + clampUnit(interest) * spanX,
    y: GRID.padY + (1 - clampUnit(power)) * spanY,
  }
}

/** The power and interest of a point of the grid: clamped to 0..1, rounded to the hundredth. */
export function powerInterestAt(p: XY): PowerInterest {
  return {
    interest: roundUnit(clampUnit((p.x - GRID.padX) / spanX)),
    power: roundUnit(clampUnit(1 - (p.y - GRID.padY) / spanY)),
  }
}

/** Mendelow's four strategies; the middle (0.5) counts as high. */
export function quadrantOf({ power, interest }: PowerInterest): Quadrant {
  const highPower = power >= 0.5
  const highInterest = interest >= 0.5
  if (highPower) return highInterest ? 'manage-closely' : 'keep-satisfied'
  return highInterest ? 'keep-informed' : 'monitor'
}

export function quadrantAt(p: XY): Quadrant {
  return quadrantOf(powerInterestAt(p))
}

/** The rectangle of a quadrant in flow coordinates (the grid split at its middle). */
export function quadrantRect(q: Quadrant): XY & { width: number; height: number } {
  const w = GRID.width / 2
  const h = GRID.height / 2
  const right = q === 'manage-closely' || q === 'keep-informed'
  const bottom = q === 'monitor' || q === 'keep-informed'
  return { x: right ? w : 0, y: bottom ? h : 0, width: w, height: h }
}

/** Where a quadrant's cards may be drawn: the quadrant without its title band. */
export function cardRoom(q: Quadrant): XY & { width: number; height: number } {
  const r = quadrantRect(q)
  const bottom = r.y > 0
  return {
    x: r.x,
    y: bottom ? r.y : r.y + GRID.titleBand,
    width: r.width,
    height: r.height - GRID.titleBand,
  }
}

/** Places around a spot in card widths and heights, nearest first (a 7 × 7 neighbourhood). */
const AROUND: [number, number][] = []
for (let i = -3; i <= 3; i++) for (let p = -3; p <= 3; p++) AROUND.push([i, p])
AROUND.sort((a, b) => Math.hypot(a[0], a[1] * 1.5) - Math.hypot(b[0], b[1] * 1.5))

/**
 * A spot near `wanted` that no other actor occupies (within a card's reach), so new actors
 * never hide each other; it tries the places around it, nearest first, staying on the grid.
 */
export function freeGridSpot(wanted: PowerInterest, taken: PowerInterest[]): PowerInterest {
  const dx = 0.21 // about a card's width, in interest
  const dy = 0.13 // about a card's height, in power
  const near = (a: PowerInterest, b: PowerInterest) =>
    Math.abs(a.interest - b.interest) < dx * 0.9 && Math.abs(a.power - b.power) < dy * 0.9
  for (const [i, p] of AROUND) {
    const spot = {
      interest: roundUnit(clampUnit(wanted.interest + i * dx)),
      power: roundUnit(clampUnit(wanted.power - p * dy)),
    }
    if (!taken.some((t) => near(t, spot))) return spot
  }
  return wanted
}

/** Size of an actor card on the grid (flow units), for display spreading. */
export const GRID_CARD = { width: 220, height: 80, gap: 10 } as const

/**
 * The tray left of the grid where new actors wait until someone places them: nothing is
 * assumed about an actor's power and interest before the room says it. This is its first
 * column; {@link trayLayout} widens it to the left, a column at a time, as actors wait.
 */
export const TRAY = {
  x: -(GRID_CARD.width + 80),
  y: 0,
  width: GRID_CARD.width + 40,
  height: GRID.height,
  /** Room above the first card, for the tray's title and its hint on two lines. */
  top: 84,
} as const

/** Room around the cards in the tray, and between two of its columns. */
const TRAY_PAD = (TRAY.width - GRID_CARD.width) / 2
/** Room between two cards of a column. */
const TRAY_GAP = GRID_CARD.gap + 6

export interface TrayLayout {
  /** The tray's rectangle: as tall as the grid, its right edge always beside the grid. */
  x: number
  y: number
  width: number
  height: number
  /** Where each waiting actor is drawn (its centre), in the order given. */
  slots: XY[]
}

/**
 * Where the waiting actors go in the tray, given the height of each one's card (names wrap):
 * top to bottom in columns no taller than the grid, read from the left, with as many columns as
 * they need. The tray never runs past the grid's foot, so framing the grid and the tray shows
 * every actor, however many wait (in one column, the eighth already ran off the projector).
 */
export function trayLayout(heights: readonly number[]): TrayLayout {
  const bottom = TRAY.y + TRAY.height - TRAY_PAD
  const column: number[] = []
  const tops: number[] = []
  let col = 0
  let y = TRAY.y + TRAY.top
  for (const h of heights) {
    // a card that does not fit under the others starts the next column (unless it is alone)
    if (y + h > bottom && y > TRAY.y + TRAY.top) {
      col++
      y = TRAY.y + TRAY.top
    }
    column.push(col)
    tops.push(y)
    y += h + TRAY_GAP
  }
  const columns = col + 1
  const pitch = GRID_CARD.width + TRAY_PAD
  const width = TRAY.width + (columns - 1) * pitch
  const x = TRAY.x + TRAY.width - width
  return {
    x,
    y: TRAY.y,
    width,
    height: TRAY.height,
    slots: heights.map((h, i) => ({
      x: x + TRAY_PAD + column[i]! * pitch + GRID_CARD.width / 2,
      y: tops[i]! + h / 2,
    })),
  }
}

/**
 * Whether a point (a card's centre) is in the tray's columns; `left` is the tray's left edge
 * (its {@link TrayLayout}'s x). Further left, a card dropped beside the tray goes to the grid's
 * edge as before.
 */
export function inTray(p: XY, left: number): boolean {
  return p.x < 0 && p.x >= left - 40
}

/** Whether a point (a card's centre) is on the grid itself. */
export function onGrid(p: XY): boolean {
  return p.x >= 0 && p.x <= GRID.width && p.y >= 0 && p.y <= GRID.height
}

/**
 * Where to draw each card on the grid. Cards that sit on (nearly) the same power and interest,
 * e.g. new actors all at 50/50, are laid side by side around their common point; every card,
 * alone or not, is drawn wholly inside its point's quadrant and out of its title band, so a
 * card dropped near an axis does not straddle two strategies nor hide a title; and a card that
 * would still cover one drawn before it (points close but not shared, a name that makes a card
 * tall) moves to the nearest place in its quadrant where it covers none, when there is one. Display only: the stored values do not
 * change. Input in the order actors were added, so earlier cards keep their place as others
 * join; `height` is a card's own when known (its name wraps), else {@link GRID_CARD}'s.
 */
export function spreadGridCards(
  points: readonly (XY & { id: string; height?: number })[],
): Map<string, XY> {
  const w = GRID_CARD.width + GRID_CARD.gap
  const h = GRID_CARD.height + GRID_CARD.gap
  const clusters: { at: XY; ids: string[] }[] = []
  for (const p of points) {
    const near = clusters.find(
      (c) => Math.abs(c.at.x - p.x) < w * 0.6 && Math.abs(c.at.y - p.y) < h * 0.6,
    )
    if (near) near.ids.push(p.id)
    else clusters.push({ at: { x: p.x, y: p.y }, ids: [p.id] })
  }
  const out = new Map<string, XY>()
  for (const p of points) out.set(p.id, { x: p.x, y: p.y })
  for (const { at, ids } of clusters) {
    // up to three in a column, then more columns: a compact block
    const cols = Math.ceil(ids.length / 3)
    const rows = Math.ceil(ids.length / cols)
    // centred on the point, but kept inside the point's quadrant (out of its title band), so
    // the cards read as the strategy they have (50/50 is "manage closely", not the crossing of
    // the axes)
    const q = cardRoom(quadrantAt(at))
    const m = 6
    const x0 = Math.max(
      Math.min(at.x - ((cols - 1) * w) / 2, q.x + q.width - w / 2 - m - (cols - 1) * w),
      q.x + w / 2 + m,
    )
    const y0 = Math.max(
      Math.min(at.y - ((rows - 1) * h) / 2, q.y + q.height - h / 2 - m - (rows - 1) * h),
      q.y + h / 2 + m,
    )
    ids.forEach((id, i) =>
      out.set(id, { x: x0 + Math.floor(i / rows) * w, y: y0 + (i % rows) * h }),
    )
  }
  clearOverlaps(points, out)
  return out
}

/**
 * Pushes apart the cards that still cover each other, each pair along the axis where it
 * overlaps least (half each way), every card kept whole inside its point's quadrant and out of
 * its title band, until none covers another or the rounds run out (a quadrant too full for its
 * cards: they overlap least where they can). Cards that cover nothing do not move.
 */
function clearOverlaps(
  points: readonly (XY & { id: string; height?: number })[],
  out: Map<string, XY>,
): void {
  const gap = GRID_CARD.gap / 2
  const halfW = GRID_CARD.width / 2 + gap
  const m = 6
  const cards = points.map((p) => ({
    at: out.get(p.id)!,
    halfH: (p.height ?? GRID_CARD.height) / 2 + gap,
    q: cardRoom(quadrantAt(p)),
  }))
  const keepInside = (c: (typeof cards)[number]) => {
    const { at, halfH, q } = c
    at.x = Math.min(Math.max(at.x, q.x + m + halfW), q.x + q.width - m - halfW)
    at.y = Math.min(Math.max(at.y, q.y + m + halfH), q.y + q.height - m - halfH)
  }
  // a card whose name makes it tall may reach past its quadrant or into the title band on its
  // own, with no other card near: it comes back inside first
  cards.forEach(keepInside)
  for (let round = 0; round < 80; round++) {
    let moved = false
    for (let i = 0; i < cards.length; i++)
      for (let k = i + 1; k < cards.length; k++) {
        const a = cards[i]!
        const b = cards[k]!
        const dx = b.at.x - a.at.x
        const dy = b.at.y - a.at.y
        const ox = 2 * halfW - Math.abs(dx)
        const oy = a.halfH + b.halfH - Math.abs(dy)
        if (ox <= 0.5 || oy <= 0.5) continue
        moved = true
        // the later card goes below (or right of) the earlier when they share a line
        if (oy * 2 <= ox) {
          const push = oy / 2 + 0.5
          const dir = dy < 0 ? -1 : 1
          a.at.y -= dir * push
          b.at.y += dir * push
        } else {
          const push = ox / 2 + 0.5
          const dir = dx < 0 ? -1 : 1
          a.at.x -= dir * push
          b.at.x += dir * push
        }
        keepInside(a)
        keepInside(b)
      }
    if (!moved) break
  }
}
