import {
  OBJECTIVE_STATUSES,
  type Fields,
  type ObjectiveStatus,
  type ProblemRole,
} from '../schema/index.ts'

/** The fields of an objective card the method's rules look at. */
export interface ObjectiveLike {
  label: string
  status: ObjectiveStatus
  derivedFrom: string | null
}

export function asStatus(value: unknown): ObjectiveStatus {
  return (OBJECTIVE_STATUSES as readonly unknown[]).includes(value)
    ? (value as ObjectiveStatus)
    : 'to-reword'
}

/**
 * The change of a new text: rewriting an objective that was still `to-reword` makes it
 * `reworded`; the same text again changes nothing (null).
 */
export function rewordPatch(card: ObjectiveLike, text: string): Fields | null {
  const label = text.trim()
  if (label === card.label) return null
  return card.status === 'to-reword' ? { label, status: 'reworded' } : { label }
}

/**
 * The status a discarded objective goes back to: `added` if the group made it, otherwise
 * `to-reword` while its text is still the problem's, `reworded` once it differs.
 */
export function restoredStatus(
  card: ObjectiveLike,
  problemLabel: string | undefined,
): ObjectiveStatus {
  if (card.derivedFrom === null) return 'added'
  return problemLabel !== undefined && card.label === problemLabel ? 'to-reword' : 'reworded'
}

/** In the objective tree a cause becomes a means, an effect an end; the core stays central. */
export type ObjectiveRole = 'core' | 'means' | 'end'
export function objectiveRoleOf(problemRole: ProblemRole | undefined): ObjectiveRole | null {
  if (problemRole === 'core') return 'core'
  if (problemRole === 'cause') return 'means'
  if (problemRole === 'effect') return 'end'
  return null
}
