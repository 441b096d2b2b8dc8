/** How large the projector draws a table: as large as the room below the header lets it. */

/** The projector's tables are never drawn smaller than this (board.css's zoom)… */
export const PROJECTOR_ZOOM = 1.4
/** …nor larger than this, however small the table: past it a table of two rows looks a poster. */
export const PROJECTOR_ZOOM_MAX = 2.4
/**
 * …except a table too wide for the screen at 1.4, which comes down to show all its columns, as
 * far as this: the projector follows a facilitator's scroll down a table, not across it, and a
 * coverage matrix of 16 objectives showed 9 of them (at 0.85 all 16 are in sight on a 1920
 * screen, its headers' text 10.6 px, its cells' colours read from the back of the room).
 */
export const PROJECTOR_ZOOM_NARROWEST = 0.85
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
  /** The table is wider than the room it is given (it scrolls sideways): its width is its own. */
  overflowing: boolean
}

const step = (zoom: number) => Math.floor(zoom * 20) / 20
const clamp = (zoom: number, low: number, high: number) => Math.min(high, Math.max(low, zoom))

/**
 * The zoom that makes a table fill the room it is given, between {@link PROJECTOR_ZOOM} and
 * {@link PROJECTOR_ZOOM_MAX}, in steps of 0.05. A table that fills its width may be narrower
 * than it would like (its text wrapped): its size at a larger zoom is not known, so it only
 * ever comes down; once it is no longer squeezed, its own size says how far it can go up.
 * A table wider than the screen at 1.4 comes down to its width, to
 * {@link PROJECTOR_ZOOM_NARROWEST} at most; a tall one keeps 1.4 and scrolls (followed).
 */
export function fitZoom({ zoom, free, content, around, filling, overflowing }: Fit): number {
  if (content.w <= 0 || content.h <= 0) return PROJECTOR_ZOOM
  const widthFit = (free.w * SLACK) / (content.w + around.w)
  const fits = Math.min(PROJECTOR_ZOOM_MAX, widthFit, (free.h * SLACK) / (content.h + around.h))
  // a width of its own (not squeezed to the room) says what fits; a squeezed one stays put
  const lowest =
    overflowing || !filling
      ? clamp(step(widthFit), PROJECTOR_ZOOM_NARROWEST, PROJECTOR_ZOOM)
      : clamp(zoom, PROJECTOR_ZOOM_NARROWEST, PROJECTOR_ZOOM)
  return Math.max(lowest, filling ? Math.min(step(fits), zoom) : step(fits))
}
