import { z } from 'zod'
import {
  ADAPTATION_TARGETS,
  BODY_LEVELS,
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  DECISION_RULES,
  FREQUENCIES,
  INDICATOR_DIRECTIONS,
  VOTE_CANVASES,
  VOTE_DOTS_MAX,
  VOTE_STATES,
} from './vocabulary.ts'
import {
  LIMITS,
  idList,
  idSchema,
  isoDate,
  quantity,
  record,
  spec,
  text,
  type CollectionSpec,
} from './spec.ts'

/**
 * The pact (schema 5): its vision and frame, governance, mutual commitments, shared indicators
 * and the monitoring rounds of the learning cycle. Every record is plain fields and shared
 * texts, like the method's canvases; references to actors (`stakeholders.nodes`), objectives
 * (`objectives.nodes`) and logframe rows are optional where the record stands without them.
 */

/** The id of the one record of `pact.info`, created with the board (and by migration 5). */
export const PACT_INFO_ID = 'pact'

const year = z.number().int().min(1900).max(2200)
const optionalId = idSchema.nullable().optional()
const optionalDate = isoDate.nullable().optional()

export const pactInfo = spec({
  name: 'pact.info',
  exportPath: ['pact', 'info'],
  what: 'pact frame',
  record: record({
    id: z.literal(PACT_INFO_ID),
    vision: text(LIMITS.document),
    territory: text(LIMITS.name),
    horizonFrom: year.nullable().optional(),
    horizonTo: year.nullable().optional(),
  }),
  texts: { vision: LIMITS.document, territory: LIMITS.name },
  refs: {},
  defaults: { vision: '', territory: '' },
  max: 1,
  phase: 'pact',
  writers: 'all',
})

export const pactBody = spec({
  name: 'pact.bodies',
  exportPath: ['pact', 'bodies'],
  what: 'body',
  record: record({
    id: idSchema,
    label: text(LIMITS.name),
    mandate: text(LIMITS.text),
    level: z.enum(BODY_LEVELS),
    members: idList,
    lead: optionalId,
    // null (or absent): not decided yet (schema 7). A new body starts so: a rule or a rhythm
    // filled in by default reached the pact's document as if the partners had agreed on it.
    decision: z.enum(DECISION_RULES).nullable().optional(),
    frequency: z.enum(FREQUENCIES).nullable().optional(),
    order: z.number().finite(),
  }),
  texts: { label: LIMITS.name, mandate: LIMITS.text },
  idSets: ['members'],
  refs: {},
  defaults: {
    label: '',
    mandate: '',
    level: 'technical',
    members: [],
    order: 0,
  },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

export const pactRule = spec({
  name: 'pact.rules',
  exportPath: ['pact', 'rules'],
  what: 'rule',
  record: record({ id: idSchema, text: text(LIMITS.text), order: z.number().finite() }),
  texts: { text: LIMITS.text },
  refs: {},
  defaults: { text: '', order: 0 },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

export const commitment = spec({
  name: 'pact.commitments',
  exportPath: ['pact', 'commitments'],
  what: 'commitment',
  record: record({
    id: idSchema,
    actor: idSchema,
    type: z.enum(COMMITMENT_TYPES),
    what: text(LIMITS.text),
    amount: quantity.nullable().optional(),
    unit: text(LIMITS.name),
    from: optionalDate,
    to: optionalDate,
    objective: optionalId,
    activity: optionalId,
    status: z.enum(COMMITMENT_STATUSES),
    order: z.number().finite(),
  }),
  texts: { what: LIMITS.text, unit: LIMITS.name },
  // a commitment is an actor's: it goes with the actor
  refs: { actor: 'stakeholders.nodes' },
  defaults: { type: 'staff-hours', what: '', unit: '', status: 'proposed', order: 0 },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

/** An actor's adhesion to the pact; the record's id is the actor's. */
export const adhesion = spec({
  name: 'pact.adhesions',
  exportPath: ['pact', 'adhesions'],
  what: 'adhesion',
  record: record({
    id: idSchema,
    actor: idSchema,
    adheres: z.boolean(),
    date: optionalDate,
    signedBy: text(LIMITS.person),
  }),
  texts: { signedBy: LIMITS.person },
  refs: { actor: 'stakeholders.nodes' },
  defaults: { adheres: false, signedBy: '' },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

export const indicator = spec({
  name: 'pact.indicators',
  exportPath: ['pact', 'indicators'],
  what: 'indicator',
  record: record({
    id: idSchema,
    label: text(LIMITS.label),
    unit: text(LIMITS.name),
    direction: z.enum(INDICATOR_DIRECTIONS),
    baseline: quantity.nullable().optional(),
    baselineDate: optionalDate,
    target: quantity.nullable().optional(),
    targetDate: optionalDate,
    source: text(LIMITS.text),
    frequency: z.enum(FREQUENCIES),
    responsible: optionalId,
    objective: optionalId,
    activity: optionalId,
    preset: z.string().max(64).optional(),
    order: z.number().finite(),
  }),
  texts: { label: LIMITS.label, unit: LIMITS.name, source: LIMITS.text },
  refs: {},
  defaults: {
    label: '',
    unit: '',
    direction: 'increase',
    source: '',
    frequency: 'half-yearly',
    order: 0,
  },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

export const monitoringRound = spec({
  name: 'pact.rounds',
  exportPath: ['pact', 'rounds'],
  what: 'monitoring round',
  record: record({
    id: idSchema,
    label: text(LIMITS.name),
    date: isoDate,
    feedback: text(LIMITS.text),
  }),
  texts: { label: LIMITS.name, feedback: LIMITS.text },
  refs: {},
  defaults: { label: '', date: '1970-01-01', feedback: '' },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

/** One indicator's value in one round; Trama's id is `<round>|<indicator>`, one per pair. */
export const measurement = spec({
  name: 'pact.measurements',
  exportPath: ['pact', 'measurements'],
  what: 'measurement',
  record: record({
    id: idSchema,
    round: idSchema,
    indicator: idSchema,
    value: quantity.nullable(),
    note: text(LIMITS.text).optional(),
  }),
  texts: { note: LIMITS.text },
  refs: { round: 'pact.rounds', indicator: 'pact.indicators' },
  defaults: { value: null },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

/** What a round decided to change: what, who, by when, and the item it changes. */
export const adaptation = spec({
  name: 'pact.adaptations',
  exportPath: ['pact', 'adaptations'],
  what: 'adaptation',
  record: record({
    id: idSchema,
    round: idSchema,
    what: text(LIMITS.text),
    who: optionalId,
    due: optionalDate,
    targetKind: z.enum(ADAPTATION_TARGETS).nullable().optional(),
    target: optionalId,
    done: z.boolean(),
  }),
  texts: { what: LIMITS.text },
  refs: { round: 'pact.rounds' },
  defaults: { what: '', done: false },
  max: LIMITS.records,
  phase: 'pact',
  writers: 'all',
})

/** The pact's collections, in export order. */
export const PACT_COLLECTIONS = [
  pactInfo,
  pactBody,
  pactRule,
  commitment,
  adhesion,
  indicator,
  monitoringRound,
  measurement,
  adaptation,
] as const satisfies readonly CollectionSpec[]

/** A dot vote the facilitator runs on a canvas: only facilitator connections write it. */
export const vote = spec({
  name: 'votes',
  exportPath: ['votes', 'votes'],
  what: 'vote',
  record: record({
    id: idSchema,
    canvas: z.enum(VOTE_CANVASES),
    label: text(LIMITS.name),
    dots: z.number().int().min(1).max(VOTE_DOTS_MAX),
    state: z.enum(VOTE_STATES),
    createdAt: z.string().max(64),
  }),
  texts: {},
  refs: {},
  defaults: { label: '', dots: 3, state: 'closed', createdAt: '' },
  max: LIMITS.records,
  phase: null,
  writers: 'facilitator',
})

/**
 * One dot a participant put on a card in a vote. `voter` is the participant's stable id (as in
 * scores); tallies count at most the vote's `dots` per voter.
 */
export const dot = spec({
  name: 'votes.dots',
  exportPath: ['votes', 'dots'],
  what: 'dot',
  record: record({
    id: idSchema,
    vote: idSchema,
    card: idSchema,
    voter: z.string().min(1).max(64),
    voterName: text(LIMITS.person).optional(),
  }),
  texts: {},
  refs: { vote: 'votes' },
  defaults: {},
  max: LIMITS.records,
  phase: null,
  writers: 'all',
})

export const VOTE_COLLECTIONS = [vote, dot] as const satisfies readonly CollectionSpec[]
