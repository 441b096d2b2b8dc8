/**
 * A tree too large for one readable page, cut between its branches: each piece is the trunk
 * (the core problem, or the core objective) with whole branches of it — the effects above,
 * some of the causes below — so that no card is ever cut and every piece reads as a tree. A
 * branch too large for a page alone is cut the same way one level down, its first card joining
 * the trunk of its pieces. Cards linked to no trunk (a board without a core problem, a card
 * left aside) make pieces of their own, a connected group at a time.
 *
 * Pure: the caller says whether a piece fits a page (by drawing it), this module only chooses
 * the cards and moves whole branches sideways, side by side under the trunk, keeping each
 * branch's own arrangement and every card's height.
 */
import { numberOr, str, type RenderRecord, type RenderSection } from '../../shared/render/model.ts'

type Id = string
type Side = 'up' | 'down' | 'both'

/** A branch: a first card and every card reached from it away from the trunk. */
interface Unit {
  root: Id | null
  members: Id[]
  side: Side
}

export interface TreePiece {
  /** The piece's cards (moved copies of the board's) and the links between them. */
  section: RenderSection
  /** The trunk drawn on this piece: the cards each piece of these branches repeats. */
  trunk: Id[]
  /** The first card of each branch on the piece, left to right (effects first). */
  roots: Id[]
  /** Even one branch with its trunk is too large for a page: the caller draws it as it can. */
  oversize: boolean
}

/** Between two branches put side by side (the board's «Disponi» keeps 40 px between cards). */
const BRANCH_GAP = 48
/** A card's width when the caller's drawing is not at hand: the trees' cards are 200–220. */
const CARD_WIDTH = 210
/** A card's height, likewise (two or three lines of text: 90–110). */
const CARD_HEIGHT = 100
/** Empty space kept between cards, sideways and between rows, when it is taken out. */
const GAP_X = 60
const GAP_Y = 100
/**
 * The most cards a page could hold: an A4 page sideways at the readable scale is 1,460 × 934 px
 * of picture, about 97 of the smallest cards (200 × 70) laid edge to edge.
 */
const PAGE_CARDS = 100

/** Thrown inside splitTree once it has made more pieces than it may. */
class TooMany extends Error {}

/**
 * The pieces, or null when there would be more than `maxPieces` (found out as soon as there
 * are: a 2,000-card board is not cut in hundreds of pages first).
 */
export function splitTree(
  section: RenderSection,
  trunkIds: readonly Id[],
  fits: (section: RenderSection) => boolean,
  maxPieces = Infinity,
): TreePiece[] | null {
  try {
    return cut(section, trunkIds, fits, maxPieces)
  } catch (err) {
    if (err instanceof TooMany) return null
    throw err
  }
}

/**
 * Empty space between cards taken out, along one axis: where no card covers a stretch longer
 * than `gap` (a branch the board spread over a wide row, a layer wrapped far below its parent),
 * what follows moves back to `gap` from what precedes. Cards keep their order and never meet.
 */
function closeGaps(starts: Map<Id, number>, size: number, gap: number): Map<Id, number> {
  const order = [...starts].sort((a, b) => a[1] - b[1])
  const out = new Map<Id, number>()
  let reach = -Infinity
  let shift = 0
  for (const [id, at] of order) {
    if (at - reach > gap && reach > -Infinity) shift += at - reach - gap
    out.set(id, at - shift)
    reach = Math.max(reach, at + size)
  }
  return out
}

function cut(
  section: RenderSection,
  trunkIds: readonly Id[],
  fits: (section: RenderSection) => boolean,
  maxPieces: number,
): TreePiece[] {
  let made = 0
  // more cards than a page could hold at all need not be drawn to be told so (a 2,000-card
  // board's branches of hundreds)
  const fitsPage = (s: RenderSection) => s.nodes.length <= PAGE_CARDS && fits(s)
  const byId = new Map(section.nodes.map((n) => [str(n.id), n]))
  // a link goes from the lower card (a cause, a means) up to the one it leads to
  const upOf = new Map<Id, Id[]>()
  const downOf = new Map<Id, Id[]>()
  for (const e of section.edges) {
    const [s, t] = [str(e.source), str(e.target)]
    if (s === t || !byId.has(s) || !byId.has(t)) continue
    upOf.set(s, [...(upOf.get(s) ?? []), t])
    downOf.set(t, [...(downOf.get(t) ?? []), s])
  }
  const next = (id: Id, side: Side) =>
    side === 'up'
      ? (upOf.get(id) ?? [])
      : side === 'down'
        ? (downOf.get(id) ?? [])
        : [...(upOf.get(id) ?? []), ...(downOf.get(id) ?? [])]
  const x = (id: Id) => numberOr(byId.get(id)?.x, 0)
  const y = (id: Id) => numberOr(byId.get(id)?.y, 0)

  /** Cards reached from `root` on `side`, never through `trunk`, only among `allowed`. */
  const reach = (root: Id, side: Side, trunk: ReadonlySet<Id>, allowed?: ReadonlySet<Id>) => {
    const seen = new Set([root])
    const queue = [root]
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      for (const n of next(id, side))
        if (!seen.has(n) && !trunk.has(n) && (!allowed || allowed.has(n))) {
          seen.add(n)
          queue.push(n)
        }
    return [...seen]
  }
  /** The trunk's branches on one side, left to right as the board has their first cards. */
  const branches = (trunk: ReadonlySet<Id>, side: Side, allowed?: ReadonlySet<Id>): Unit[] => {
    const roots = [...new Set([...trunk].flatMap((t) => next(t, side)))].filter(
      (r) => !trunk.has(r) && (!allowed || allowed.has(r)),
    )
    return roots
      .sort((a, b) => x(a) - x(b) || y(a) - y(b))
      .map((root) => ({ root, members: reach(root, side, trunk, allowed), side }))
  }

  /**
   * The piece's cards placed: the trunk where the board has it, the branches above it side by
   * side in their order and centred over it, likewise those below.
   */
  const layout = (trunk: readonly Id[], units: readonly Unit[]): RenderSection => {
    const at = new Map<Id, { x: number; y: number }>()
    // the board's trunk as the board has it, its empty columns taken out (two core problems
    // far apart); the first cards of branches cut one level down (apart) in a column under it
    const base = trunk.filter((id) => trunkSet.has(id))
    if (!base.length && trunk.length) base.push(trunk[0]!)
    const xs = closeGaps(new Map(base.map((id) => [id, x(id)])), CARD_WIDTH, GAP_X)
    const centre = base.length
      ? (Math.min(...xs.values()) + Math.max(...xs.values()) + CARD_WIDTH) / 2
      : 0
    for (const id of trunk) at.set(id, { x: xs.get(id) ?? centre - CARD_WIDTH / 2, y: y(id) })
    for (const side of ['up', 'down', 'both'] as const) {
      const row = units.filter((u) => u.side === side)
      if (!row.length) continue
      // each branch as the board arranges it, its empty columns taken out, beside the last
      let cursor = 0
      const placed: Id[] = []
      for (const unit of row) {
        const ids = unit.members.filter((id) => !at.has(id))
        if (!ids.length) continue
        const xs = closeGaps(new Map(ids.map((id) => [id, x(id)])), CARD_WIDTH, GAP_X)
        const from = Math.min(...xs.values())
        for (const id of ids) at.set(id, { x: cursor + xs.get(id)! - from, y: y(id) })
        placed.push(...ids)
        cursor = Math.max(...ids.map((id) => at.get(id)!.x)) + CARD_WIDTH + BRANCH_GAP
      }
      // the row centred on the trunk
      const shift = centre - (cursor - BRANCH_GAP) / 2
      for (const id of placed) at.get(id)!.x += shift
    }
    // and the piece's empty rows taken out (a layer the board wrapped far below its parent)
    const ys = closeGaps(new Map([...at].map(([id, p]) => [id, p.y])), CARD_HEIGHT, GAP_Y)
    const moved = new Map(
      [...at].map(([id, p]) => [id, { ...byId.get(id)!, x: p.x, y: ys.get(id)! }] as const),
    )
    const edges = section.edges.filter((e) => moved.has(str(e.source)) && moved.has(str(e.target)))
    return { nodes: [...moved.values()], edges }
  }

  const piece = (trunk: readonly Id[], units: readonly Unit[], oversize = false): TreePiece => {
    if (++made > maxPieces) throw new TooMany()
    return {
      section: layout(trunk, units),
      trunk: [...trunk],
      roots: units.flatMap((u) => (u.root ? [u.root] : [])),
      oversize,
    }
  }

  /** Branches dealt to pieces in order, as many to a piece as fit beside the trunk. */
  const pack = (trunk: readonly Id[], units: readonly Unit[]): TreePiece[] => {
    const pieces: TreePiece[] = []
    let current: Unit[] = []
    for (const unit of units) {
      if (current.length && fitsPage(layout(trunk, [...current, unit]))) {
        current.push(unit)
        continue
      }
      if (current.length) pieces.push(piece(trunk, current))
      current = []
      if (fitsPage(layout(trunk, [unit]))) current = [unit]
      else pieces.push(...apart(trunk, unit))
    }
    if (current.length) pieces.push(piece(trunk, current))
    return pieces
  }

  /** A branch too large for a page with its trunk: its first card joins the trunk. */
  const apart = (trunk: readonly Id[], unit: Unit): TreePiece[] => {
    const root = unit.root
    if (root === null) return [piece(trunk, [unit], true)]
    const deeper = [...trunk, root]
    const within = new Set(unit.members)
    const subs =
      unit.side === 'both'
        ? [...branches(new Set(deeper), 'up', within), ...branches(new Set(deeper), 'down', within)]
        : branches(new Set(deeper), unit.side, within)
    if (!subs.length) return [piece(trunk, [unit], true)]
    return pack(deeper, subs)
  }

  const trunk = trunkIds.filter((id) => byId.has(id))
  const trunkSet = new Set(trunk)
  const units = trunk.length ? [...branches(trunkSet, 'up'), ...branches(trunkSet, 'down')] : []
  // what no branch of the trunk reaches: groups of linked cards, each from its most linked one
  const covered = new Set([...trunk, ...units.flatMap((u) => u.members)])
  const loose: Unit[] = []
  for (const node of section.nodes) {
    const id = str(node.id)
    if (covered.has(id)) continue
    const group = reach(id, 'both', trunkSet).filter((m) => !covered.has(m))
    for (const m of group) covered.add(m)
    const degree = (m: Id) => next(m, 'both').length
    const root = group.reduce((a, b) =>
      degree(b) > degree(a) || (degree(b) === degree(a) && y(b) < y(a)) ? b : a,
    )
    loose.push({ root, members: group, side: 'both' })
  }
  loose.sort((a, b) => x(a.root!) - x(b.root!))
  return [...(trunk.length ? pack(trunk, units) : []), ...pack([], loose)]
}
