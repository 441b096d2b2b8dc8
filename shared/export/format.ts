import { z } from 'zod'
import { PHASES, type CollectionName } from '../schema/roots.ts'
import {
  ACTOR_CATEGORIES,
  LOGFRAME_LEVELS,
  OBJECTIVE_STATUSES,
  PROBLEM_ROLES,
  RELATION_KINDS,
  SCORE_MAX,
  SCORE_MIN,
  STANCES,
} from '../schema/vocabulary.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'

export const EXPORT_FORMAT = 'trama.board'
/** Limits that keep one import from exhausting the server. */
export const MAX_CARDS_PER_CANVAS = 10_000
export const MAX_LABEL_LENGTH = 2_000
const MAX_TEXT = 8_000
const MAX_RECORDS = 20_000

const id = z.string().regex(/^[A-Za-z0-9_:.|-]{1,200}$/, 'ids are 1–200 letters, digits, _ : . | -')
const coord = z.number().finite().min(-1e7).max(1e7)
const text = z.string().max(MAX_TEXT)
const unit = z.number().min(0).max(1)
const idList = z.array(id).max(1_000)

const cardBase = {
  id,
  kind: z.string().min(1).max(64),
  label: z.string().max(MAX_LABEL_LENGTH),
  x: coord,
  y: coord,
}
const linkBase = { id, source: id, target: id, kind: z.string().min(1).max(64) }
/** Unknown fields are kept (forward compatibility), but must be JSON. */
const record = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(z.json())

export const problemCardSchema = record({
  ...cardBase,
  kind: z.literal('problem'),
  role: z.enum(PROBLEM_ROLES),
  note: text.optional(),
  tags: idList.optional(),
  author: z.string().max(80).optional(),
  cluster: id.nullable().optional(),
})
export const objectiveCardSchema = record({
  ...cardBase,
  kind: z.literal('objective'),
  derivedFrom: id.nullable(),
  status: z.enum(OBJECTIVE_STATUSES),
  problemRemoved: z.boolean().optional(),
  note: text.optional(),
})
export const actorCardSchema = record({
  ...cardBase,
  kind: z.literal('actor'),
  category: z.enum(ACTOR_CATEGORIES),
  power: unit,
  interest: unit,
  stance: z.enum(STANCES),
  desiredStance: z.enum(STANCES),
  organisation: text.optional(),
  pactRole: text.optional(),
  interests: text.optional(),
  affected: text.optional(),
  capacity: text.optional(),
  motivation: text.optional(),
  contribution: text.optional(),
  contact: text.optional(),
  engagement: text.optional(),
  objectives: idList.optional(),
})
export const linkSchema = record(linkBase)
export const meansEndSchema = record({
  ...linkBase,
  derivedFrom: id.nullable().optional(),
  checked: z.boolean().optional(),
  problemRemoved: z.boolean().optional(),
})
export const relationSchema = record({
  ...linkBase,
  kind: z.enum(RELATION_KINDS),
  note: text.optional(),
})
export const clusterSchema = record({
  id,
  label: z.string().max(200),
  color: z.string().max(32).optional(),
})
export const targetGroupSchema = record({
  id,
  label: z.string().max(200),
  key: z.string().max(64).optional(),
})
export const candidateSchema = record({
  id,
  label: z.string().max(MAX_LABEL_LENGTH),
  objectives: idList,
})
export const criterionSchema = record({
  id,
  label: z.string().max(200),
  key: z.string().max(64).optional(),
  order: z.number().finite(),
})
export const scoreSchema = record({
  id,
  candidate: id,
  criterion: id,
  participant: z.string().min(1).max(64),
  participantName: z.string().max(80).optional(),
  score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
})
export const logframeRowSchema = record({
  id,
  level: z.enum(LOGFRAME_LEVELS),
  objective: id.nullable().optional(),
  text,
  indicators: text,
  sources: text,
  assumptions: text,
  order: z.number().finite(),
})

type Issue = { path: (string | number)[]; message: string }
function uniqueIds(
  items: { id: string }[],
  what: string,
  issues: Issue[],
  at: (i: number) => (string | number)[],
): Set<string> {
  const ids = new Set<string>()
  items.forEach((item, i) => {
    if (ids.has(item.id)) issues.push({ path: at(i), message: `duplicate ${what} id ${item.id}` })
    ids.add(item.id)
  })
  return ids
}

function canvasSchema<
  N extends z.ZodType<{ id: string }>,
  E extends z.ZodType<{ id: string; source: string; target: string }>,
>(node: N, edge: E) {
  return z
    .object({
      nodes: z.array(node).max(MAX_CARDS_PER_CANVAS),
      edges: z.array(edge).max(MAX_CARDS_PER_CANVAS * 4),
    })
    .superRefine((canvas, ctx) => {
      const issues: Issue[] = []
      const ids = uniqueIds(canvas.nodes, 'card', issues, (i) => ['nodes', i, 'id'])
      uniqueIds(canvas.edges, 'link', issues, (i) => ['edges', i, 'id'])
      canvas.edges.forEach((e, i) => {
        for (const end of ['source', 'target'] as const)
          if (!ids.has(e[end]))
            issues.push({
              path: ['edges', i, end],
              message: `link points to unknown card ${e[end]}`,
            })
      })
      for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue })
    })
}

const list = <T extends z.ZodType<{ id: string }>>(item: T, what: string) =>
  z
    .array(item)
    .max(MAX_RECORDS)
    .superRefine((items, ctx) => {
      const issues: Issue[] = []
      uniqueIds(items, what, issues, (i) => [i, 'id'])
      for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue })
    })

/** The JSON export of the current schema version. */
export const boardExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    schemaVersion: z.literal(SCHEMA_VERSION),
    title: z.string().max(200),
    exportedAt: z.string().max(64),
    createdAt: z.string().max(64).default(''),
    phase: z.enum(PHASES).default('problems'),
    chosenStrategy: z.string().max(200).default(''),
    canvases: z.object({
      problems: canvasSchema(problemCardSchema, linkSchema),
      objectives: canvasSchema(objectiveCardSchema, meansEndSchema),
      stakeholders: canvasSchema(actorCardSchema, relationSchema),
    }),
    clusters: list(clusterSchema, 'cluster'),
    targetGroups: list(targetGroupSchema, 'target group'),
    strategy: z.object({
      candidates: list(candidateSchema, 'candidate'),
      criteria: list(criterionSchema, 'criterion'),
      scores: list(scoreSchema, 'score'),
    }),
    logframe: list(logframeRowSchema, 'logframe row'),
  })
  .superRefine((board, ctx) => {
    const candidates = new Set(board.strategy.candidates.map((c) => c.id))
    const criteria = new Set(board.strategy.criteria.map((c) => c.id))
    board.strategy.scores.forEach((s, i) => {
      if (!candidates.has(s.candidate))
        ctx.addIssue({
          code: 'custom',
          path: ['strategy', 'scores', i, 'candidate'],
          message: `score of unknown candidate ${s.candidate}`,
        })
      if (!criteria.has(s.criterion))
        ctx.addIssue({
          code: 'custom',
          path: ['strategy', 'scores', i, 'criterion'],
          message: `score on unknown criterion ${s.criterion}`,
        })
    })
    if (board.chosenStrategy && !candidates.has(board.chosenStrategy))
      ctx.addIssue({
        code: 'custom',
        path: ['chosenStrategy'],
        message: `unknown candidate ${board.chosenStrategy}`,
      })
  })

export type BoardExport = z.output<typeof boardExportSchema>

/** Where each collection root lives in the export. */
export const EXPORT_SECTIONS: readonly (readonly [CollectionName, readonly string[]])[] = [
  ['problems.nodes', ['canvases', 'problems', 'nodes']],
  ['problems.edges', ['canvases', 'problems', 'edges']],
  ['objectives.nodes', ['canvases', 'objectives', 'nodes']],
  ['objectives.edges', ['canvases', 'objectives', 'edges']],
  ['stakeholders.nodes', ['canvases', 'stakeholders', 'nodes']],
  ['stakeholders.edges', ['canvases', 'stakeholders', 'edges']],
  ['problems.clusters', ['clusters']],
  ['targetGroups', ['targetGroups']],
  ['strategy.candidates', ['strategy', 'candidates']],
  ['strategy.criteria', ['strategy', 'criteria']],
  ['strategy.scores', ['strategy', 'scores']],
  ['logframe.rows', ['logframe']],
]
