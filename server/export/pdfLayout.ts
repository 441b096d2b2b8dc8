/**
 * The building blocks of the pact document on top of PDFKit: headings, paragraphs, tables that
 * break across pages with their header repeated, vector pictures of the canvases, page numbers.
 * Every text is real text in the bundled DejaVu Sans (embedded, so accents and searching work
 * in every reader); nothing is a screenshot.
 */
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import type { Table } from '../../shared/document/tables.ts'
import { readFileSync } from 'node:fs'
import { create as parseFont } from 'fontkit'
import { FONT_FILES, OBLIQUE_FONT_FILE } from './fonts.ts'

export const FONT = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique' } as const
const INK = '#1f2328'
const MUTED = '#4a4f57'
const RULE = '#c9cdd3'
const HEAD_FILL = '#eef1f5'
/** A4 in points, 2 cm margins (the footer sits inside the bottom one). */
export const MARGIN = 56

type FontSource = PDFKit.Mixins.PDFFontSource
let fonts: { regular: FontSource; bold: FontSource; italic: FontSource } | undefined

/**
 * The three faces, parsed once per process: PDFKit takes a parsed font as a source, so every
 * document after the first skips reading and decoding about 2 MB of font tables (a third of a
 * small document's time). Each document still embeds only the glyphs it uses.
 */
function parsedFonts() {
  const parse = (file: string) => parseFont(readFileSync(file)) as unknown as FontSource
  fonts ??= {
    regular: parse(FONT_FILES[0]!),
    bold: parse(FONT_FILES[1]!),
    italic: parse(OBLIQUE_FONT_FILE),
  }
  return fonts
}

export function createPdf(info: { title: string; lang: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // page numbers ("3 of 12") are written once every page exists
    autoFirstPage: true,
    lang: info.lang,
    displayTitle: true,
    info: { Title: info.title, Creator: 'Trama', Producer: 'Trama (PDFKit)' },
  })
  const fonts = parsedFonts()
  doc.registerFont(FONT.regular, fonts.regular)
  doc.registerFont(FONT.bold, fonts.bold)
  doc.registerFont(FONT.italic, fonts.italic)
  doc.font(FONT.regular).fontSize(10).fillColor(INK)
  return doc
}

/** The writable area of the current page. */
export function area(doc: PDFKit.PDFDocument) {
  const { width, height, margins } = doc.page
  return {
    left: margins.left,
    right: width - margins.right,
    width: width - margins.left - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
  }
}

/** Starts a new page unless at least `height` points are left on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > area(doc).bottom) doc.addPage()
}

/**
 * Text drops what a PDF cannot show: control characters (a pasted tab or form feed) and lone
 * surrogates. Markup in a label is shown as written; PDF text has nothing to run.
 */
export function clean(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\r\n?/g, '\n')
}

export function heading(doc: PDFKit.PDFDocument, text: string, level: 1 | 2 = 1): void {
  const size = level === 1 ? 18 : 13
  ensureSpace(doc, size * 4)
  if (level === 2) doc.moveDown(0.6)
  const { left, width } = area(doc)
  doc.font(FONT.bold).fontSize(size).fillColor(INK).text(clean(text), left, doc.y, { width })
  doc.moveDown(level === 1 ? 0.5 : 0.3)
  doc.font(FONT.regular).fontSize(10)
}

export function paragraph(
  doc: PDFKit.PDFDocument,
  text: string,
  style: { size?: number; muted?: boolean; bold?: boolean; italic?: boolean } = {},
): void {
  const { left, width } = area(doc)
  doc
    .font(style.bold ? FONT.bold : style.italic ? FONT.italic : FONT.regular)
    .fontSize(style.size ?? 10)
    .fillColor(style.muted ? MUTED : INK)
    .text(clean(text), left, doc.y, { width, lineGap: 1.5 })
  doc.moveDown(0.4)
  doc.font(FONT.regular).fontSize(10).fillColor(INK)
}

/** "Label: value" on one line, the label in bold. */
export function field(doc: PDFKit.PDFDocument, label: string, value: string): void {
  const { left, width } = area(doc)
  doc
    .font(FONT.bold)
    .fontSize(10.5)
    .fillColor(INK)
    .text(`${clean(label)}: `, left, doc.y, { width, continued: true, lineGap: 1.5 })
    .font(FONT.regular)
    .text(clean(value), { lineGap: 1.5 })
  doc.moveDown(0.3)
}

const CELL_PAD = 4
const TABLE_SIZE = 8.5
/** A wide table's cells may shrink this far so that their words stay whole. */
const MIN_TABLE_SIZE = 7
/** Headers a little smaller: a narrow column's header wraps at words, not inside one. */
const HEAD_SIZE = 7.5
/** A header whose longest word is wider than its column is set smaller, down to this. */
const MIN_HEAD_SIZE = 5.5
/** The most of a table's width one column may claim for its cells' longest word. */
const MAX_WORD_SHARE = 0.3

/**
 * A text cut where PDFKit may wrap it: after the spaces (or line break) that follow a word, and
 * after a hyphen inside one (`Economico-|finanziario`). Each piece keeps what follows it, as
 * PDFKit does when it decides whether a word fits a line.
 */
function pieces(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)|(?<=\S-)(?=[^\s-])/).filter(Boolean)
}

/**
 * How far a cell's text may reach into the cell's padding: a space at the current font and
 * size. PDFKit counts a word with the space after it when it decides whether the word fits a
 * line, so a column exactly as wide as «trovano» still cut it into «tr / ovano»; cells are
 * wrapped this much wider than their column's inner width, the trailing space hangs (unseen)
 * into the padding and every word as wide as the inner width stays whole. A cell's text gets
 * a space at its end too (`hanging`), so its last line's letters keep within the inner width.
 */
const hang = (doc: PDFKit.PDFDocument) => doc.widthOfString(' ')

/** A cell's text with a space at its end (see `hang`). */
const hanging = (text: string) => (text && !/\s$/.test(text) ? `${text} ` : text)

/**
 * The width a piece needs from its column's inner width, at the current font and size: its
 * letters, or more when what follows them is wider than the hanging space (a line break, which
 * PDFKit measures as a glyph of its own).
 */
function pieceWidth(doc: PDFKit.PDFDocument, piece: string): number {
  return Math.max(doc.widthOfString(piece.trimEnd()), doc.widthOfString(piece) - hang(doc))
}

/**
 * `text` with every piece wider than `width` cut into parts that fit, each but the last ending
 * in a hyphen and a line break: a word longer than its column can ever be (a web address, the
 * longest word of a table too wide for the page) breaks visibly, as a typesetter breaks it,
 * rather than wherever PDFKit runs out of room. Other words are left alone.
 */
export function hyphenate(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const fits = (s: string) => pieceWidth(doc, s) <= width
  return pieces(text)
    .map((piece) => {
      if (fits(piece)) return piece
      const word = piece.trimEnd()
      const after = piece.slice(word.length)
      const parts: string[] = []
      let rest = [...word]
      while (rest.length > 1 && !fits(rest.join('') + after)) {
        let n = 1
        while (n + 1 < rest.length && fits(rest.slice(0, n + 1).join('') + '-\n')) n++
        parts.push(rest.slice(0, n).join('') + '-\n')
        rest = rest.slice(n)
      }
      return parts.join('') + rest.join('') + after
    })
    .join('')
}

/** How much of `text` fits in `height` at `width`: the longest prefix cut at a word. */
function fitText(doc: PDFKit.PDFDocument, text: string, width: number, height: number) {
  const words = text.split(/(?<=\s)/)
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (doc.heightOfString(words.slice(0, mid).join(''), { width }) <= height) lo = mid
    else hi = mid - 1
  }
  // a single word longer than the space: cut it by characters
  if (lo === 0) {
    const chars = [...text]
    let n = 1
    while (
      n < chars.length &&
      doc.heightOfString(chars.slice(0, n + 1).join(''), { width }) <= height
    )
      n++
    return { head: chars.slice(0, n).join(''), rest: chars.slice(n).join('') }
  }
  return { head: words.slice(0, lo).join(''), rest: words.slice(lo).join('') }
}

/**
 * Column widths in proportion to `weights`, but none narrower than it `needs` (its header's
 * longest word): what a column lacks is taken from the columns with room to spare, in
 * proportion to that room (six criteria beside a strategy's name: «Istituzionale» had broken
 * into «Istituzio / nale»). When all of them cannot be met, the proportions stand.
 */
export function columnWidths(
  weights: readonly number[],
  width: number,
  needs: readonly number[],
): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => (w / total) * width)
  if (needs.reduce((a, b) => a + b, 0) > width) return widths
  for (let round = 0; round < weights.length; round++) {
    const lack = widths.reduce((sum, w, i) => sum + Math.max(0, needs[i]! - w), 0)
    if (lack <= 0.01) break
    const spare = widths.map((w, i) => Math.max(0, w - needs[i]!))
    const room = spare.reduce((a, b) => a + b, 0)
    widths.forEach((w, i) => {
      widths[i] = w < needs[i]! ? needs[i]! : w - (spare[i]! / room) * lack
    })
  }
  return widths
}

/**
 * What each column needs so its words stay whole: its header's longest word, and its cells'
 * longest word. When the cells' longest words of all columns cannot fit the width together
 * (nine columns of indicators), every column still gets its cells' longest word up to the
 * largest common bound that fits: only words longer than that break («percorsi»,
 * «Trimestrale», «(01/01/2026)» broke while the header's words alone were kept whole).
 */
export function wordNeeds(
  headNeeds: readonly number[],
  cellNeeds: readonly number[],
  width: number,
): number[] {
  const bounded = (bound: number) =>
    cellNeeds.map((c, i) => Math.max(headNeeds[i]!, Math.min(c, bound)))
  const sum = (bound: number) => bounded(bound).reduce((a, b) => a + b, 0)
  let lo = 0
  let hi = Math.max(0, ...cellNeeds)
  if (sum(hi) <= width) return bounded(hi)
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2
    if (sum(mid) <= width) lo = mid
    else hi = mid
  }
  return bounded(lo)
}

/**
 * A table across the page width: `weights` share the width between the columns. A row that
 * does not fit moves to the next page with the header drawn again; a row taller than a whole
 * page is split between pages, each part under the header.
 */
export function table(doc: PDFKit.PDFDocument, data: Table, weights: readonly number[]): void {
  const { left, width } = area(doc)
  const header = data.columns.map(clean)
  const headWords = header.map(pieces)
  const room = (w: number) => w + 2 * CELL_PAD + 1.5
  // what a column needs for its header's longest word at the smallest header size…
  doc.font(FONT.bold).fontSize(MIN_HEAD_SIZE)
  const headNeeds = headWords.map((ws) => room(Math.max(0, ...ws.map((w) => pieceWidth(doc, w)))))
  // …and for its cells' longest word («Trimestrale», «Risorse economiche» were cut inside a
  // word), up to a share of the page: a URL may still break
  const cap = width * MAX_WORD_SHARE
  const cellNeedsAt = (size: number) => {
    doc.font(FONT.regular).fontSize(size)
    return header.map((_, i) => {
      // measured word by word, without spreading a long text's words as arguments, and no
      // further once a word reaches the cap
      let longest = 0
      for (const row of data.rows) {
        for (const w of pieces(clean(row[i] ?? ''))) {
          longest = Math.max(longest, pieceWidth(doc, w))
          if (room(longest) >= cap) break
        }
        if (room(longest) >= cap) break
      }
      return Math.max(headNeeds[i]!, Math.min(cap, room(longest)))
    })
  }
  // the cells at the largest size (down to MIN_TABLE_SIZE) where every column's longest word
  // fits beside the others' (nine columns of indicators cut «percorsi», «Trimestrale»); when
  // not even the smallest would do (a long address held at the cap), the usual size stays
  let bodySize = TABLE_SIZE
  let cellNeeds = cellNeedsAt(bodySize)
  const total = (needs: readonly number[]) => needs.reduce((a, b) => a + b, 0)
  if (total(cellNeeds) > width && total(cellNeedsAt(MIN_TABLE_SIZE)) <= width)
    while (bodySize > MIN_TABLE_SIZE && total(cellNeeds) > width) {
      bodySize -= 0.5
      cellNeeds = cellNeedsAt(bodySize)
    }
  const widths = columnWidths(weights, width, wordNeeds(headNeeds, cellNeeds, width))
  const inner = (i: number) => widths[i]! - 2 * CELL_PAD

  // the headers at one size, the largest where every header's longest word fits its column
  // («Economico-finanziario» in a narrow one), so they wrap between words, never inside one
  doc.font(FONT.bold)
  const fits = (size: number) =>
    headWords.every((ws, i) => ws.every((w) => pieceWidth(doc.fontSize(size), w) <= inner(i) - 1))
  let headSize = HEAD_SIZE
  while (headSize > MIN_HEAD_SIZE && !fits(headSize)) headSize -= 0.5
  const sizeOf = (font: string) => (font === FONT.bold ? headSize : bodySize)
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(sizeOf(font))
    const heights = cells.map((c, i) =>
      doc.heightOfString(c || ' ', { width: inner(i) + hang(doc) }),
    )
    return Math.max(...heights) + 2 * CELL_PAD
  }
  const drawRow = (cells: readonly string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font)
    const y = doc.y
    let x = left
    if (fill) doc.rect(left, y, width, h).fill(fill)
    doc.font(font).fontSize(sizeOf(font)).fillColor(INK)
    cells.forEach((cell, i) => {
      doc.text(cell, x + CELL_PAD, y + CELL_PAD, { width: inner(i) + hang(doc) })
      x += widths[i]!
    })
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
    doc.x = left
    doc.y = y + h
  }

  // a word wider than its column could be (only when the page cannot give it room) is cut
  // with a hyphen, at the size it is drawn
  doc.font(FONT.bold).fontSize(headSize)
  const head = header.map((h, i) => hanging(hyphenate(doc, h, inner(i))))
  const headerHeight = rowHeight(head, FONT.bold)
  const drawHeader = () => drawRow(head, FONT.bold, HEAD_FILL)
  ensureSpace(doc, headerHeight + 3 * bodySize)
  drawHeader()
  for (const raw of data.rows) {
    doc.font(FONT.regular).fontSize(bodySize)
    let cells = raw.map((c, i) => hanging(hyphenate(doc, clean(c), inner(i))))
    for (;;) {
      const h = rowHeight(cells, FONT.regular)
      if (doc.y + h <= area(doc).bottom) {
        drawRow(cells, FONT.regular)
        break
      }
      const fresh = area(doc).bottom - area(doc).top - headerHeight
      if (h <= fresh || doc.y + 3 * bodySize + 2 * CELL_PAD > area(doc).bottom) {
        // the row fits on a fresh page (or almost nothing is left here): move it there
        doc.addPage()
        drawHeader()
        if (h <= fresh) continue
      }
      // taller than what is left: this page gets what fits, the rest goes on
      const room = area(doc).bottom - doc.y - 2 * CELL_PAD
      doc.font(FONT.regular).fontSize(bodySize)
      const parts = cells.map((c, i) => fitText(doc, c, inner(i) + hang(doc), room))
      drawRow(
        parts.map((p) => p.head),
        FONT.regular,
      )
      cells = parts.map((p) => p.rest)
      if (cells.every((c) => !c.trim())) break
      doc.addPage()
      drawHeader()
    }
  }
  doc.moveDown(0.6)
}

/**
 * The smallest scale a canvas's picture is drawn at when it can be helped: its cards' text (14
 * in the picture) at 7 pt, what a printed page can still be read at.
 */
const READABLE_SCALE = 0.5
/** At most this many pages for one picture cut in pieces; a larger one fits one page. */
const MAX_PIECES = 6
/** What two neighbouring pieces of a picture both show, so a card cut at an edge reads whole. */
const PIECE_OVERLAP = 36
/** The line above a piece that says which one it is. */
const PIECE_CAPTION = 16

type Svg = { svg: string; width: number; height: number }

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
 * and when even that would shrink its text below 7 pt (a workshop's 50-card tree came out at
 * 3.3 pt), cut in pieces over sideways pages at that size, up to MAX_PIECES of them.
 */
export function vectorImage(
  doc: PDFKit.PDFDocument,
  svg: Svg,
  {
    minHeight = 220,
    piece,
  }: { minHeight?: number; piece?: (n: number, of: number) => string } = {},
): void {
  if (area(doc).bottom - doc.y < minHeight) doc.addPage()
  const here = area(doc)
  const fit = (w: number, h: number) => Math.min(w / svg.width, h / svg.height, 1)
  let scale = fit(here.width, here.bottom - doc.y)
  if (scale < READABLE_SCALE) {
    const upright = fit(here.width, here.bottom - here.top)
    // A4 sideways: the upright page's height is its width
    const sideways = fit(doc.page.height - 2 * MARGIN, doc.page.width - 2 * MARGIN)
    if (Math.max(upright, sideways) < READABLE_SCALE && piecesOf(doc, svg) <= MAX_PIECES)
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
function piecesOf(doc: PDFKit.PDFDocument, svg: Svg): number {
  const { cols, rows } = pieceGrid(doc, svg)
  return cols * rows
}

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
 * under a line that says which piece it is («Parte 2 di 4 · riga 1, colonna 2»).
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

/** "Pagina n di N" at the foot of every page. */
export function numberPages(doc: PDFKit.PDFDocument, label: (n: number, of: number) => string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const { width, height, margins } = doc.page
    const bottom = margins.bottom
    // writing inside the bottom margin must not start a new page
    doc.page.margins.bottom = 0
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text(label(i + 1, range.count), margins.left, height - bottom / 2 - 4, {
        width: width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
}

/** The finished document as bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}
