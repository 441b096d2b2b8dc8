/**
 * A canvas's picture in the pact document: vector graphics from the shared renderer's SVG
 * (through svg-to-pdfkit), as large as a page allows and, for a stakeholder grid or map too
 * large to read on one page, in pieces over sideways pages (a tree is cut between its
 * branches instead: pdfTree.ts), and pages of pictures under a caption each.
 */
import SVGtoPDF from 'svg-to-pdfkit'
import { FONT, INK, MARGIN, MUTED, area } from './pdfLayout.ts'

/**
 * The smallest scale a canvas's picture is drawn at when it can be helped: its cards' text (14
 * in the picture) at 7 pt, what a printed page can still be read at.
 */
export const READABLE_SCALE = 0.5
/**
 * The least a picture is drawn at on one page before it is cut in pieces (its text at 5.6 pt):
 * a stakeholder map a little wider than a page at 7 pt came out in two pieces that each showed
 * nearly all of it.
 */
export const ONE_PAGE_SCALE = 0.4
/** At most this many pages for one picture cut in pieces; a larger one fits one page. */
const MAX_PIECES = 6
/** What two neighbouring pieces of a picture both show, so a card cut at an edge reads whole. */
const PIECE_OVERLAP = 36
/** The line above a piece that says which one it is. */
export const PIECE_CAPTION = 16

export type Svg = { svg: string; width: number; height: number }

/** A4 in points: the short and the long side. */
const A4 = { short: 595.28, long: 841.89 }

/** The scale a picture fits an A4 page at, upright and sideways, below `top` points kept free. */
function scalesOnA4(svg: Svg, top: number): { upright: number; sideways: number } {
  const fit = (w: number, h: number) =>
    Math.min((w - 2 * MARGIN) / svg.width, (h - 2 * MARGIN - top) / svg.height, 1)
  return { upright: fit(A4.short, A4.long), sideways: fit(A4.long, A4.short) }
}

/**
 * The scale a picture is drawn at on a page of its own (under a caption `caption` points tall),
 * never larger than drawn, and whether that page is turned sideways (when it draws it larger).
 */
export function pageFit(svg: Svg, caption = 0): { scale: number; landscape: boolean } {
  const { upright, sideways } = scalesOnA4(svg, caption)
  return sideways > upright
    ? { scale: sideways, landscape: true }
    : { scale: upright, landscape: false }
}

/** The room a section's title takes at the top of its page (pdfLayout's level-1 heading). */
const TITLE_ROOM = 40

/**
 * Whether a picture that opens a section is drawn larger under the title on a sideways page
 * than on an upright one, when on an upright page it would not be readable (below 7 pt): then
 * the section opens sideways, its title above the picture (an upright page of its own held the
 * title alone, and the picture followed on the next page).
 */
export function opensSideways(svg: Svg): boolean {
  const { upright, sideways } = scalesOnA4(svg, TITLE_ROOM)
  return upright < READABLE_SCALE && sideways >= ONE_PAGE_SCALE && sideways > upright
}

/**
 * Pictures one per page, each under its caption line at its scale, each page upright or
 * sideways as its picture needs.
 */
export function picturePages(
  doc: PDFKit.PDFDocument,
  pictures: readonly { svg: Svg; caption: string; landscape: boolean; scale: number }[],
): void {
  for (const { svg, caption, landscape, scale } of pictures) {
    if (landscape) landscapePage(doc)
    else doc.addPage()
    const { left, top, width } = area(doc)
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(caption, left, top, { width, lineBreak: false })
    drawSvg(doc, svg, left + (width - svg.width * scale) / 2, top + PIECE_CAPTION, scale)
    doc.x = left
    doc.y = top + PIECE_CAPTION + svg.height * scale + 12
  }
  doc.font(FONT.regular).fontSize(10).fillColor(INK)
}

function drawSvg(doc: PDFKit.PDFDocument, svg: Svg, x: number, y: number, scale: number): void {
  SVGtoPDF(doc, svg.svg, x, y, {
    width: svg.width * scale,
    height: svg.height * scale,
    assumePt: true,
    preserveAspectRatio: 'xMidYMin meet',
    fontCallback: (_family: string, bold: boolean, italic: boolean) =>
      bold ? FONT.bold : italic ? FONT.italic : FONT.regular,
  })
}

/** A new A4 page turned sideways (the pages after it are upright again). */
function landscapePage(doc: PDFKit.PDFDocument): void {
  doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN })
}

/**
 * A picture of a canvas as vector graphics (its text stays text, in the embedded font), as
 * large as a page allows and never larger than drawn: in the rest of this page when it is
 * readable there; else on a page of its own, upright or sideways, whichever draws it larger;
 * and when even that would shrink its text below 5.6 pt (a workshop's 50-card tree came out at
 * 3.3 pt), cut in pieces over sideways pages at 7 pt, up to MAX_PIECES of them.
 */
export function vectorImage(
  doc: PDFKit.PDFDocument,
  svg: Svg,
  {
    minHeight = 220,
    piece,
    tiles = true,
    underTitle = false,
  }: {
    minHeight?: number
    piece?: (n: number, of: number) => string
    /** Whether it may be cut in overlapping pieces (not a tree: pdfTree.ts cuts those). */
    tiles?: boolean
    /**
     * Right under its section's title, on the page {@link opensSideways} chose: drawn there
     * down to ONE_PAGE_SCALE, as a page of its own would leave the title alone on this one.
     */
    underTitle?: boolean
  } = {},
): void {
  if (area(doc).bottom - doc.y < minHeight) doc.addPage()
  const here = area(doc)
  const fit = (w: number, h: number) => Math.min(w / svg.width, h / svg.height, 1)
  let scale = fit(here.width, here.bottom - doc.y)
  if (scale < (underTitle ? ONE_PAGE_SCALE : READABLE_SCALE)) {
    const upright = fit(here.width, here.bottom - here.top)
    // A4 sideways: the upright page's height is its width
    const sideways = fit(doc.page.height - 2 * MARGIN, doc.page.width - 2 * MARGIN)
    const { cols, rows } = pieceGrid(doc, svg)
    if (tiles && Math.max(upright, sideways) < ONE_PAGE_SCALE && cols * rows <= MAX_PIECES)
      return drawInPieces(doc, svg, piece)
    if (sideways > upright) landscapePage(doc)
    else doc.addPage()
    scale = Math.max(upright, sideways)
  }
  const { left, width } = area(doc)
  drawSvg(doc, svg, left + (width - svg.width * scale) / 2, doc.y, scale)
  doc.x = left
  doc.y += svg.height * scale + 12
  doc.font(FONT.regular).fontSize(10).fillColor(INK)
}

/** The pieces a picture takes at the readable scale on sideways pages (columns and rows). */
function pieceGrid(doc: PDFKit.PDFDocument, svg: Svg) {
  const pageW = Math.max(doc.page.width, doc.page.height) - 2 * MARGIN
  // under the line that names the piece
  const pageH = Math.min(doc.page.width, doc.page.height) - 2 * MARGIN - PIECE_CAPTION
  const w = svg.width * READABLE_SCALE
  const h = svg.height * READABLE_SCALE
  const cols = Math.max(1, Math.ceil((w - PIECE_OVERLAP) / (pageW - PIECE_OVERLAP)))
  const rows = Math.max(1, Math.ceil((h - PIECE_OVERLAP) / (pageH - PIECE_OVERLAP)))
  return { pageW, pageH, w, h, cols, rows }
}

/**
 * The picture at the readable scale, cut into pieces that overlap by PIECE_OVERLAP, one per
 * sideways page, row by row: each page draws the whole picture shifted, clipped to its area,
 * under a line that says which piece it is («Parte 2 di 4 dell’immagine…»).
 */
function drawInPieces(
  doc: PDFKit.PDFDocument,
  svg: Svg,
  piece: ((n: number, of: number) => string) | undefined,
): void {
  const { pageW, pageH, w, h, cols, rows } = pieceGrid(doc, svg)
  const stepX = cols > 1 ? (w - pageW) / (cols - 1) : 0
  const stepY = rows > 1 ? (h - pageH) / (rows - 1) : 0
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      landscapePage(doc)
      const { left, top: pageTop } = area(doc)
      if (piece)
        doc
          .font(FONT.regular)
          .fontSize(8)
          .fillColor(MUTED)
          .text(piece(r * cols + c + 1, rows * cols), left, pageTop, { lineBreak: false })
      const top = pageTop + PIECE_CAPTION
      const viewW = Math.min(pageW, w)
      const viewH = Math.min(pageH, h)
      doc.save()
      doc.rect(left, top, viewW, viewH).clip()
      drawSvg(doc, svg, left - c * stepX, top - r * stepY, READABLE_SCALE)
      doc.restore()
      doc.x = left
      doc.y = top + viewH + 12
    }
  doc.font(FONT.regular).fontSize(10).fillColor(INK)
}
