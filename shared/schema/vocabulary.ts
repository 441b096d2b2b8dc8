/**
 * The workshop's words as stored values. The UI translates them (Italian first); the document
 * keeps these stable codes.
 */
/** The method's phases, in the order the room walks them. */
export const PHASES = ['problems', 'objectives', 'stakeholders', 'pact'] as const
export type Phase = (typeof PHASES)[number]

export const PROBLEM_ROLES = ['core', 'cause', 'effect'] as const
export type ProblemRole = (typeof PROBLEM_ROLES)[number]

/** Objective status after the inversion: da riformulare, riformulato, aggiunto, scartato. */
export const OBJECTIVE_STATUSES = ['to-reword', 'reworded', 'added', 'discarded'] as const
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number]

export const LOGFRAME_LEVELS = ['overall', 'specific', 'result', 'activity'] as const
export type LogframeLevel = (typeof LOGFRAME_LEVELS)[number]

export const ACTOR_CATEGORIES = ['public', 'third-sector', 'economic', 'community'] as const
export type ActorCategory = (typeof ACTOR_CATEGORIES)[number]

export const STANCES = ['supports', 'neutral', 'resists'] as const
export type Stance = (typeof STANCES)[number]

export const RELATION_KINDS = ['cooperation', 'conflict', 'information', 'funding'] as const
export type RelationKind = (typeof RELATION_KINDS)[number]

/** Link kinds of the problem and objective trees. */
export const CAUSE_EFFECT = 'cause-effect'
export const MEANS_END = 'means-end'

/** Target groups every board starts with (more can be added per board). */
export const DEFAULT_TARGET_GROUPS = [
  { id: 'neet', key: 'neet', label: 'NEET' },
  { id: 'long-term-unemployed', key: 'long-term-unemployed', label: 'Disoccupati di lunga durata' },
  { id: 'migrants', key: 'migrants', label: 'Migranti' },
  { id: 'disabilities', key: 'disabilities', label: 'Persone con disabilità' },
  {
    id: 'care-leavers',
    key: 'care-leavers',
    label: 'Persone in uscita da percorsi di presa in carico',
  },
] as const

/**
 * The order target groups are listed in, the same on every screen and after an export is
 * imported again: the groups every board starts with in their own order, then the board's own
 * by name. (The order of a board's records in its document is the order they reached it, which
 * an import changes.)
 */
export function compareTargetGroups(
  a: { id: string; key?: unknown; label?: unknown },
  b: { id: string; key?: unknown; label?: unknown },
): number {
  const rank = (g: { key?: unknown }) => {
    const i = DEFAULT_TARGET_GROUPS.findIndex((d) => d.key === g.key)
    return i < 0 ? DEFAULT_TARGET_GROUPS.length : i
  }
  return (
    rank(a) - rank(b) ||
    String(a.label ?? '').localeCompare(String(b.label ?? ''), 'it') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Strategy criteria every board starts with; the facilitator can edit the list. */
export const DEFAULT_CRITERIA = [
  { id: 'social', key: 'social', label: 'Sociale' },
  { id: 'economic', key: 'economic', label: 'Economico-finanziario' },
  { id: 'technical', key: 'technical', label: 'Tecnico' },
  { id: 'institutional', key: 'institutional', label: 'Istituzionale' },
  { id: 'environmental', key: 'environmental', label: 'Ambientale' },
  { id: 'covered', key: 'covered', label: 'Già coperto da altri attori' },
] as const

/** Score scale of the strategy analysis. */
export const SCORE_MIN = 1
export const SCORE_MAX = 5

/** Levels of the pact's bodies: who sets direction, who plans, who does the work. */
export const BODY_LEVELS = ['political', 'strategic', 'technical', 'operational'] as const
export type BodyLevel = (typeof BODY_LEVELS)[number]

/** How a body of the pact decides. */
export const DECISION_RULES = ['consensus', 'majority', 'qualified-majority', 'lead'] as const
export type DecisionRule = (typeof DECISION_RULES)[number]

/** How often a body meets, an indicator is measured. */
export const FREQUENCIES = [
  'weekly',
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'as-needed',
] as const
export type Frequency = (typeof FREQUENCIES)[number]

/** What an actor puts into the pact. */
export const COMMITMENT_TYPES = [
  'staff-hours',
  'money',
  'spaces',
  'services',
  'skills',
  'data-tools',
] as const
export type CommitmentType = (typeof COMMITMENT_TYPES)[number]

/** proposto, confermato, in corso, rispettato, non rispettato. */
export const COMMITMENT_STATUSES = ['proposed', 'confirmed', 'ongoing', 'kept', 'broken'] as const
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]

/** Whether an indicator should go up or down. */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number]

/** What an adaptation decided in a monitoring round changes. */
export const ADAPTATION_TARGETS = [
  'indicator',
  'commitment',
  'body',
  'objective',
  'activity',
] as const
export type AdaptationTarget = (typeof ADAPTATION_TARGETS)[number]

/** The canvases a dot vote can run on. */
export const VOTE_CANVASES = ['problems', 'objectives', 'stakeholders'] as const
export type VoteCanvas = (typeof VOTE_CANVASES)[number]

/** A vote is open (dots go on cards), closed (no more dots) or revealed (tallies shown). */
export const VOTE_STATES = ['open', 'closed', 'revealed'] as const
export type VoteState = (typeof VOTE_STATES)[number]

/** Dots per participant a vote may give. */
export const VOTE_DOTS_MAX = 20
