import { z } from 'zod'
import type { Phase } from './vocabulary.ts'

/** A calendar day, `2027-03-31`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
/** A measured or planned quantity. */
export const quantity = z.number().finite().min(-1e12).max(1e12)

/** Limits that keep one board (or one import) from exhausting the server. */
export const LIMITS = {
  /** A card's text (label), a candidate's name. */
  label: 2_000,
  /** Notes, register and logframe cells. */
  text: 8_000,
  /** Short names: branches, target groups, criteria, the board's title. */
  name: 200,
  /** A person's name as presence declares it. */
  person: 80,
  cardsPerCanvas: 10_000,
  records: 20_000,
  idList: 1_000,
  /** The pact's shared vision. */
  document: 40_000,
} as const

/**
 * A record id: 1–200 characters, no control characters. Trama makes random url-safe ones; a
 * stock client may choose others (`work>inclusion`), and those are records like any other.
 */
export const idSchema = z
  .string()
  .regex(/^[^\u0000-\u001f\u007f]{1,200}$/, 'ids are 1–200 characters, no control characters')
export const coord = z.number().finite().min(-1e7).max(1e7)
export const unit = z.number().min(0).max(1)
export const idList = z.array(idSchema).max(LIMITS.idList)
export const text = (max: number) => z.string().max(max)
export const kind = z.string().min(1).max(64)

/**
 * How deep a field's plain value may nest (an unknown field's, kept for newer exports): a card
 * sits 5 levels deep in an export, which an import reads to 32 levels, so whatever a field holds
 * exports and imports again, with room to spare.
 */
export const FIELD_DEPTH = 16

/**
 * Whether `value` is JSON (strings, finite numbers, booleans, null, arrays and plain objects)
 * nesting at most `depth` levels: read without recursion, so a value a client nested 100,000
 * levels deep is answered "no", not with a stack overflow. `__proto__` is no field name: a
 * plain object given that key changes its prototype instead.
 */
export function jsonWithin(value: unknown, depth: number = FIELD_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, level] = stack.pop()!
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false
      continue
    }
    if (typeof v !== 'object' || level >= depth) return false
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, level + 1])
      continue
    }
    const proto = Object.getPrototypeOf(v) as unknown
    if (proto !== Object.prototype && proto !== null) return false
    for (const key of Object.keys(v)) {
      if (key === '__proto__') return false
      stack.push([(v as Record<string, unknown>)[key], level + 1])
    }
  }
  return true
}

/** Any JSON value a field may hold ({@link jsonWithin}). */
export const jsonValue = z.custom<z.core.util.JSONType>((v) => jsonWithin(v), {
  message: `a JSON value nesting at most ${FIELD_DEPTH} levels`,
})

/** Unknown fields are kept (forward compatibility), but must be JSON. */
export const record = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(jsonValue)

export const cardBase = { id: idSchema, kind, label: text(LIMITS.label), x: coord, y: coord }
export const linkBase = { id: idSchema, source: idSchema, target: idSchema, kind }

/**
 * One collection of the document: a root `Y.Map<id, Y.Map>` of records. Everything that knows
 * about collections (roots, export and import, the normaliser, reference checks, the shared
 * texts and their limits) reads it from here.
 */
export interface CollectionSpec<S extends z.ZodObject = z.ZodObject, N extends string = string> {
  /** The root's name in the document. */
  name: N
  /** Where the records sit in the JSON export. */
  exportPath: readonly string[]
  /** What one record is called in messages ("card", "score"). */
  what: string
  /** One record as exported (with its `id`). */
  record: S
  /** Fields that hold shared text (`Y.Text`), with their maximum length. */
  texts: Readonly<Record<string, number>>
  /**
   * Fields that hold a set of ids (a body's members, a card's tags) as a shared list
   * (`Y.Array`): ids two people add or remove at the same time are all kept. Exported and read
   * as a plain list, each id once.
   */
  idSets?: readonly string[]
  /**
   * Fields that point to a record the record cannot do without (a link's cards, a score's
   * candidate): a dangling one is refused on import and the record is left out of exports.
   */
  refs: Readonly<Record<string, string>>
  /** Values used when a required field is missing or unusable. */
  defaults: Readonly<Record<string, unknown>>
  /** The most records an export may hold. */
  max: number
  /** The phase whose lock makes this collection read-only for participants (null: none). */
  phase: Phase | null
  /** Who may write the records: anyone with a writing key, or the facilitator only. */
  writers: 'all' | 'facilitator'
}

export const spec = <S extends z.ZodObject, const N extends string>(s: CollectionSpec<S, N>) => s
