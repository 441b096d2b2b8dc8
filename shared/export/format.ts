import { z } from 'zod'
import { PHASES, type CollectionName, type Phase } from '../schema/roots.ts'
import {
  LIMITS,
  REGISTRY,
  actorCard,
  candidate,
  cluster,
  collectionSpec,
  criterion,
  logframeRow,
  objectiveCard,
  objectiveLink,
  problemCard,
  problemLink,
  relation,
  score,
  targetGroup,
  type CollectionSpec,
} from '../schema/registry.ts'
import {
  adaptation,
  adhesion,
  commitment,
  dot,
  indicator,
  measurement,
  monitoringRound,
  pactBody,
  pactInfo,
  PACT_INFO_ID,
  pactRule,
  vote,
} from '../schema/pact.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'

export const EXPORT_FORMAT = 'trama.board'
/** Limits that keep one import from exhausting the server (declared in the registry). */
export const MAX_CARDS_PER_CANVAS = LIMITS.cardsPerCanvas
export const MAX_LABEL_LENGTH = LIMITS.label

/** One record of each collection as exported (from the registry). */
export const problemCardSchema = problemCard.record
export const objectiveCardSchema = objectiveCard.record
export const actorCardSchema = actorCard.record
export const linkSchema = problemLink.record
export const meansEndSchema = objectiveLink.record
export const relationSchema = relation.record
export const clusterSchema = cluster.record
export const targetGroupSchema = targetGroup.record
export const candidateSchema = candidate.record
export const criterionSchema = criterion.record
export const scoreSchema = score.record
export const logframeRowSchema = logframeRow.record

/**
 * A problem of the export's own rules (not a field's type or size): its English message, and
 * `params` for describing it in another language (shared/export/restore.ts).
 */
type Issue = { path: (string | number)[]; message: string; params: OwnProblem }

/** What a problem of the export's own rules is about, for its words in each language. */
export type OwnProblem =
  | { problem: 'duplicateId'; id: string }
  | { problem: 'unknownRef'; id: string; section: string }
  | { problem: 'unknownCandidate'; id: string }
function uniqueIds(
  items: { id: string }[],
  what: string,
  issues: Issue[],
  at: (i: number) => (string | number)[],
): Set<string> {
  const ids = new Set<string>()
  items.forEach((item, i) => {
    if (ids.has(item.id))
      issues.push({
        path: at(i),
        message: `duplicate ${what} id ${item.id}`,
        params: { problem: 'duplicateId', id: item.id },
      })
    ids.add(item.id)
  })
  return ids
}

/** The records of one collection: at most `max`, ids unique. */
function section<S extends z.ZodObject, N extends string>(spec: CollectionSpec<S, N>) {
  return z
    .array(spec.record)
    .max(spec.max)
    .superRefine((items, ctx) => {
      const issues: Issue[] = []
      uniqueIds(items as unknown as { id: string }[], spec.what, issues, (i) => [i, 'id'])
      for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue })
    })
}

/** The records of a collection inside a parsed export, found by the registry's path. */
export function sectionOf(board: unknown, spec: CollectionSpec): Record<string, unknown>[] {
  let at: unknown = board
  for (const key of spec.exportPath) at = (at as Record<string, unknown> | undefined)?.[key]
  return Array.isArray(at) ? (at as Record<string, unknown>[]) : []
}

/** Every reference the registry declares points to a record that is there. */
function checkReferences(board: unknown, ctx: z.RefinementCtx): void {
  const ids = new Map<string, Set<string>>()
  const idsOf = (name: string) => {
    let set = ids.get(name)
    if (!set) {
      set = new Set(sectionOf(board, collectionSpec(name)).map((r) => r.id as string))
      ids.set(name, set)
    }
    return set
  }
  for (const spec of REGISTRY)
    sectionOf(board, spec).forEach((item, i) => {
      for (const [field, target] of Object.entries(spec.refs)) {
        const value = item[field]
        if (typeof value === 'string' && !idsOf(target).has(value))
          ctx.addIssue({
            code: 'custom',
            path: [...spec.exportPath, i, field],
            message: `${spec.what} points to unknown ${collectionSpec(target).what} ${value}`,
            params: {
              problem: 'unknownRef',
              id: value,
              section: collectionSpec(target).exportPath.join('.'),
            } satisfies OwnProblem,
          })
      }
    })
}

/** The pact and vote sections of a board that has neither (an empty frame, no votes). */
export function emptyPact(): Pick<BoardExport, 'pact' | 'votes'> {
  return {
    pact: {
      info: [{ id: PACT_INFO_ID, vision: '', territory: '' }],
      bodies: [],
      rules: [],
      commitments: [],
      adhesions: [],
      indicators: [],
      rounds: [],
      measurements: [],
      adaptations: [],
    },
    votes: { votes: [], dots: [] },
  }
}

/** The JSON export of the current schema version; its sections are the registry's. */
export const boardExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    schemaVersion: z.literal(SCHEMA_VERSION),
    title: z.string().max(LIMITS.name),
    exportedAt: z.string().max(64),
    createdAt: z.string().max(64).default(''),
    phase: z.enum(PHASES).default('problems'),
    chosenStrategy: z.string().max(200).default(''),
    canvases: z.object({
      problems: z.object({ nodes: section(problemCard), edges: section(problemLink) }),
      objectives: z.object({ nodes: section(objectiveCard), edges: section(objectiveLink) }),
      stakeholders: z.object({ nodes: section(actorCard), edges: section(relation) }),
    }),
    clusters: section(cluster),
    targetGroups: section(targetGroup),
    strategy: z.object({
      candidates: section(candidate),
      criteria: section(criterion),
      scores: section(score),
    }),
    logframe: section(logframeRow),
    pact: z.object({
      info: section(pactInfo),
      bodies: section(pactBody),
      rules: section(pactRule),
      commitments: section(commitment),
      adhesions: section(adhesion),
      indicators: section(indicator),
      rounds: section(monitoringRound),
      measurements: section(measurement),
      adaptations: section(adaptation),
    }),
    votes: z.object({ votes: section(vote), dots: section(dot) }),
  })
  .superRefine((board, ctx) => {
    checkReferences(board, ctx)
    if (
      board.chosenStrategy &&
      !board.strategy.candidates.some((c) => c.id === board.chosenStrategy)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['chosenStrategy'],
        message: `unknown candidate ${board.chosenStrategy}`,
        params: { problem: 'unknownCandidate', id: board.chosenStrategy } satisfies OwnProblem,
      })
  })

export type BoardExport = z.output<typeof boardExportSchema>

/** Where each collection root lives in the export (the registry's paths). */
export const EXPORT_SECTIONS: readonly (readonly [CollectionName, readonly string[]])[] =
  REGISTRY.map((spec) => [spec.name, spec.exportPath] as const)

/** Collections every new board starts with (defaults the group may change): no sign of progress. */
const STARTS_WITH = new Set<string>(['targetGroups', 'strategy.criteria'])

/**
 * The furthest phase of the method a board has reached: the room's phase, or a later one whose
 * records it already holds (a room taken back to «Problemi» to show the tree has still reached
 * the pact). The pact's frame counts once something is written in it.
 */
export function reachedPhase(board: BoardExport): Phase {
  let at = PHASES.indexOf(board.phase)
  for (const spec of REGISTRY) {
    if (!spec.phase || STARTS_WITH.has(spec.name)) continue
    const records = sectionOf(board, spec)
    const written =
      spec.name === 'pact.info'
        ? records.some((r) =>
            Object.entries(r).some(([k, v]) => k !== 'id' && v !== '' && v != null),
          )
        : records.length > 0
    if (written) at = Math.max(at, PHASES.indexOf(spec.phase))
  }
  return PHASES[Math.max(0, at)]!
}
