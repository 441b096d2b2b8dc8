import { z } from 'zod'
import {
  ACTOR_CATEGORIES,
  LOGFRAME_LEVELS,
  OBJECTIVE_STATUSES,
  PROBLEM_ROLES,
  RELATION_KINDS,
  SCORE_MAX,
  SCORE_MIN,
  STANCES,
} from './vocabulary.ts'

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
} as const

/**
 * A record id: 1–200 characters, no control characters. Trama makes random url-safe ones; a
 * stock client may choose others (`work>inclusion`), and those are records like any other.
 */
export const idSchema = z
  .string()
  .regex(/^[^\u0000-\u001f\u007f]{1,200}$/, 'ids are 1–200 characters, no control characters')
const coord = z.number().finite().min(-1e7).max(1e7)
const unit = z.number().min(0).max(1)
const idList = z.array(idSchema).max(LIMITS.idList)
const text = (max: number) => z.string().max(max)
const kind = z.string().min(1).max(64)

/** Unknown fields are kept (forward compatibility), but must be JSON. */
const record = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(z.json())

const cardBase = { id: idSchema, kind, label: text(LIMITS.label), x: coord, y: coord }
const linkBase = { id: idSchema, source: idSchema, target: idSchema, kind }

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
   * Fields that point to a record the record cannot do without (a link's cards, a score's
   * candidate): a dangling one is refused on import and the record is left out of exports.
   */
  refs: Readonly<Record<string, string>>
  /** Values used when a required field is missing or unusable. */
  defaults: Readonly<Record<string, unknown>>
  /** The most records an export may hold. */
  max: number
}

const spec = <S extends z.ZodObject, const N extends string>(s: CollectionSpec<S, N>) => s

const cardTexts = { label: LIMITS.label, note: LIMITS.text }
const cardDefaults = { label: '', x: 0, y: 0 }
/** The free-text fields of an actor card, in the order the method asks about them. */
export const ACTOR_TEXT_FIELDS = [
  'organisation',
  'pactRole',
  'interests',
  'affected',
  'capacity',
  'motivation',
  'contribution',
  'contact',
  'engagement',
] as const
const actorTextFields = ACTOR_TEXT_FIELDS

export const problemCard = spec({
  name: 'problems.nodes',
  exportPath: ['canvases', 'problems', 'nodes'],
  what: 'card',
  record: record({
    ...cardBase,
    kind: z.literal('problem'),
    role: z.enum(PROBLEM_ROLES),
    note: text(LIMITS.text).optional(),
    tags: idList.optional(),
    author: text(LIMITS.person).optional(),
    cluster: idSchema.nullable().optional(),
  }),
  texts: cardTexts,
  refs: {},
  defaults: { ...cardDefaults, kind: 'problem', role: 'cause' },
  max: LIMITS.cardsPerCanvas,
})

export const problemLink = spec({
  name: 'problems.edges',
  exportPath: ['canvases', 'problems', 'edges'],
  what: 'link',
  record: record(linkBase),
  texts: {},
  refs: { source: 'problems.nodes', target: 'problems.nodes' },
  defaults: { kind: 'cause-effect' },
  max: LIMITS.cardsPerCanvas * 4,
})

export const objectiveCard = spec({
  name: 'objectives.nodes',
  exportPath: ['canvases', 'objectives', 'nodes'],
  what: 'card',
  record: record({
    ...cardBase,
    kind: z.literal('objective'),
    derivedFrom: idSchema.nullable(),
    status: z.enum(OBJECTIVE_STATUSES),
    problemRemoved: z.boolean().optional(),
    note: text(LIMITS.text).optional(),
  }),
  texts: cardTexts,
  refs: {},
  defaults: { ...cardDefaults, kind: 'objective', derivedFrom: null, status: 'added' },
  max: LIMITS.cardsPerCanvas,
})

export const objectiveLink = spec({
  name: 'objectives.edges',
  exportPath: ['canvases', 'objectives', 'edges'],
  what: 'link',
  record: record({
    ...linkBase,
    derivedFrom: idSchema.nullable().optional(),
    checked: z.boolean().optional(),
    problemRemoved: z.boolean().optional(),
  }),
  texts: {},
  refs: { source: 'objectives.nodes', target: 'objectives.nodes' },
  defaults: { kind: 'means-end' },
  max: LIMITS.cardsPerCanvas * 4,
})

export const actorCard = spec({
  name: 'stakeholders.nodes',
  exportPath: ['canvases', 'stakeholders', 'nodes'],
  what: 'card',
  record: record({
    ...cardBase,
    kind: z.literal('actor'),
    category: z.enum(ACTOR_CATEGORIES),
    power: unit,
    interest: unit,
    stance: z.enum(STANCES),
    desiredStance: z.enum(STANCES),
    ...Object.fromEntries(actorTextFields.map((f) => [f, text(LIMITS.text).optional()])),
    objectives: idList.optional(),
  }) as z.ZodObject,
  texts: {
    label: LIMITS.label,
    ...Object.fromEntries(actorTextFields.map((f) => [f, LIMITS.text])),
  },
  refs: {},
  defaults: {
    ...cardDefaults,
    kind: 'actor',
    category: 'community',
    power: 0.5,
    interest: 0.5,
    stance: 'neutral',
    desiredStance: 'neutral',
  },
  max: LIMITS.cardsPerCanvas,
})

export const relation = spec({
  name: 'stakeholders.edges',
  exportPath: ['canvases', 'stakeholders', 'edges'],
  what: 'link',
  record: record({ ...linkBase, kind: z.enum(RELATION_KINDS), note: text(LIMITS.text).optional() }),
  texts: { note: LIMITS.text },
  refs: { source: 'stakeholders.nodes', target: 'stakeholders.nodes' },
  defaults: { kind: 'cooperation' },
  max: LIMITS.cardsPerCanvas * 4,
})

export const cluster = spec({
  name: 'problems.clusters',
  exportPath: ['clusters'],
  what: 'cluster',
  record: record({
    id: idSchema,
    label: text(LIMITS.name),
    color: z.string().max(32).optional(),
  }),
  texts: { label: LIMITS.name },
  refs: {},
  defaults: { label: '' },
  max: LIMITS.records,
})

export const targetGroup = spec({
  name: 'targetGroups',
  exportPath: ['targetGroups'],
  what: 'target group',
  record: record({ id: idSchema, label: text(LIMITS.name), key: z.string().max(64).optional() }),
  texts: { label: LIMITS.name },
  refs: {},
  defaults: { label: '' },
  max: LIMITS.records,
})

export const candidate = spec({
  name: 'strategy.candidates',
  exportPath: ['strategy', 'candidates'],
  what: 'candidate',
  record: record({ id: idSchema, label: text(LIMITS.label), objectives: idList }),
  texts: { label: LIMITS.label },
  refs: {},
  defaults: { label: '', objectives: [] },
  max: LIMITS.records,
})

export const criterion = spec({
  name: 'strategy.criteria',
  exportPath: ['strategy', 'criteria'],
  what: 'criterion',
  record: record({
    id: idSchema,
    label: text(LIMITS.name),
    key: z.string().max(64).optional(),
    order: z.number().finite(),
  }),
  texts: { label: LIMITS.name },
  refs: {},
  defaults: { label: '', order: 0 },
  max: LIMITS.records,
})

export const score = spec({
  name: 'strategy.scores',
  exportPath: ['strategy', 'scores'],
  what: 'score',
  record: record({
    id: idSchema,
    candidate: idSchema,
    criterion: idSchema,
    participant: z.string().min(1).max(64),
    participantName: text(LIMITS.person).optional(),
    score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
  }),
  texts: {},
  // A score on a deleted candidate or criterion is meaningless: it goes with them.
  refs: { candidate: 'strategy.candidates', criterion: 'strategy.criteria' },
  defaults: {},
  max: LIMITS.records,
})

export const logframeRow = spec({
  name: 'logframe.rows',
  exportPath: ['logframe'],
  what: 'logframe row',
  record: record({
    id: idSchema,
    level: z.enum(LOGFRAME_LEVELS),
    objective: idSchema.nullable().optional(),
    text: text(LIMITS.text),
    indicators: text(LIMITS.text),
    sources: text(LIMITS.text),
    assumptions: text(LIMITS.text),
    order: z.number().finite(),
  }),
  texts: {
    text: LIMITS.text,
    indicators: LIMITS.text,
    sources: LIMITS.text,
    assumptions: LIMITS.text,
  },
  refs: {},
  defaults: { text: '', indicators: '', sources: '', assumptions: '', order: 0 },
  max: LIMITS.records,
})

/**
 * What only the facilitator decides, in the board's meta: the room's phase and the chosen
 * strategy. The server refuses anyone else's change to them (see `updateGuard.ts`).
 */
export const FACILITATOR_META_KEYS = ['phase', 'chosenStrategy'] as const

/** Every collection, in export order. Adding a collection is one entry here plus a migration. */
export const REGISTRY = [
  problemCard,
  problemLink,
  objectiveCard,
  objectiveLink,
  actorCard,
  relation,
  cluster,
  targetGroup,
  candidate,
  criterion,
  score,
  logframeRow,
] as const satisfies readonly CollectionSpec[]

const byName = new Map<string, CollectionSpec>(REGISTRY.map((s) => [s.name, s]))

export function collectionSpec(name: string): CollectionSpec {
  return byName.get(name)!
}

/** The maximum length of a shared-text field, or undefined when the field is not text. */
export function textLimit(name: string, field: string): number | undefined {
  return byName.get(name)?.texts[field]
}
