/**
 * The workshop's words as stored values. The UI translates them (Italian first); the document
 * keeps these stable codes.
 */
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
