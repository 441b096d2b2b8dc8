/**
 * The pact phase's sections of the document (schema 5): the common vision, governance, mutual
 * commitments, shared indicators, monitoring. One PactSection each, like the method's.
 */
import { PACT_LABELS } from '../../shared/document/pactLabels.ts'
import {
  adhesionsTable,
  bodiesTable,
  commitmentTotalsTable,
  commitmentsTable,
  indicatorsTable,
  monitoringOf,
  pactFrame,
  rulesOf,
} from '../../shared/document/pactTables.ts'
import type { Table } from '../../shared/document/tables.ts'
import { field, heading, paragraph, table } from './pdfLayout.ts'
import type { PactSection, SectionContext } from './section.ts'

function tableOrEmpty(ctx: SectionContext, data: Table, weights: number[]): void {
  if (data.rows.length === 0) paragraph(ctx.doc, ctx.labels.empty, { muted: true, italic: true })
  else table(ctx.doc, data, weights)
}

const vision: PactSection = {
  id: 'vision',
  title: (_, lang) => PACT_LABELS[lang].sections.vision,
  draw: (ctx) => {
    const l = PACT_LABELS[ctx.lang]
    const frame = pactFrame(ctx.board)
    if (frame.territory) field(ctx.doc, l.territory, frame.territory)
    if (frame.horizon) field(ctx.doc, l.horizon, frame.horizon)
    if (frame.vision) paragraph(ctx.doc, frame.vision, { size: 12 })
    else paragraph(ctx.doc, l.noVision, { muted: true, italic: true })
  },
}

const governance: PactSection = {
  id: 'governance',
  title: (_, lang) => PACT_LABELS[lang].sections.governance,
  draw: (ctx) => {
    const l = PACT_LABELS[ctx.lang]
    heading(ctx.doc, l.bodies, 2)
    tableOrEmpty(ctx, bodiesTable(ctx.board, ctx.lang), [1.5, 1, 2.4, 2.2, 1.2, 1])
    heading(ctx.doc, l.rules, 2)
    const rules = rulesOf(ctx.board)
    if (!rules.length) paragraph(ctx.doc, ctx.labels.empty, { muted: true, italic: true })
    rules.forEach((rule, i) => paragraph(ctx.doc, `${i + 1}. ${rule}`))
  },
}

const commitments: PactSection = {
  id: 'commitments',
  title: (_, lang) => PACT_LABELS[lang].sections.commitments,
  draw: (ctx) => {
    tableOrEmpty(ctx, commitmentsTable(ctx.board, ctx.lang), [1.5, 1.1, 2, 1.2, 1.4, 1.6, 1.4])
    const totals = commitmentTotalsTable(ctx.board, ctx.lang)
    if (totals.rows.length) {
      heading(ctx.doc, PACT_LABELS[ctx.lang].totals.title, 2)
      table(ctx.doc, totals, [1.5, 3, 1])
    }
    heading(ctx.doc, PACT_LABELS[ctx.lang].adhesions, 2)
    tableOrEmpty(ctx, adhesionsTable(ctx.board, ctx.lang), [2.5, 0.8, 1, 1.6])
  },
}

const indicators: PactSection = {
  id: 'indicators',
  title: (_, lang) => PACT_LABELS[lang].sections.indicators,
  draw: (ctx) =>
    tableOrEmpty(
      ctx,
      indicatorsTable(ctx.board, ctx.lang),
      [2, 0.9, 1, 1.2, 1.2, 1.5, 1, 1.3, 1.5],
    ),
}

const monitoring: PactSection = {
  id: 'monitoring',
  title: (_, lang) => PACT_LABELS[lang].sections.monitoring,
  draw: (ctx) => {
    const view = monitoringOf(ctx.board, ctx.lang)
    tableOrEmpty(ctx, view.values, [1.5, 1, 2.5, 1.2])
    if (view.feedback.rows.length) table(ctx.doc, view.feedback, [1.5, 1, 4])
    heading(ctx.doc, PACT_LABELS[ctx.lang].adaptations, 2)
    tableOrEmpty(ctx, view.adaptations, [1.3, 2.5, 1.3, 1, 1.5, 0.6])
  },
}

/** In the order of the pact phase's views. */
export const PACT_SECTIONS: readonly PactSection[] = [
  vision,
  governance,
  commitments,
  indicators,
  monitoring,
]
