/**
 * Tables in the pact document: columns wide enough for their longest word (room taken from the
 * wider ones), words broken only with a hyphen and only when wider than the page can give,
 * headers set smaller rather than cut, rows split across pages with the header repeated.
 */
import type { Table } from '../../shared/document/tables.ts'
import { FONT, INK, area, ensureSpace, clean } from './pdfLayout.ts'

const RULE = '#c9cdd3'
const HEAD_FILL = '#eef1f5'

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
