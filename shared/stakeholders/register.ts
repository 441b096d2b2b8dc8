import { ACTOR_CATEGORIES, STANCES, type ActorCategory, type Stance } from '../schema/index.ts'
import type { Actor } from './actors.ts'
import { QUADRANTS, quadrantOf } from './grid.ts'
import { normaliseName } from './names.ts'

/** Columns of the register the table can sort on. */
export const REGISTER_SORT_KEYS = [
  'label',
  'organisation',
  'category',
  'pactRole',
  'power',
  'interest',
  'quadrant',
  'stance',
  'desiredStance',
  'objectives',
] as const
export type RegisterSortKey = (typeof REGISTER_SORT_KEYS)[number]

export interface RegisterSort {
  key: RegisterSortKey
  direction: 'asc' | 'desc'
}

export interface RegisterFilter {
  /** Empty: every category. */
  categories: readonly ActorCategory[]
  /** Empty: every stance. */
  stances: readonly Stance[]
  /** Matched, case-insensitive, against name and organisation. */
  text?: string
}

export function filterActors<A extends Actor>(actors: readonly A[], filter: RegisterFilter): A[] {
  const text = filter.text?.trim().toLocaleLowerCase() ?? ''
  return actors.filter(
    (a) =>
      (filter.categories.length === 0 || filter.categories.includes(a.category)) &&
      (filter.stances.length === 0 || filter.stances.includes(a.stance)) &&
      (!text ||
        a.label.toLocaleLowerCase().includes(text) ||
        a.organisation.toLocaleLowerCase().includes(text)),
  )
}

/** Codes sort in the method's order (categories as listed, stances from supports to resists). */
function sortValue(a: Actor, key: RegisterSortKey): string | number {
  switch (key) {
    case 'category':
      return ACTOR_CATEGORIES.indexOf(a.category)
    case 'stance':
    case 'desiredStance':
      return STANCES.indexOf(a[key])
    case 'quadrant':
      return QUADRANTS.indexOf(quadrantOf(a))
    case 'objectives':
      return a.objectives.length
    case 'power':
    case 'interest':
      return a[key]
    default:
      return a[key]
  }
}

/**
 * A stable sort (ties keep the given order); texts compare the way a person reads them
 * (Italian collation, numbers inside names in numeric order), empty texts last.
 */
export function sortActors<A extends Actor>(
  actors: readonly A[],
  sort: RegisterSort,
  locale = 'it',
): A[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const sign = sort.direction === 'asc' ? 1 : -1
  return actors
    .map((actor, index) => ({ actor, index, value: sortValue(actor, sort.key) }))
    .sort((a, b) => {
      let c: number
      if (typeof a.value === 'string' && typeof b.value === 'string') {
        if (!a.value !== !b.value) return a.value ? -1 : 1
        c = collator.compare(a.value, b.value)
      } else c = Number(a.value) - Number(b.value)
      return c * sign || a.index - b.index
    })
    .map((x) => x.actor)
}

/**
 * The actors that share their name with another (case, accents and spacing aside): actor id →
 * how many others bear it. Two people adding the same body at once make two cards, and its
 * objectives, power and stance end up split between them.
 */
export function namesakes(actors: readonly Pick<Actor, 'id' | 'label'>[]): Map<string, number> {
  const byName = new Map<string, string[]>()
  for (const a of actors) {
    const name = normaliseName(a.label)
    if (!name) continue
    const ids = byName.get(name)
    if (ids) ids.push(a.id)
    else byName.set(name, [a.id])
  }
  const others = new Map<string, number>()
  for (const ids of byName.values())
    if (ids.length > 1) for (const id of ids) others.set(id, ids.length - 1)
  return others
}
