/** One row of the register file: its cells checked with zod, issues named by code. */
import { z } from 'zod'
import { MAX_LABEL_LENGTH } from '../export/format.ts'
import type { ActorCategory, Stance } from '../schema/index.ts'
import { ACTOR_TEXT_FIELDS, DEFAULT_INTEREST, DEFAULT_POWER } from './actors.ts'
import { CATEGORY_NAMES, STANCE_NAMES, lookupName, normaliseName } from './names.ts'

export const MAX_CSV_ROWS = 5_000
const MAX_TEXT = 8_000
/** Several objectives in one cell. */
export const OBJECTIVE_SEPARATOR = '|'

export type CsvIssueCode =
  | 'not-utf8'
  | 'too-large'
  | 'too-many-rows'
  | 'empty-file'
  | 'unclosed-quote'
  | 'missing-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'extra-fields'
  | 'required'
  | 'too-long'
  | 'unknown-category'
  | 'unknown-stance'
  | 'not-a-number'
  | 'out-of-range'
  | 'unknown-objective'

export interface CsvIssue {
  code: CsvIssueCode
  /** Row of the sheet (the header is row 1), null for the file as a whole. */
  row: number | null
  /** Line of the file where that row starts (differs from `row` after multi-line cells). */
  line: number | null
  column: string | null
  /** The offending value or column name, when there is one. */
  value?: string
  /** The same, in English, for logs and tests; the UI translates `code`. */
  message: string
}

export interface ObjectiveRef {
  id: string
  label: string
}

export const MESSAGES: Record<CsvIssueCode, string> = {
  'not-utf8': 'the file is not UTF-8 text (save it as "CSV UTF-8")',
  'too-large': 'the file is too large',
  'too-many-rows': `more than ${MAX_CSV_ROWS} rows`,
  'empty-file': 'the file has no header row',
  'unclosed-quote': 'a quoted field is never closed',
  'missing-column': 'a required column is missing',
  'unknown-column': 'unknown column',
  'duplicate-column': 'the column appears twice',
  'extra-fields': 'more fields than columns in the header',
  required: 'required',
  'too-long': 'text too long',
  'unknown-category': 'not an actor category',
  'unknown-stance': 'not a stance (supports, neutral, resists)',
  'not-a-number': 'not a number',
  'out-of-range': 'must be between 0 and 100 (or 0 to 1 with decimals, as in older files)',
  'unknown-objective': 'no such objective on this board',
}

export function issue(
  code: CsvIssueCode,
  at: Partial<Omit<CsvIssue, 'code' | 'message'>> = {},
): CsvIssue {
  const where = [
    at.row != null ? `row ${at.row}` : '',
    at.column ? `column ${at.column}` : '',
  ].filter(Boolean)
  const value = at.value != null ? ` ("${at.value}")` : ''
  return {
    code,
    row: at.row ?? null,
    line: at.line ?? null,
    column: at.column ?? null,
    ...(at.value != null ? { value: at.value } : {}),
    message: `${where.length ? where.join(', ') + ': ' : ''}${MESSAGES[code]}${value}`,
  }
}

/**
 * A spreadsheet may run a cell as a formula when, after any spaces (some skip them), it starts
 * with = + - @, one of their full-width forms (Excel folds ＝ to = in some locales, and an IME
 * types them), a small form or the minus sign; or when it starts with a tab or CR (OWASP's list).
 * Quotes before a sign count too, so a text that really starts with `'=` keeps its quote through
 * export and import.
 */
const DANGEROUS = /^[\s']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]|^[\t\r]/
const GUARDED = /^'(?:[\s']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]|[\t\r])/
/** A cell as it is written to the file: a dangerous one behind a quote (shown as plain text). */
export const protect = (v: string) => (DANGEROUS.test(v) ? `'${v}` : v)
/** The inverse of `protect`, for cells read back from a file. */
export const unprotect = (v: string) => (GUARDED.test(v) ? v.slice(1) : v)

/**
 * Power and interest in the file are on the 0–100 scale the UI shows (`70`, `72,5`, `70%`).
 * Older exports used 0–1: a file whose plain numbers are ALL between 0 and 1 and include at least
 * one decimal (`0.7`, `0,55`) is read on that scale, so those files still import unchanged.
 * A mix (e.g. `70` and `0.5`) is read as 0–100.
 */
export type ValueScale = 'percent' | 'unit'

const NUMBER_CELL = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)%?$/
const numberOf = (v: string) =>
  Number((v.endsWith('%') ? v.slice(0, -1) : v).trim().replace(',', '.'))

export function detectScale(cells: readonly string[]): ValueScale {
  let decimals = false
  for (const raw of cells) {
    const v = raw.replace(/\s/g, '')
    if (v === '' || v.endsWith('%') || !NUMBER_CELL.test(v)) continue
    const n = numberOf(v)
    if (n < 0 || n > 1) return 'percent'
    if (/[.,]/.test(v) && !Number.isInteger(n)) decimals = true
  }
  return decimals ? 'unit' : 'percent'
}

/** A power or interest cell as a stored 0..1 value (see `ValueScale`); `70%` is always percent. */
const scaledCell = (fallback: number, scale: ValueScale) =>
  z.string().transform((raw, ctx) => {
    const v = raw.replace(/\s/g, '')
    if (v === '') return fallback
    const n = numberOf(v)
    if (!NUMBER_CELL.test(v) || !Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'not-a-number' })
      return z.NEVER
    }
    const value = v.endsWith('%') || scale === 'percent' ? n / 100 : n
    if (value < 0 || value > 1) {
      ctx.addIssue({ code: 'custom', message: 'out-of-range' })
      return z.NEVER
    }
    return Math.round(value * 100) / 100 // stored to the hundredth, as the UI sets it
  })

const named = <T extends string>(names: Record<T, readonly string[]>, code: CsvIssueCode) =>
  z.string().transform((raw, ctx) => {
    const found = lookupName(names, raw)
    if (!found) {
      ctx.addIssue({ code: 'custom', message: code })
      return z.NEVER
    }
    return found
  })

const optionalStance = z.string().transform((raw, ctx): Stance | null => {
  if (raw.trim() === '') return null
  const found = lookupName(STANCE_NAMES, raw)
  if (!found) {
    ctx.addIssue({ code: 'custom', message: 'unknown-stance' })
    return z.NEVER
  }
  return found
})

const textCell = (max: number) =>
  z
    .string()
    .transform((v) => unprotect(v.trim()))
    .pipe(z.string().max(max, 'too-long'))

export function rowSchema(objectives: readonly ObjectiveRef[], scale: ValueScale = 'percent') {
  const byKey = new Map<string, string>()
  for (const o of objectives) byKey.set(normaliseName(o.label), o.id)
  for (const o of objectives) byKey.set(o.id, o.id)
  const objectiveList = z.string().transform((raw, ctx) => {
    const ids: string[] = []
    for (const part of raw.split(OBJECTIVE_SEPARATOR)) {
      const ref = unprotect(part.trim())
      if (!ref) continue
      const id = byKey.get(ref) ?? byKey.get(normaliseName(ref))
      if (!id)
        ctx.addIssue({ code: 'custom', message: 'unknown-objective', params: { value: ref } })
      else if (!ids.includes(id)) ids.push(id)
    }
    return ids
  })
  return z.object({
    name: textCell(MAX_LABEL_LENGTH).pipe(z.string().min(1, 'required')),
    category: named<ActorCategory>(CATEGORY_NAMES, 'unknown-category'),
    id: textCell(200),
    power: scaledCell(DEFAULT_POWER, scale),
    interest: scaledCell(DEFAULT_INTEREST, scale),
    stance: optionalStance,
    desiredStance: optionalStance,
    objectives: objectiveList,
    ...Object.fromEntries(ACTOR_TEXT_FIELDS.map((f) => [f, textCell(MAX_TEXT)])),
  })
}
