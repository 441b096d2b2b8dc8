import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { REGISTRY } from '../../shared/schema/index.ts'
import { idSchema, LIMITS } from '../../shared/schema/spec.ts'
import { quickCheckOf } from '../../shared/schema/normalise.ts'
import { seededRandom, type Random } from '../helpers/fuzzNetwork.ts'

/** zod's own description of a schema: what the values to try are made from. */
interface Def {
  type: string
  innerType?: z.ZodType
  element?: z.ZodType
  entries?: Record<string, unknown>
  values?: unknown[]
  checks?: {
    _zod: { def: { check: string; maximum?: number; minimum?: number; value?: number } }
  }[]
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def

const GENERIC: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MIN_SAFE_INTEGER - 1,
  '',
  'a',
  'problem',
  'cause',
  ' ',
  'id\u0000x',
  'tab\there',
  '\u007f',
  '🙂',
  'x'.repeat(201),
  [],
  [''],
  ['a', 'b'],
  [1],
  [null],
  [undefined],
  new Array(2),
  [['a']],
  {},
  { a: 1 },
  new Date(0),
  () => 1,
  Symbol('s'),
  10n,
]

/** Values at the edges of what `schema` accepts, by what it says of itself. */
function edgeValues(schema: z.ZodType, r: Random, depth = 0): unknown[] {
  const def = defOf(schema)
  const out: unknown[] = []
  if (def.innerType) out.push(...edgeValues(def.innerType, r, depth))
  for (const c of def.checks ?? []) {
    const { maximum, minimum, value } = c._zod.def
    for (const n of [maximum, minimum])
      if (n !== undefined && n <= 50_000)
        for (const len of [n - 1, n, n + 1])
          if (len >= 0) {
            out.push('k'.repeat(len))
            if (depth === 0 && def.element && len <= LIMITS.idList + 1)
              out.push(Array.from({ length: len }, (_, i) => `id${i}`))
          }
    if (value !== undefined) out.push(value, -value, value + 1, value - 1, value * (1 + 1e-12))
  }
  for (const v of [...Object.values(def.entries ?? {}), ...(def.values ?? [])])
    out.push(v, `${String(v)} `, String(v).toUpperCase())
  if (def.element && depth === 0) {
    const inner = edgeValues(def.element, r, depth + 1)
    for (let i = 0; i < 20; i++) out.push([r.pick(inner), r.pick(inner)])
  }
  return out
}

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 1 ? 6 : 8)) {
    case 0:
      return r.pick(GENERIC)
    case 1:
      return (r.next() - 0.5) * 10 ** r.int(14)
    case 2:
      return Math.round((r.next() - 0.5) * 10 ** r.int(18))
    case 3:
      return String.fromCharCode(...Array.from({ length: r.int(12) }, () => r.int(0x3000)))
    case 4:
      return 'x'.repeat(r.int(9000))
    case 5:
      return r.pick([null, undefined, true, false])
    case 6:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1))
    default:
      return Object.fromEntries([['k', randomValue(r, depth + 1)]])
  }
}

const FIELDS: [string, z.ZodType][] = [
  ['id', idSchema],
  ...REGISTRY.flatMap((spec) =>
    Object.entries(spec.record.shape as Record<string, z.ZodType>).map(
      ([key, schema]) => [`${spec.name}.${key}`, schema] as [string, z.ZodType],
    ),
  ),
]

describe('the normaliser’s quick checks', () => {
  it('cover every field of the collections a board opens with', () => {
    const missing = FIELDS.filter(([, schema]) => !quickCheckOf(schema)).map(([name]) => name)
    // a field without one is read through zod, correctly but slower: these are the hot ones
    expect(
      missing.filter((name) => /^(problems|objectives|stakeholders)\.(nodes|edges)\./.test(name)),
    ).toEqual([])
  })

  it('give zod’s verdict on every field, for edge and random values; what they accept, zod returns as it is', () => {
    const r = seededRandom(11)
    let compared = 0
    for (const [name, schema] of FIELDS) {
      const check = quickCheckOf(schema)
      if (!check) continue
      const values = [...GENERIC, ...edgeValues(schema, r)]
      for (let i = 0; i < 150; i++) values.push(randomValue(r))
      for (const value of values) {
        const parsed = schema.safeParse(value)
        const verdict = check(value)
        if (verdict !== parsed.success)
          throw new Error(
            `${name}: quick ${verdict}, zod ${parsed.success} for ${String(value).slice(0, 80)}`,
          )
        if (parsed.success) expect(parsed.data, name).toEqual(value)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(FIELDS.length * 150)
  })

  it('leave to zod what they do not know: refinements, transforms, other formats, coercion', () => {
    for (const schema of [
      z.string().refine((s) => s.startsWith('a')),
      z.string().transform((s) => s.trim()),
      z.string().trim(),
      z.email(),
      z.coerce.number(),
      z.number().multipleOf(2),
      z.object({ a: z.string() }),
      z.union([z.string(), z.number()]),
      z
        .string()
        .optional()
        .refine(() => true),
    ])
      expect(quickCheckOf(schema)).toBeNull()
  })
})
