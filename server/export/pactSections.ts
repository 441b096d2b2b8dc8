/**
 * The pact phase's sections of the document (schema 5): the common vision, governance, mutual
 * commitments, shared indicators, monitoring. One PactSection each, like the method's, each
 * drawing the blocks shared/document/pactBlocks.ts reads of the board (a version's view in the
 * page shows the same blocks).
 */
import {
  PACT_SECTION_IDS,
  pactSectionBlocks,
  type PactBlock,
} from '../../shared/document/pactBlocks.ts'
import { PACT_LABELS } from '../../shared/document/pactLabels.ts'
import { field, heading, paragraph } from './pdfLayout.ts'
import { table } from './pdfTable.ts'
import type { PactSection } from './section.ts'

function draw(doc: PDFKit.PDFDocument, block: PactBlock): void {
  if (block.kind === 'field') field(doc, block.label, block.value)
  else if (block.kind === 'heading') heading(doc, block.text, 2)
  else if (block.kind === 'table') table(doc, block.table, block.weights)
  else if (block.style === 'empty') paragraph(doc, block.text, { muted: true, italic: true })
  else paragraph(doc, block.text, block.style === 'lead' ? { size: 12 } : {})
}

/** In the order of the pact phase's views. */
export const PACT_SECTIONS: readonly PactSection[] = PACT_SECTION_IDS.map((id) => ({
  id,
  title: (_, lang) => PACT_LABELS[lang].sections[id],
  // nothing but headings and the words for none
  isEmpty: (ctx) =>
    pactSectionBlocks(ctx.board, id, ctx.lang).blocks.every(
      (b) => b.kind === 'heading' || (b.kind === 'text' && b.style === 'empty'),
    ),
  draw: (ctx) => {
    for (const block of pactSectionBlocks(ctx.board, id, ctx.lang).blocks) draw(ctx.doc, block)
  },
}))
