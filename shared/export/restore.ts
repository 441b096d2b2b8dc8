import * as Y from 'yjs'
import { z } from 'zod'
import italian from 'zod/v4/locales/it.js'
import { metaRoot } from '../schema/roots.ts'
import { putRecord, seedPact, type Fields } from '../schema/cards.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'
import {
  boardExportSchema,
  EXPORT_FORMAT,
  EXPORT_SECTIONS,
  type BoardExport,
  type OwnProblem,
} from './format.ts'
import { EXPORT_MIGRATIONS } from './migrations.ts'

export type ParseResult =
  | { ok: true; board: BoardExport }
  | { ok: false; code: 'INVALID_EXPORT' | 'NEWER_SCHEMA'; details: string[] }

const header = z.object({ format: z.string(), schemaVersion: z.number().int() })

/** The languages an import's problems are described in (zod's words in English). */
export type ProblemLang = 'it' | 'en'
/** What a value should have been, as a facilitator reads it. */
const IT_TYPES: Record<string, string> = {
  string: 'un testo',
  number: 'un numero',
  int: 'un numero intero',
  boolean: 'vero o falso',
  object: 'un oggetto',
  array: 'un elenco',
}

/**
 * The problems an import meets most (a text too long, a number out of range, a field missing, a
 * value not among those allowed) in plain Italian; zod's Italian locale for the rest. Its own
 * words kept the schema's («Troppo grande: string deve avere <=2000 caratteri»).
 */
const italianLocale = italian().localeError
const italianProblems: z.core.$ZodErrorMap = (issue) => {
  const n = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number))
  switch (issue.code) {
    case 'too_big': {
      const max = n(issue.maximum)
      if (issue.origin === 'string') return `testo troppo lungo: al massimo ${max} caratteri`
      if (issue.origin === 'array' || issue.origin === 'set') return `al massimo ${max} elementi`
      if (issue.origin === 'number') return issue.inclusive ? `al massimo ${max}` : `meno di ${max}`
      break
    }
    case 'too_small': {
      const min = n(issue.minimum)
      if (issue.origin === 'string')
        return min <= 1 ? 'non può essere vuoto' : `almeno ${min} caratteri`
      if (issue.origin === 'array' || issue.origin === 'set') return `almeno ${min} elementi`
      if (issue.origin === 'number') return issue.inclusive ? `almeno ${min}` : `più di ${min}`
      break
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'manca'
      if (IT_TYPES[issue.expected]) return `dovrebbe essere ${IT_TYPES[issue.expected]}`
      break
    case 'invalid_value':
      return issue.values.length === 1
        ? `dovrebbe essere ${JSON.stringify(issue.values[0])}`
        : `dovrebbe essere uno tra ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
  }
  return italianLocale(issue)
}

const ERROR_MAPS: Record<ProblemLang, z.core.$ZodErrorMap | undefined> = {
  it: italianProblems,
  en: undefined,
}

/** The export's own rules in Italian (zod's locale words the rest); English is the message. */
const OWN_PROBLEMS_IT: {
  [K in OwnProblem['problem']]: (p: Extract<OwnProblem, { problem: K }>) => string
} = {
  duplicateId: (p) => `l’id «${p.id}» compare più di una volta`,
  unknownRef: (p) => `rimanda a «${p.id}», che non c’è in ${p.section}`,
  unknownCandidate: (p) => `la strategia scelta «${p.id}» non è tra le candidate`,
}

function ownMessage(issue: z.core.$ZodIssue, lang: ProblemLang): string {
  const params = issue.code === 'custom' ? (issue.params as OwnProblem | undefined) : undefined
  if (lang !== 'it' || !params || !(params.problem in OWN_PROBLEMS_IT)) return issue.message
  return (OWN_PROBLEMS_IT[params.problem] as (p: OwnProblem) => string)(params)
}

/** The fields a record is known by, in the order they are tried. */
const NAMING_FIELDS = ['label', 'name', 'title', 'text', 'what']
const QUOTED_CHARS = 40

/**
 * The record a problem is in, as the person who made the file can find it: its id and the start
 * of its text (` (id «p3», «Pochi tirocini»)`); empty when the path is in no record with an id.
 */
function recordOf(input: unknown, path: readonly PropertyKey[], lang: ProblemLang): string {
  const withId = (v: unknown): v is Record<string, unknown> =>
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as { id?: unknown }).id === 'string'
  // the deepest object with an id along the path, the field's own record included
  let at: unknown = input
  let record = withId(at) ? at : null
  for (const key of path) {
    if (at === null || typeof at !== 'object') break
    at = (at as Record<PropertyKey, unknown>)[key as string]
    if (withId(at)) record = at
  }
  if (!record) return ''
  const [open, close] = lang === 'it' ? ['«', '»'] : ['"', '"']
  const quote = (v: string) => {
    const flat = v.replace(/\s+/g, ' ').trim()
    const cut = flat.length > QUOTED_CHARS ? `${flat.slice(0, QUOTED_CHARS).trimEnd()}…` : flat
    return `${open}${cut}${close}`
  }
  // a link has no text of its own: it is known by what it joins
  const ends =
    typeof record.source === 'string' && typeof record.target === 'string'
      ? `${record.source} → ${record.target}`
      : undefined
  const text =
    NAMING_FIELDS.map((f) => record[f]).find(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    ) ?? ends
  const id = (record.id as string).slice(0, QUOTED_CHARS)
  return text ? ` (id ${quote(id)}, ${quote(text)})` : ` (id ${quote(id)})`
}

function describe(error: z.ZodError, lang: ProblemLang, input?: unknown): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(root)'
    return `${where}${recordOf(input, issue.path, lang)}: ${ownMessage(issue, lang)}`
  })
}

/**
 * The one door for untrusted board JSON: checks the header, migrates older versions, validates
 * every field. Nothing is created from input this rejects.
 */
export function parseBoardExport(raw: unknown, lang: ProblemLang = 'en'): ParseResult {
  const depth = nestingDepth(raw)
  if (depth > MAX_NESTING)
    return {
      ok: false,
      code: 'INVALID_EXPORT',
      details: [`(root): nested deeper than ${MAX_NESTING} levels`],
    }
  try {
    return parseChecked(raw, lang)
  } catch (err) {
    return { ok: false, code: 'INVALID_EXPORT', details: [`(root): ${(err as Error).message}`] }
  }
}

/** No Trama export nests this deep; deeper input is refused before validation can recurse. */
const MAX_NESTING = 32

/** How deeply arrays and objects nest, measured without recursion. */
function nestingDepth(value: unknown): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (d + 1 > max) max = d + 1
    if (max > MAX_NESTING) return max
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1])
  }
  return max
}

function parseChecked(raw: unknown, lang: ProblemLang): ParseResult {
  const context = { error: ERROR_MAPS[lang] }
  const head = header.safeParse(raw, context)
  if (!head.success)
    return { ok: false, code: 'INVALID_EXPORT', details: describe(head.error, lang) }
  if (head.data.format !== EXPORT_FORMAT)
    return { ok: false, code: 'INVALID_EXPORT', details: [`format: expected "${EXPORT_FORMAT}"`] }
  const version = head.data.schemaVersion
  if (version > SCHEMA_VERSION)
    return {
      ok: false,
      code: 'NEWER_SCHEMA',
      details: [
        `schemaVersion: ${version} is newer than ${SCHEMA_VERSION}, the newest this server knows`,
      ],
    }
  if (version < 1)
    return {
      ok: false,
      code: 'INVALID_EXPORT',
      details: [`schemaVersion: ${version} does not exist`],
    }
  let current = raw as Record<string, unknown>
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = EXPORT_MIGRATIONS[v]
    if (!step)
      return {
        ok: false,
        code: 'INVALID_EXPORT',
        details: [`schemaVersion: no migration from ${v}`],
      }
    current = step(current)
  }
  const parsed = boardExportSchema.safeParse(current, context)
  if (!parsed.success)
    return { ok: false, code: 'INVALID_EXPORT', details: describe(parsed.error, lang, current) }
  return { ok: true, board: parsed.data }
}

function fieldsOf(item: Record<string, unknown>): Fields {
  const { id: _id, ...fields } = item
  return fields as Fields
}

/** Writes a validated export into an empty document, in one transaction. */
export function restoreBoard(doc: Y.Doc, board: BoardExport): void {
  doc.transact(() => {
    const meta = metaRoot(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', board.title)
    meta.set('phase', board.phase)
    meta.set('createdAt', board.createdAt)
    meta.set('chosenStrategy', board.chosenStrategy)
    for (const [name, path] of EXPORT_SECTIONS) {
      let items: unknown = board
      for (const key of path) items = (items as Record<string, unknown>)[key]
      for (const item of items as Record<string, unknown>[])
        putRecord(doc, name, item.id as string, fieldsOf(item))
    }
    seedPact(doc)
  })
}

/** A new document holding the export. */
export function docFromExport(board: BoardExport): Y.Doc {
  const doc = new Y.Doc()
  restoreBoard(doc, board)
  return doc
}
