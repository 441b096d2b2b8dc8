/**
 * The strategy's records as the document stores them (loose JSON, possibly from an older or
 * newer client) read into the plain types of strategy.ts, and the criteria list's rules.
 */
import { DEFAULT_CRITERIA } from '../schema/vocabulary.ts'
import type { Candidate, Criterion, Score, TreeLink, TreeObjective } from './strategy.ts'

type Loose = { id: string } & Record<string, unknown>

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback)
const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback

export function readObjective(
  id: string,
  data: Record<string, unknown>,
  position?: { x: number },
): TreeObjective {
  return { id, label: str(data.label), status: str(data.status, 'to-reword'), x: position?.x ?? 0 }
}

export function readLink(link: {
  source: string
  target: string
  data?: Record<string, unknown>
}): TreeLink {
  const kind = link.data?.kind
  return {
    source: link.source,
    target: link.target,
    ...(typeof kind === 'string' ? { kind } : {}),
  }
}

export function readCandidates(items: readonly Loose[]): Candidate[] {
  return items
    .map((c) => ({
      id: c.id,
      label: str(c.label),
      objectives: Array.isArray(c.objectives)
        ? c.objectives.filter((o): o is string => typeof o === 'string')
        : [],
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1))
}

/** The criteria in the facilitator's order (ties, e.g. two added at once, by id). */
export function readCriteria(items: readonly Loose[]): Criterion[] {
  return items
    .map((c) => ({
      id: c.id,
      label: str(c.label),
      order: num(c.order),
      ...(typeof c.key === 'string' ? { key: c.key } : {}),
    }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
}

export function readScores(items: readonly Loose[]): Score[] {
  const out: Score[] = []
  for (const s of items) {
    if (typeof s.candidate !== 'string' || typeof s.criterion !== 'string') continue
    if (typeof s.participant !== 'string' || typeof s.score !== 'number') continue
    out.push({
      candidate: s.candidate,
      criterion: s.criterion,
      participant: s.participant,
      score: s.score,
      ...(typeof s.participantName === 'string' ? { participantName: s.participantName } : {}),
    })
  }
  return out
}

/**
 * The key of a built-in criterion whose label nobody changed: the UI then shows it in the
 * reader's language. Once renamed, the facilitator's words are shown as written.
 */
export function builtInCriterionKey(criterion: Pick<Criterion, 'key' | 'label'>): string | null {
  const builtIn = DEFAULT_CRITERIA.find((c) => c.key === criterion.key)
  return builtIn && builtIn.label === criterion.label ? builtIn.key : null
}

/** The `order` of a criterion added at the end of the list. */
export function nextCriterionOrder(criteria: readonly Criterion[]): number {
  return criteria.reduce((max, c) => Math.max(max, c.order), -1) + 1
}

/**
 * The order patches that move a criterion one step up (-1) or down (+1): the list is
 * renumbered 0..n-1, so criteria that shared an order are told apart from then on.
 */
export function moveCriterion(
  criteria: readonly Criterion[],
  id: string,
  step: -1 | 1,
): Map<string, number> {
  const ids = criteria.map((c) => c.id)
  const from = ids.indexOf(id)
  const to = from + step
  const patches = new Map<string, number>()
  if (from < 0 || to < 0 || to >= ids.length) return patches
  ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
  ids.forEach((cid, order) => {
    if (criteria.find((c) => c.id === cid)!.order !== order) patches.set(cid, order)
  })
  return patches
}
