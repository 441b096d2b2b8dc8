import { actorDefaultsPatch, relationKindPatch } from '../schema/defaults.ts'
import { emptyPact } from './format.ts'
import { DEFAULT_CRITERIA, DEFAULT_TARGET_GROUPS } from '../schema/vocabulary.ts'

type Json = Record<string, unknown>
const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {}
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/**
 * Steps that bring an export of version `v` to `v + 1`, on plain JSON, before validation. Each
 * mirrors the document migration of the same number.
 */
export const EXPORT_MIGRATIONS: Record<number, (raw: Json) => Json> = {
  /** 1 → 2: the method's sections, with the default target groups and criteria. */
  1: (raw) => ({
    ...raw,
    schemaVersion: 2,
    chosenStrategy: '',
    clusters: [],
    targetGroups: DEFAULT_TARGET_GROUPS.map((g) => ({ ...g })),
    strategy: {
      candidates: [],
      criteria: DEFAULT_CRITERIA.map((c, order) => ({ ...c, order })),
      scores: [],
    },
    logframe: [],
  }),
  /** 2 → 3: untyped stakeholder cards become actors; unknown relation kinds, cooperations. */
  2: (raw) => {
    const canvases = obj(raw.canvases)
    const stakeholders = obj(canvases.stakeholders)
    const nodes = arr(stakeholders.nodes).map((n) => ({ ...obj(n), ...actorDefaultsPatch(obj(n)) }))
    const edges = arr(stakeholders.edges).map((e) => ({ ...obj(e), ...relationKindPatch(obj(e)) }))
    return { ...raw, schemaVersion: 3, canvases: { ...canvases, stakeholders: { nodes, edges } } }
  },
  /** 3 → 4: texts became shared in the document; the export keeps plain strings. */
  3: (raw) => ({ ...raw, schemaVersion: 4 }),
  /** 4 → 5: the pact (an empty frame) and the dot votes. */
  4: (raw) => ({
    ...raw,
    schemaVersion: 5,
    ...emptyPact(),
  }),
  /** 5 → 6: sets of ids became shared lists in the document; the export keeps plain lists. */
  5: (raw) => ({ ...raw, schemaVersion: 6 }),
  /** 6 → 7: a body's decision rule and frequency may be null (not decided); values stay. */
  6: (raw) => ({ ...raw, schemaVersion: 7 }),
}
