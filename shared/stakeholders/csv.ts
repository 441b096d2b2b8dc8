import type { Actor } from './actors.ts'
import { decodeCsvBytes, readCsv, writeCsv, type Separator } from './csvCore.ts'
import {
  MAX_CSV_ROWS,
  MESSAGES,
  OBJECTIVE_SEPARATOR,
  issue,
  protect,
  rowSchema,
  type CsvIssue,
  type CsvIssueCode,
  type ObjectiveRef,
} from './csvRow.ts'
import { normaliseName } from './names.ts'

export {
  MAX_CSV_ROWS,
  OBJECTIVE_SEPARATOR,
  type CsvIssue,
  type CsvIssueCode,
  type ObjectiveRef,
} from './csvRow.ts'

/**
 * The register of actors as CSV. The header uses stable column names (the field names of the
 * data contract, `name` for the card's label), so a file round-trips between boards and years.
 */
export const REGISTER_COLUMNS = [
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
  fields: ImportedActorFields
}

export type RegisterImport =
  | { ok: false; fatal: CsvIssue }
  | { ok: true; separator: Separator; rows: ImportedRow[]; issues: CsvIssue[]; badRows: number[] }

/** The register as CSV text: UTF-8 with a BOM (so Excel reads the accents), a header row. */
export function registerToCsv(
  actors: readonly Actor[],
  objectives: readonly ObjectiveRef[] = [],
  separator: Separator = ',',
): string {
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
  const rows = actors.map((a) =>
    REGISTER_COLUMNS.map((column): string => {
      switch (column) {
        case 'name':
          return protect(a.label)
        case 'power':
        case 'interest':
          return String(a[column])
        case 'category':
        case 'stance':
        case 'desiredStance':
          return a[column]
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
  return '\uFEFF' + writeCsv([[...REGISTER_COLUMNS], ...rows], separator)
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
  const known = new Map(REGISTER_COLUMNS.map((c) => [c.toLowerCase(), c]))
  const seen = new Set<string>()
  const indexOf = new Map<RegisterColumn, number>()
  for (const [i, name] of columns.entries()) {
    const column = known.get(name.toLowerCase())
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

  const schema = rowSchema(options.objectives ?? [])
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
    const { name, stance, desiredStance, ...rest } = parsed.data
    const current = stance ?? 'neutral'
    rows.push({
      row,
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
