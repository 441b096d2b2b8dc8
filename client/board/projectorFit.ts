/** How large the projector draws a table: as large as the room below the header lets it. */

/** The projector's tables are never drawn smaller than this (board.css's zoom)… */
export const PROJECTOR_ZOOM = 1.4
/** …nor larger than this, however small the table: past it a table of two rows looks a poster. */
export const PROJECTOR_ZOOM_MAX = 2.4
/** Slack left around a fitted table (a scrollbar, a shadow, rounding). */
const SLACK = 0.97

export interface Fit {
  /** The zoom the table is drawn at now. */
  zoom: number
  /** The room its layout gives it, in screen pixels (its margin box: the same at every zoom). */
  free: { w: number; h: number }
  /** The table's own size, in its own (unzoomed) pixels. */
  content: { w: number; h: number }
  /** Its margins, padding and borders, in its own pixels (they grow with the zoom). */
  around: { w: number; h: number }
  /** The table takes the whole width it is given: it may be squeezed (wrapped) by it. */
  filling: boolean
}

/**
 * The zoom that makes a table fill the room it is given, between {@link PROJECTOR_ZOOM} and
 * {@link PROJECTOR_ZOOM_MAX}, in steps of 0.05. A table that fills its width may be narrower
 * than it would like (its text wrapped): its size at a larger zoom is not known, so it only
 * ever comes down; once it is no longer squeezed, its own size says how far it can go up.
 */
export function fitZoom({ zoom, free, content, around, filling }: Fit): number {
  if (content.w <= 0 || content.h <= 0) return PROJECTOR_ZOOM
  const fits = Math.min(
    PROJECTOR_ZOOM_MAX,
    (free.w * SLACK) / (content.w + around.w),
    (free.h * SLACK) / (content.h + around.h),
  )
  const stepped = Math.floor(fits * 20) / 20
  return Math.max(PROJECTOR_ZOOM, filling ? Math.min(stepped, zoom) : stepped)
}
