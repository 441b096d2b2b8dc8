/**
 * The building blocks of the pact document on top of PDFKit: headings, paragraphs, fields, page
 * numbers (tables in pdfTable.ts, the canvases' pictures in pdfPicture.ts).
 * Every text is real text in the bundled DejaVu Sans (embedded, so accents and searching work
 * in every reader); nothing is a screenshot.
 */
import PDFDocument from 'pdfkit'
import { readFileSync } from 'node:fs'
import { create as parseFont } from 'fontkit'
import { FONT_FILES, OBLIQUE_FONT_FILE } from './fonts.ts'

export const FONT = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique' } as const
export const INK = '#1f2328'
export const MUTED = '#4a4f57'
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
