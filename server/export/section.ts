import type { BoardExport } from '../../shared/export/format.ts'
import type { DocumentLabels } from '../../shared/document/labels.ts'
import type { ImageLang } from '../../shared/render/labels.ts'

/** What every section of the pact document draws with. */
export interface SectionContext {
  doc: PDFKit.PDFDocument
  board: BoardExport
  labels: DocumentLabels
  lang: ImageLang
  /** `YYYY-MM-DD`, the day the document speaks of. */
  day: string
}

/** One section of the document: its title, and what it draws below the title. */
export interface PactSection {
  id: string
  title: (labels: DocumentLabels, lang: ImageLang) => string
  draw: (ctx: SectionContext) => void
  /**
   * Whether the section opens on a sideways page: a picture drawn larger there, under the
   * section's title, than on an upright page (else it went to a page of its own, sideways,
   * and left the title alone on an empty one).
   */
  sideways?: (ctx: SectionContext) => boolean
  /**
   * Whether the board holds nothing for this section yet, so that it would only say so: it then
   * follows the section before it on that page when there is room, instead of taking a page for
   * one line (a document from the first phases is otherwise mostly empty pages).
   */
  isEmpty?: (ctx: SectionContext) => boolean
}
