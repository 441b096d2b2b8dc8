/**
 * The board's tables as spreadsheets that open cleanly in Italian Excel: `;` separators, UTF-8
 * with a byte order mark, headers in the reader's language, decimal commas in Italian, every
 * cell guarded against formulas. The writer and the guard are the register's own
 * (shared/stakeholders), so every CSV of Trama is written one way.
 */
import type { BoardExport } from '../export/format.ts'
import type { ImageLang } from '../render/labels.ts'
import { slugify } from '../render/labels.ts'
import { registerToCsv } from '../stakeholders/csv.ts'
import { writeCsv } from '../stakeholders/csvCore.ts'
import { protect } from '../stakeholders/csvRow.ts'
import { columnNames, ITALIAN_NAMES, type VocabularyNames } from '../stakeholders/names.ts'
import { CSV_TABLES, type CsvTable } from './files.ts'
import { DOCUMENT_LABELS } from './labels.ts'
import { dotVotesTable } from './dotVotes.ts'
import { commitmentsCsv, indicatorsCsv } from './pactTables.ts'
import {
  logframeTable,
  objectivesInOrder,
  actorsOf,
  scoresTable,
  votesTable,
  type Table,
} from './tables.ts'

const BOM = '\uFEFF'

export { CSV_TABLES, type CsvTable }

/** A table as CSV text: BOM, header row, `;`, CRLF, every cell behind the formula guard. */
export function tableToCsv(table: Table): string {
  const guard = (row: readonly string[]) => row.map((cell) => protect(cell))
  return BOM + writeCsv([guard(table.columns), ...table.rows.map(guard)], ';')
}

const FILE_NAMES: Record<CsvTable, string> = {
  logframe: 'quadro-logico',
  scores: 'punteggi-strategie',
  votes: 'voti-strategie',
  dots: 'votazioni-a-punti',
  register: 'registro-stakeholder',
  commitments: 'impegni-patto',
  indicators: 'indicatori-patto',
}

/** `patto-val-seriana-2027-quadro-logico-2026-12-02.csv` */
export function csvFileName(title: string, table: CsvTable, isoDay: string): string {
  return `${slugify(title) || 'trama'}-${FILE_NAMES[table]}-${isoDay}.csv`
}

function registerNames(lang: ImageLang): VocabularyNames {
  if (lang === 'it') return ITALIAN_NAMES
  const labels = DOCUMENT_LABELS.en
  return {
    category: labels.image.categories,
    stance: labels.stances,
    columns: columnNames('en'),
  }
}

/** One table of the board as CSV text. */
export function boardCsv(board: BoardExport, table: CsvTable, lang: ImageLang = 'it'): string {
  switch (table) {
    case 'logframe':
      return tableToCsv(logframeTable(board, lang))
    case 'scores':
      return tableToCsv(scoresTable(board, lang))
    case 'votes':
      return tableToCsv(votesTable(board, lang))
    case 'dots':
      return tableToCsv(dotVotesTable(board, lang))
    case 'commitments':
      // the ledger's spreadsheet: the amount a number of its own, the unit beside it
      return commitmentsCsv(board, lang)
    case 'indicators':
      // the indicators page's spreadsheet: each value a number, its date in a column of its own
      return indicatorsCsv(board, lang)
    case 'register':
      // the register's own format, which the register's import reads back
      return registerToCsv(
        actorsOf(board),
        objectivesInOrder(board).filter((o) => o.status !== 'discarded'),
        { names: registerNames(lang) },
      )
  }
}
