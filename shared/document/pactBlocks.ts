/**
 * What the pact phase says, section by section, as blocks of text and tables: the pact
 * document (server/export/pactSections.ts) draws them on paper and a stored version's view
 * (client/history/VersionPact.tsx) in the page, so both say the same thing of the same board.
 */
import type { BoardExport } from '../export/format.ts'
import type { ImageLang } from '../render/labels.ts'
import { DOCUMENT_LABELS } from './labels.ts'
import { PACT_LABELS } from './pactLabels.ts'
import {
  adhesionsTable,
  bodiesTable,
  commitmentTotalsTable,
  commitmentsTable,
  indicatorsTable,
  monitoringOf,
  pactFrame,
  rulesOf,
} from './pactTables.ts'
import type { Table } from './tables.ts'

export type PactBlock =
  /** «Territorio: Val Seriana» */
  | { kind: 'field'; label: string; value: string }
  /** `lead`: the section's main text (the vision); `empty`: what stands for nothing written. */
  | { kind: 'text'; text: string; style?: 'lead' | 'empty' }
  | { kind: 'heading'; text: string }
  /** `weights`: the columns' relative widths on paper. */
  | { kind: 'table'; table: Table; weights: readonly number[] }

export const PACT_SECTION_IDS = [
  'vision',
  'governance',
  'commitments',
  'indicators',
  'monitoring',
] as const
export type PactSectionId = (typeof PACT_SECTION_IDS)[number]

export interface PactSectionBlocks {
  id: PactSectionId
  title: string
  blocks: PactBlock[]
}

/** A table, or the word for none when it has no rows. */
function tableOrEmpty(data: Table, weights: readonly number[], lang: ImageLang): PactBlock {
  return data.rows.length
    ? { kind: 'table', table: data, weights }
    : { kind: 'text', text: DOCUMENT_LABELS[lang].empty, style: 'empty' }
}

const SECTIONS: Record<PactSectionId, (board: BoardExport, lang: ImageLang) => PactBlock[]> = {
  vision: (board, lang) => {
    const l = PACT_LABELS[lang]
    const frame = pactFrame(board)
    return [
      ...(frame.territory
        ? [{ kind: 'field', label: l.territory, value: frame.territory } as const]
        : []),
      ...(frame.horizon
        ? [{ kind: 'field', label: l.horizon, value: frame.horizon } as const]
        : []),
      frame.vision
        ? { kind: 'text', text: frame.vision, style: 'lead' }
        : { kind: 'text', text: l.noVision, style: 'empty' },
    ]
  },
  governance: (board, lang) => {
    const l = PACT_LABELS[lang]
    const rules = rulesOf(board)
    const bodies = bodiesTable(board, lang)
    // the members' column marks the lead with ★: said once, under the table
    const members = bodies.columns.indexOf(l.body.members)
    const leads = bodies.rows.some((row) => row[members]?.includes('★'))
    return [
      { kind: 'heading', text: l.bodies },
      tableOrEmpty(bodies, [1.5, 1, 2.3, 2.1, 1.2, 1.2], lang),
      ...(leads ? [{ kind: 'text', text: l.leadNote, style: 'empty' } as const] : []),
      { kind: 'heading', text: l.rules },
      ...(rules.length
        ? rules.map((rule, i): PactBlock => ({ kind: 'text', text: `${i + 1}. ${rule}` }))
        : [{ kind: 'text', text: DOCUMENT_LABELS[lang].empty, style: 'empty' } as const]),
    ]
  },
  commitments: (board, lang) => {
    const totals = commitmentTotalsTable(board, lang)
    return [
      tableOrEmpty(commitmentsTable(board, lang), [1.5, 1.1, 2, 1.2, 1.4, 1.6, 1.4], lang),
      ...(totals.rows.length
        ? [
            { kind: 'heading', text: PACT_LABELS[lang].totals.title } as const,
            { kind: 'table', table: totals, weights: [1.5, 3, 1] } as const,
          ]
        : []),
      { kind: 'heading', text: PACT_LABELS[lang].adhesions },
      tableOrEmpty(adhesionsTable(board, lang), [2.5, 0.8, 1, 1.6], lang),
    ]
  },
  indicators: (board, lang) => [
    tableOrEmpty(indicatorsTable(board, lang), [2, 0.9, 1, 1.2, 1.2, 1.5, 1, 1.3, 1.5], lang),
  ],
  monitoring: (board, lang) => {
    const view = monitoringOf(board, lang)
    return [
      tableOrEmpty(view.values, [1.5, 1, 2.5, 1.2], lang),
      ...(view.feedback.rows.length
        ? [{ kind: 'table', table: view.feedback, weights: [1.5, 1, 4] } as const]
        : []),
      { kind: 'heading', text: PACT_LABELS[lang].adaptations },
      tableOrEmpty(view.adaptations, [1.3, 2.5, 1.3, 1, 1.5, 0.6], lang),
    ]
  },
}

/** One section of the pact: its title and its blocks. */
export function pactSectionBlocks(
  board: BoardExport,
  id: PactSectionId,
  lang: ImageLang,
): PactSectionBlocks {
  return { id, title: PACT_LABELS[lang].sections[id], blocks: SECTIONS[id](board, lang) }
}

/** The pact's sections, in the order of the pact phase's views. */
export function pactBlocks(board: BoardExport, lang: ImageLang): PactSectionBlocks[] {
  return PACT_SECTION_IDS.map((id) => pactSectionBlocks(board, id, lang))
}
