import type { Actor } from './actors.ts'
import { decodeCsvBytes, readCsv, writeCsv, type Separator } from './csvCore.ts'
import {
  MAX_CSV_ROWS,
  MESSAGES,
  OBJECTIVE_SEPARATOR,
  issue,
  protect,
  detectScale,
  rowSchema,
  type CsvIssue,
  type CsvIssueCode,
  type ObjectiveRef,
} from './csvRow.ts'
import type { ActorCategory, Stance } from '../schema/index.ts'
import { COLUMN_NAMES, ITALIAN_NAMES, normaliseName, type VocabularyNames } from './names.ts'

export {
  MAX_CSV_ROWS,
  OBJECTIVE_SEPARATOR,
  type CsvIssue,
  type CsvIssueCode,
  type ObjectiveRef,
} from './csvRow.ts'

/**
 * The register of actors as CSV, written the way Italian Excel opens it: `;` separators, UTF-8
 * with a BOM, category and stance as the words the UI shows, power and interest on 0–100.
 * The header uses stable column names (the field names of the data contract, `name` for the
 * card's label, `id` for the card, so a re-import updates the same actors instead of adding
 * copies). Import also takes `,` or tab separators, the stored codes, and the older 0–1 scale
 * (a file whose plain numbers are all between 0 and 1 with at least one decimal, see
 * `detectScale`).
 */
export const REGISTER_COLUMNS = [
  'id',
  'name',
  'organisation',
  'category',
  'pactRole',
  'power',
  'interest',
  'stance',
  'desiredStance',
  'engagement',
  'interests',
  'affected',
  'capacity',
  'motivation',
  'contribution',
  'contact',
  'objectives',
] as const
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number]
const REQUIRED_COLUMNS: RegisterColumn[] = ['name', 'category']

export const MAX_CSV_BYTES = 5 * 1024 * 1024
export type ImportedActorFields = Omit<Actor, 'id' | 'x' | 'y'>
export interface ImportedRow {
  row: number
  /** The card id from the `id` column, when the file has one (an export from a board). */
  id?: string
  fields: ImportedActorFields
  /**
   * The fields the file actually gives for this row: columns it has, less blank power,
   * interest and stance cells. An update changes only these.
   */
  given: (keyof ImportedActorFields)[]
}

export type RegisterImport =
  | { ok: false; fatal: CsvIssue }
  | { ok: true; separator: Separator; rows: ImportedRow[]; issues: CsvIssue[]; badRows: number[] }

/** The register as CSV text: UTF-8 with a BOM (so Excel reads the accents), a header row. */
export function registerToCsv(
  actors: readonly Actor[],
  objectives: readonly ObjectiveRef[] = [],
  options: { separator?: Separator; names?: VocabularyNames } = {},
): string {
  const separator = options.separator ?? ';'
  const names = options.names ?? ITALIAN_NAMES
  const byId = new Map(objectives.map((o) => [o.id, o]))
  // a label that is ambiguous or holds the separator is written as its id
  const labelCount = new Map<string, number>()
  for (const o of objectives)
    labelCount.set(normaliseName(o.label), (labelCount.get(normaliseName(o.label)) ?? 0) + 1)
  const objectiveRef = (id: string) => {
    const o = byId.get(id)
    if (!o) return null
    const clean = o.label.trim()
    return clean &&
      !clean.includes(OBJECTIVE_SEPARATOR) &&
      labelCount.get(normaliseName(clean)) === 1
      ? clean
      : id
  }
  // Every cell is guarded, the ones the server or the vocabulary writes too: an id or a stance
  // arrives from a shared document any participant can write.
  const rows = actors.map((a) =>
    REGISTER_COLUMNS.map((column): string => {
      switch (column) {
        case 'id':
          return protect(a.id)
        case 'name':
          return protect(a.label)
        case 'power':
        case 'interest':
          // an actor nobody has placed has no power or interest yet: blank, as it imports back
          return a.placed ? protect(String(Math.round(a[column] * 100))) : ''
        case 'category':
          return protect(String(names.category[a.category as ActorCategory] ?? a.category))
        case 'stance':
        case 'desiredStance':
          return protect(String(names.stance[a[column] as Stance] ?? a[column]))
        case 'objectives':
          return a.objectives
            .map(objectiveRef)
            .filter((r): r is string => r !== null)
            .map(protect)
            .join(` ${OBJECTIVE_SEPARATOR} `)
        default:
          return protect(a[column])
      }
    }),
  )
  const header = REGISTER_COLUMNS.map((c) => protect(names.columns?.[c] ?? c))
  return '\uFEFF' + writeCsv([header, ...rows], separator)
}

/**
 * Reads and validates a register file (bytes as read from disk, or text). Every row is checked;
 * the issues name the row and column. The caller decides: nothing when there are issues, or only
 * the good rows after the user agrees.
 */
export function parseRegisterCsv(
  input: Uint8Array | string,
  options: { objectives?: readonly ObjectiveRef[] } = {},
): RegisterImport {
  if (typeof input !== 'string' && input.byteLength > MAX_CSV_BYTES)
    return { ok: false, fatal: issue('too-large') }
  const decoded =
    typeof input === 'string' ? { ok: true as const, text: input } : decodeCsvBytes(input)
  if (!decoded.ok) return { ok: false, fatal: issue('not-utf8', { line: decoded.line }) }
  const read = readCsv(decoded.text)
  if (!read.ok) return { ok: false, fatal: issue('unclosed-quote', { line: read.line }) }
  const [header, ...records] = read.records
  if (!header) return { ok: false, fatal: issue('empty-file') }
  if (records.length > MAX_CSV_ROWS) return { ok: false, fatal: issue('too-many-rows') }

  const columns = header.fields.map((h) => h.trim())
  // Italian or English headers, or the stable codes
  const known = new Map<string, RegisterColumn>()
  for (const c of REGISTER_COLUMNS) {
    known.set(normaliseName(c), c)
    for (const alias of COLUMN_NAMES[c]) known.set(normaliseName(alias), c)
  }
  const seen = new Set<string>()
  const indexOf = new Map<RegisterColumn, number>()
  for (const [i, name] of columns.entries()) {
    const column = known.get(normaliseName(name))
    if (!column)
      return {
        ok: false,
        fatal: issue('unknown-column', { row: 1, line: header.line, column: name, value: name }),
      }
    if (seen.has(column))
      return { ok: false, fatal: issue('duplicate-column', { row: 1, line: header.line, column }) }
    seen.add(column)
    indexOf.set(column, i)
  }
  for (const column of REQUIRED_COLUMNS)
    if (!indexOf.has(column))
      return { ok: false, fatal: issue('missing-column', { row: 1, line: header.line, column }) }

  const cellsOf = (c: RegisterColumn) =>
    indexOf.has(c) ? records.map((r) => r.fields[indexOf.get(c)!] ?? '') : []
  const scale = detectScale([...cellsOf('power'), ...cellsOf('interest')])
  const schema = rowSchema(options.objectives ?? [], scale)
  const rows: ImportedRow[] = []
  const issues: CsvIssue[] = []
  const badRows: number[] = []
  records.forEach((record, i) => {
    const row = i + 2
    // a row a spreadsheet left with only separators is no actor
    if (record.fields.every((f) => f.trim() === '')) return
    const rowIssues: CsvIssue[] = []
    if (record.fields.slice(columns.length).some((f) => f.trim() !== ''))
      rowIssues.push(issue('extra-fields', { row, line: record.line }))
    const cells = Object.fromEntries(
      REGISTER_COLUMNS.map((c) => [
        c,
        indexOf.has(c) ? (record.fields[indexOf.get(c)!] ?? '') : '',
      ]),
    )
    const parsed = schema.safeParse(cells)
    if (!parsed.success)
      for (const zi of parsed.error.issues) {
        const column = String(zi.path[0] ?? '')
        const code = (zi.message in MESSAGES ? zi.message : 'required') as CsvIssueCode
        const raw = (zi as { params?: { value?: unknown } }).params?.value
        const value = typeof raw === 'string' ? raw : (cells[column] ?? '').trim()
        rowIssues.push(issue(code, { row, line: record.line, column, ...(value ? { value } : {}) }))
      }
    if (rowIssues.length || !parsed.success) {
      issues.push(...rowIssues)
      badRows.push(row)
      return
    }
    const { id, name, stance, desiredStance, ...rest } = parsed.data
    const current = stance ?? 'neutral'
    const given: (keyof ImportedActorFields)[] = []
    for (const c of REGISTER_COLUMNS) {
      if (c === 'id' || !indexOf.has(c)) continue
      const blank = (cells[c] ?? '').trim() === ''
      if (blank && (c === 'power' || c === 'interest' || c === 'stance' || c === 'desiredStance'))
        continue
      given.push(c === 'name' ? 'label' : c)
    }
    rows.push({
      row,
      ...(id ? { id } : {}),
      given,
      fields: {
        ...(rest as Omit<ImportedActorFields, 'label' | 'stance' | 'desiredStance'>),
        label: name,
        stance: current,
        desiredStance: desiredStance ?? current,
      },
    })
  })
  return { ok: true, separator: read.separator, rows, issues, badRows }
}
