import * as Y from 'yjs'
import { z } from 'zod'
import { readFields, type Fields, type JsonValue } from './cards.ts'
import { idSchema, LIMITS, type CollectionSpec } from './registry.ts'
import { jsonWithin } from './spec.ts'
import { PHASES, type Phase } from './roots.ts'

/**
 * The one door between what a client wrote into the document and everything that reads it (the
 * page's projection, the export). Any client can write anything into a Yjs map: a string where
 * a card goes, a number where a label goes, a phase nobody knows. By the registry's rules a
 * field that does not fit is repaired (text cut to its limit, a default for an unknown value) or
 * left out when optional; a record that cannot be repaired (not a map, a bad id, a required
 * reference missing) is left out. Unknown fields are kept, for newer clients.
 */
export function normaliseRecord(spec: CollectionSpec, id: string, value: unknown): Fields | null {
  if (!(value instanceof Y.Map)) return null
  if (!fitsSchema(idSchema, id)) return null
  // a collection may allow fewer ids (the pact's one frame record)
  if (!fitsSchema(spec.record.shape.id as z.ZodType, id)) return null
  return normaliseFields(spec, readFields(value as Y.Map<unknown>))
}

/** How a collection's known fields are read, worked out once per collection. */
interface FieldPlan {
  key: string
  schema: z.ZodType
  check: QuickCheck | null
  idSet: boolean
}
interface SpecPlan {
  shape: Record<string, z.ZodType>
  fields: FieldPlan[]
  /** Optional id sets: an empty one reads as absent. */
  optionalIdSets: string[]
}
const plans = new WeakMap<CollectionSpec, SpecPlan>()

function planOf(spec: CollectionSpec): SpecPlan {
  let plan = plans.get(spec)
  if (plan) return plan
  const shape = spec.record.shape as Record<string, z.ZodType>
  const idSets = spec.idSets ?? []
  plan = {
    shape,
    fields: Object.entries(shape)
      .filter(([key]) => key !== 'id')
      .map(([key, schema]) => ({
        key,
        schema,
        check: quickCheckOf(schema),
        idSet: idSets.includes(key),
      })),
    optionalIdSets: idSets.filter((key) => shape[key] && fitsSchema(shape[key], undefined)),
  }
  plans.set(spec, plan)
  return plan
}

/** {@link normaliseRecord} for fields already read as plain JSON. */
export function normaliseFields(spec: CollectionSpec, fields: Fields): Fields | null {
  const { shape, fields: known, optionalIdSets } = planOf(spec)
  const out: Fields = {}
  // Unknown fields are kept when they are JSON an import takes again (a client could store
  // bytes, NaN, or a list nested thousands of levels deep), as JSON carries them (a -0 inside
  // becomes 0). A field named like Object's own (`constructor`) is unknown too.
  for (const key of Object.keys(fields)) {
    if (Object.hasOwn(shape, key)) continue
    const value = fields[key]
    if (jsonWithin(value)) out[key] = withoutNegativeZero(value as JsonValue)
  }
  for (const { key, schema, check, idSet } of known) {
    let value = fields[key]
    // a shared id set grows past its limit item by item: cut, as a text is, not dropped whole
    if (idSet && Array.isArray(value) && value.length > LIMITS.idList)
      value = [...new Set(value)].slice(0, LIMITS.idList)
    const parsed = check ? null : schema.safeParse(value)
    if (check ? check(value) : parsed!.success) {
      // a value the quick check accepts is what zod would return (a primitive, or an array
      // of them, which is copied below as zod copies it)
      const data = parsed ? parsed.data : value
      // -0 is a number JSON cannot carry (it exports as 0): every reader sees 0
      if (data !== undefined) out[key] = withoutNegativeZero(data as JsonValue)
      continue
    }
    const repaired = repair(spec, key, value, schema)
    if (repaired === REFUSED) return null
    if (repaired !== undefined) out[key] = repaired
  }
  // An optional id set that holds nothing reads as absent: every record is made with its
  // shared list (idSets.ts), and a card never tagged exports as it did before.
  for (const key of optionalIdSets) {
    const value = out[key]
    if (Array.isArray(value) && value.length === 0) delete out[key]
  }
  return out
}

/** A JSON value with every -0 as 0, as it reads after a trip through JSON. */
function withoutNegativeZero(value: JsonValue): JsonValue {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value
  if (Array.isArray(value)) return value.map(withoutNegativeZero)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]))
  return value
}

/**
 * Quick checks: the same verdict as `schema.safeParse(value).success`, without zod, for the
 * kinds of field the registry uses (strings with lengths and patterns, numbers with bounds,
 * enums, literals, booleans, arrays of those, optional and nullable ones). Every client's every
 * record passes here when a board opens; zod's generic path was most of the normaliser's time.
 * A schema with anything else (a transform, a refinement, another format, coercion) has none,
 * and goes through zod. `tests/unit/normaliseQuick.test.ts` holds every field of the registry
 * to zod's verdict.
 */
export type QuickCheck = (value: unknown) => boolean

const quickChecks = new WeakMap<z.ZodType, QuickCheck | null>()

export function quickCheckOf(schema: z.ZodType): QuickCheck | null {
  let check = quickChecks.get(schema)
  if (check === undefined) {
    check = compileCheck(schema)
    quickChecks.set(schema, check)
  }
  return check
}

/** Whether a value fits a schema: zod's verdict, through the quick check when there is one. */
export function fitsSchema(schema: z.ZodType, value: unknown): boolean {
  const check = quickCheckOf(schema)
  return check ? check(value) : schema.safeParse(value).success
}

interface CheckDef {
  check: string
  format?: string
  pattern?: RegExp
  maximum?: number
  minimum?: number
  value?: number
  inclusive?: boolean
  when?: (payload: { value: unknown; issues: unknown[] }) => boolean
}
interface SchemaDef {
  type: string
  format?: string
  check?: string
  checks?: { _zod: { def: CheckDef } }[]
  coerce?: boolean
  innerType?: z.ZodType
  element?: z.ZodType
  entries?: Record<string, unknown>
  values?: unknown[]
}

/** One zod check as a predicate on a value of the right type, or null when not known here. */
function compileOne(def: CheckDef): ((v: never) => boolean) | null {
  switch (def.check) {
    case 'max_length':
      return (v: string | unknown[]) => v.length <= def.maximum!
    case 'min_length':
      return (v: string | unknown[]) => v.length >= def.minimum!
    case 'greater_than':
      return def.inclusive ? (v: number) => v >= def.value! : (v: number) => v > def.value!
    case 'less_than':
      return def.inclusive ? (v: number) => v <= def.value! : (v: number) => v < def.value!
    case 'string_format':
      if (def.format !== 'regex' || !(def.pattern instanceof RegExp)) return null
      return (v: string) => {
        def.pattern!.lastIndex = 0
        return def.pattern!.test(v)
      }
    case 'number_format':
      return def.format === 'safeint' ? (v: number) => Number.isSafeInteger(v) : null
    default:
      return null
  }
}

function compileChecks(
  defs: SchemaDef['checks'],
  allowed: readonly string[],
): ((v: never) => boolean) | null {
  const checks: ((v: never) => boolean)[] = []
  for (const c of defs ?? []) {
    const def = c._zod.def
    if (!allowed.includes(def.check)) return null
    const one = compileOne(def)
    if (!one) return null
    // zod runs a check only when its `when` says so (the length checks: a value with a length)
    const when = def.when
    checks.push(when ? (v) => !when({ value: v, issues: [] }) || one(v) : one)
  }
  if (checks.length === 0) return () => true
  if (checks.length === 1) return checks[0]!
  return (v) => {
    for (const check of checks) if (!check(v)) return false
    return true
  }
}

function compileCheck(schema: z.ZodType): QuickCheck | null {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def
  // coercion, or a format that is the schema itself (z.email(), z.int()): zod's business
  if (def.coerce || def.format !== undefined || def.check !== undefined) return null
  const bare = !def.checks?.length
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def.checks, ['max_length', 'min_length', 'string_format'])
      return checks && ((v) => typeof v === 'string' && checks(v as never))
    }
    case 'number': {
      const checks = compileChecks(def.checks, ['greater_than', 'less_than', 'number_format'])
      return checks && ((v) => typeof v === 'number' && Number.isFinite(v) && checks(v as never))
    }
    case 'boolean':
      return bare ? (v) => typeof v === 'boolean' : null
    case 'enum': {
      const values = Object.values(def.entries ?? {})
      if (!bare || !values.every((v) => typeof v === 'string')) return null
      const set = new Set<unknown>(values)
      return (v) => set.has(v)
    }
    case 'literal': {
      const values = def.values ?? []
      if (!bare || !values.every((v) => typeof v === 'string' || typeof v === 'boolean'))
        return null
      const set = new Set<unknown>(values)
      return (v) => set.has(v)
    }
    case 'optional':
    case 'nullable': {
      const inner = bare && def.innerType ? quickCheckOf(def.innerType) : null
      if (!inner) return null
      return def.type === 'optional'
        ? (v) => v === undefined || inner(v)
        : (v) => v === null || inner(v)
    }
    case 'array': {
      const element = def.element ? quickCheckOf(def.element) : null
      const checks = element && compileChecks(def.checks, ['max_length', 'min_length'])
      // every index, as zod reads them (a hole is an undefined element, not skipped)
      return (
        checks &&
        ((v) => {
          if (!Array.isArray(v)) return false
          for (let i = 0; i < v.length; i++) if (!element!(v[i])) return false
          return checks(v as never)
        })
      )
    }
    default:
      return null
  }
}

const REFUSED = Symbol('refused')

function repair(
  spec: CollectionSpec,
  key: string,
  value: unknown,
  schema: z.ZodType,
): JsonValue | undefined | typeof REFUSED {
  const max = spec.texts[key]
  if (max !== undefined && typeof value === 'string') return value.slice(0, max)
  if (key in spec.defaults) return spec.defaults[key] as JsonValue
  if (schema.safeParse(undefined).success) return undefined
  return REFUSED
}

/** The board's meta as every reader sees it: strings within limits, a known phase. */
export function normaliseMeta(meta: Y.Map<unknown>): {
  title: string
  phase: Phase
  createdAt: string
  chosenStrategy: string
} {
  const str = (key: string, max: number) => {
    const v = meta.get(key)
    return typeof v === 'string' ? v.slice(0, max) : ''
  }
  const phase = meta.get('phase')
  return {
    title: str('title', LIMITS.name),
    phase: (PHASES as readonly unknown[]).includes(phase) ? (phase as Phase) : 'problems',
    createdAt: str('createdAt', 64),
    chosenStrategy: idSchema.safeParse(meta.get('chosenStrategy')).success
      ? (meta.get('chosenStrategy') as string)
      : '',
  }
}
