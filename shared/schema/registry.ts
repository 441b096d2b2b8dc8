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

import {
  LIMITS,
  cardBase,
  idList,
  idSchema,
  linkBase,
  record,
  spec,
  text,
  unit,
  type CollectionSpec,
} from './spec.ts'
import { PACT_COLLECTIONS, VOTE_COLLECTIONS } from './pact.ts'

export { LIMITS, idSchema, type CollectionSpec } from './spec.ts'

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
  idSets: ['tags'],
  refs: {},
  defaults: { ...cardDefaults, kind: 'problem', role: 'cause' },
  max: LIMITS.cardsPerCanvas,
  phase: 'problems',
  writers: 'all',
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
  phase: 'problems',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
    /** false while the actor waits in the grid's tray; absent (older boards) means placed. */
    placed: z.boolean().optional(),
  }) as z.ZodObject,
  texts: {
    label: LIMITS.label,
    ...Object.fromEntries(actorTextFields.map((f) => [f, LIMITS.text])),
  },
  idSets: ['objectives'],
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
  phase: 'stakeholders',
  writers: 'all',
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
  phase: 'stakeholders',
  writers: 'all',
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
  phase: 'problems',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
  phase: 'objectives',
  writers: 'all',
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
  ...PACT_COLLECTIONS,
  ...VOTE_COLLECTIONS,
] as const satisfies readonly CollectionSpec[]

const byName = new Map<string, CollectionSpec>(REGISTRY.map((s) => [s.name, s]))

export function collectionSpec(name: string): CollectionSpec {
  return byName.get(name)!
}

/** The maximum length of a shared-text field, or undefined when the field is not text. */
export function textLimit(name: string, field: string): number | undefined {
  const texts = byName.get(name)?.texts
  return texts && Object.hasOwn(texts, field) ? texts[field] : undefined
}

/** Whether a collection's field holds a set of ids as a shared list (`idSets`). */
export function isIdSet(name: string, field: string): boolean {
  return byName.get(name)?.idSets?.includes(field) ?? false
}
