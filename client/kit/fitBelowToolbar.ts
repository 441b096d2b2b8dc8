import { getViewportForBounds, type FitViewOptions, type Rect, type Viewport } from '@xyflow/react'
import { coveringBoxes } from '../projector/coveredEdge.ts'
import { footClearNow } from '../room/footClear.ts'

/** Room between a canvas's floating toolbar and the cards fitted below it. */
const MARGIN_PX = 24
/** The farthest a minimap in the corner is from the canvas's bottom and right edges. */
const CORNER_GAP_PX = 48

/** A canvas's box on screen, and the part of it no toolbar or warning covers. */
export interface ClearArea {
  /** The box of the canvas's React Flow element (the view): all the canvas but a strip under it. */
  box: DOMRect
  /** Screen y just below the toolbars above the tree (box.top when there are none). */
  top: number
  /** Screen y of the top of what sits below the tree (box.bottom when nothing does). */
  bottom: number
  /**
   * Screen x of the left of a panel over the page's right side beside the tree (the vote's
   * ranking), box.right when none does.
   */
  right: number
  /** Whether a toolbar is above, something below, and a panel beside. */
  above: boolean
  below: boolean
  beside: boolean
  /** The minimap's box, in the canvas's lower right corner, when it is shown. */
  corner: DOMRect | null
}

/**
 * Where a canvas's tree can be seen: below its floating toolbars (they wrap on narrow screens),
 * above what floats at its foot (the warnings — cards not linked, a cycle —, the toolbars and
 * the card's details a phone moves there), and above the bars at the window's foot (whom one
 * follows, the room's banners: footClear.ts). What sits in the lower half is below the tree; a
 * toolbar in the upper half is above it; the details at the top right of a wider screen leave
 * room beside them and do not count, nor does anything hidden. A panel fixed over the page's
 * right side (the vote's ranking) is beside the tree, unless it would leave it less than half
 * the canvas's width (a phone's ranking, across the screen's foot).
 */
export function clearArea(canvas: Element | null | undefined): ClearArea | null {
  if (!canvas) return null
  // a phone's vote draws the warnings in a strip under the view, not over it (canvasPhone.css)
  const view = canvas.matches('.react-flow') ? canvas : canvas.querySelector('.react-flow')
  const box = (view ?? canvas).getBoundingClientRect()
  const middle = box.top + box.height / 2
  let top = box.top
  let bottom = box.bottom
  let above = false
  let below = false
  for (const el of canvas.querySelectorAll('.toolbar, .tree-warnings, .inspector')) {
    const r = el.getBoundingClientRect()
    if (!r.height) continue
    if ((r.top + r.bottom) / 2 >= middle) {
      bottom = Math.min(below ? bottom : box.bottom, r.top)
      below = true
    } else if (el.classList.contains('toolbar')) {
      top = above ? Math.max(top, r.bottom) : r.bottom
      above = true
    }
  }
  // the bars at the window's foot (whom one follows, a phase locked, a pause) cover the
  // canvas's foot: a tree framed whole went under them, its lowest cards and their dots hidden
  const reach = footClearNow()
  const foot = window.innerHeight - reach
  if (reach && foot > middle && foot < bottom) {
    bottom = foot
    below = true
  }
  let right = box.right
  for (const r of coveringBoxes())
    if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top)
      right = Math.min(right, r.left)
  const beside = right < box.right && right - box.left >= box.width / 2
  if (!beside) right = box.right
  // Only a minimap in its place counts: small, in the canvas's lower right corner (a box as big
  // as the canvas, or elsewhere, would push the tree aside for nothing).
  const minimap = (view ?? canvas).querySelector('.react-flow__minimap')?.getBoundingClientRect()
  const corner =
    minimap &&
    minimap.width &&
    minimap.height &&
    minimap.width < box.width / 2 &&
    minimap.height < box.height / 2 &&
    box.right - minimap.right < CORNER_GAP_PX &&
    box.bottom - minimap.bottom < CORNER_GAP_PX &&
    minimap.left < right &&
    minimap.top < bottom
      ? minimap
      : null
  return { box, top, bottom, right, above, below, beside, corner }
}

/** Paddings in screen pixels, side by side. */
export interface SidePaddings {
  top: number
  right: number
  bottom: number
  left: number
}

/**
 * Keeps a tree clear of the minimap in the canvas's lower right corner (`corner`, its distance
 * from the canvas's bottom and right edges): either above it or beside it, whichever leaves the
 * tree bigger. A wide tree fitted to the width of a laptop reached the canvas's foot, and the
 * minimap hid the last root causes; above it, the tree is a little smaller and all of it shows.
 * `bounds` is the tree's size in the flow, `view` the canvas's size on screen.
 */
export function clearOfCorner(
  padding: SidePaddings,
  corner: { height: number; width: number },
  bounds: { width: number; height: number },
  view: { width: number; height: number },
  zoomRange: { minZoom?: number; maxZoom?: number } = {},
): SidePaddings {
  const above = { ...padding, bottom: Math.max(padding.bottom, corner.height + MARGIN_PX) }
  const beside = { ...padding, right: Math.max(padding.right, corner.width + MARGIN_PX) }
  if (bounds.width <= 0 || bounds.height <= 0) return above
  const fits = (p: SidePaddings) =>
    Math.min(
      (view.width - p.left - p.right) / bounds.width,
      (view.height - p.top - p.bottom) / bounds.height,
    )
  // too big for the view at the smallest zoom either way: it overflows, and the minimap's
  // room would only push it further aside
  const min = zoomRange.minZoom ?? 0
  if (Math.max(fits(above), fits(beside)) < min) return padding
  const zoom = (p: SidePaddings) => Math.min(zoomRange.maxZoom ?? Infinity, Math.max(min, fits(p)))
  return zoom(beside) > zoom(above) ? beside : above
}

/**
 * Fit options that keep a tree in its canvas's {@link clearArea}: the top padding reaches just
 * past the lowest toolbar above (where there is one: `base`'s top is the room kept for it when
 * none could be measured), the bottom one above what is below, the right one left of a panel
 * beside, and none of these is less than `base` asks for. Given the tree's `bounds` (in the flow), a tree
 * that would reach under the minimap is kept clear of it too ({@link clearOfCorner}); one that
 * would not is framed as it was.
 */
export function fitBelowToolbar(
  canvas: Element | null | undefined,
  base: FitViewOptions,
  bounds?: Rect,
): FitViewOptions {
  const area = clearArea(canvas)
  const corner = bounds ? area?.corner : null
  if (!area || (!area.above && !area.below && !area.beside && !corner)) return base
  const padding = typeof base.padding === 'object' ? base.padding : {}
  const px = (v: unknown) => Number.parseInt(String(v ?? 0), 10) || 0
  // a padding given as a share of the view (the projector's, a locked phase's) is kept on every
  // side in pixels: only the side a bar covers changes (the tree touched the canvas's top)
  const share = typeof base.padding === 'number' ? base.padding / 2 : 0
  const sides: SidePaddings = {
    top: px(padding.top) || Math.round(area.box.height * share),
    right: px(padding.right) || Math.round(area.box.width * share),
    bottom: px(padding.bottom) || Math.round(area.box.height * share),
    left: px(padding.left) || Math.round(area.box.width * share),
  }
  // the toolbar measured takes the place of the room `base` keeps for it at the top (two rows
  // on a laptop): a toolbar of one row leaves the tree the rest
  if (area.above)
    sides.top = Math.max(share ? sides.top : 0, Math.round(area.top - area.box.top + MARGIN_PX))
  if (area.below)
    sides.bottom = Math.max(sides.bottom, Math.round(area.box.bottom - area.bottom + MARGIN_PX))
  if (area.beside)
    sides.right = Math.max(sides.right, Math.round(area.box.right - area.right + MARGIN_PX))
  const zoomRange = {
    minZoom: base.minZoom ?? FLOW_ZOOM.min,
    maxZoom: base.maxZoom ?? FLOW_ZOOM.max,
  }
  const clear =
    corner && bounds && reachesCorner(bounds, sides, area.box, corner, zoomRange)
      ? clearOfCorner(
          sides,
          {
            height: Math.round(area.box.bottom - corner.top),
            width: Math.round(area.box.right - corner.left),
          },
          bounds,
          area.box,
          zoomRange,
        )
      : sides
  const out = { ...padding }
  for (const side of ['top', 'right', 'bottom', 'left'] as const)
    if (clear[side] !== px(padding[side])) out[side] = `${clear[side]}px`
  return { ...base, padding: out }
}

/**
 * The view that frames `bounds` (the measured cards, in the flow) in the canvas as it is now,
 * clear of its toolbars and minimap ({@link fitBelowToolbar}); null when the canvas is not laid
 * out. Set at once with `setViewport`: React Flow's own fit is queued until its next update,
 * keeps its options meanwhile in a field of its store that another fit overwrites (its controls'
 * button ran one beside ours, and the wide tree went back under the minimap), and fits to the
 * size it last measured.
 */
export function viewportBelowToolbar(
  canvas: Element | null | undefined,
  base: FitViewOptions,
  bounds: Rect,
): Viewport | null {
  const view = canvas?.matches('.react-flow') ? canvas : canvas?.querySelector('.react-flow')
  const box = view?.getBoundingClientRect()
  if (!box?.width || !box.height || bounds.width <= 0 || bounds.height <= 0) return null
  const fit = fitBelowToolbar(canvas, base, bounds)
  return getViewportForBounds(
    bounds,
    box.width,
    box.height,
    fit.minZoom ?? FLOW_ZOOM.min,
    fit.maxZoom ?? FLOW_ZOOM.max,
    fit.padding ?? 0.1,
  )
}

/** The zoom range of the canvases that edit (kit/useCanvasHandlers.ts, editableFlowProps). */
const FLOW_ZOOM = { min: 0.1, max: 2.5 }

/** Whether the tree, fitted with `sides`, would reach under the minimap (`corner`). */
function reachesCorner(
  bounds: Rect,
  sides: SidePaddings,
  box: DOMRect,
  corner: DOMRect,
  zoom: { minZoom: number; maxZoom: number },
): boolean {
  const padding = {
    top: `${sides.top}px`,
    right: `${sides.right}px`,
    bottom: `${sides.bottom}px`,
    left: `${sides.left}px`,
  } as const satisfies Record<string, `${number}px`>
  const v = getViewportForBounds(bounds, box.width, box.height, zoom.minZoom, zoom.maxZoom, padding)
  const right = box.left + v.x + (bounds.x + bounds.width) * v.zoom
  const bottom = box.top + v.y + (bounds.y + bounds.height) * v.zoom
  return right > corner.left && bottom > corner.top
}
