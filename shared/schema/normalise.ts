import * as Y from 'yjs'
import { z } from 'zod'
import { readFields, type Fields, type JsonValue } from './cards.ts'
import { idSchema, LIMITS, type CollectionSpec } from './registry.ts'
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
  if (!idSchema.safeParse(id).success) return null
  // a collection may allow fewer ids (the pact's one frame record)
  if (!(spec.record.shape.id as z.ZodType).safeParse(id).success) return null
  return normaliseFields(spec, readFields(value as Y.Map<unknown>))
}

/** {@link normaliseRecord} for fields already read as plain JSON. */
export function normaliseFields(spec: CollectionSpec, fields: Fields): Fields | null {
  const shape = spec.record.shape as Record<string, z.ZodType>
  const out: Fields = {}
  // Unknown fields are kept when they are JSON (a client could store bytes or NaN), as JSON
  // carries them (a -0 inside becomes 0).
  for (const [key, value] of Object.entries(fields))
    if (!(key in shape) && jsonValue.safeParse(value).success)
      out[key] = withoutNegativeZero(value as JsonValue)
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'id') continue
    const value = fields[key]
    const parsed = schema.safeParse(value)
    if (parsed.success) {
      // -0 is a number JSON cannot carry (it exports as 0): every reader sees 0
      if (parsed.data !== undefined) out[key] = withoutNegativeZero(parsed.data as JsonValue)
      continue
    }
    const repaired = repair(spec, key, value, schema)
    if (repaired === REFUSED) return null
    if (repaired !== undefined) out[key] = repaired
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

const REFUSED = Symbol('refused')
const jsonValue = z.json()

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
