import {
  ACTOR_CATEGORIES,
  ACTOR_TEXT_FIELDS,
  STANCES,
  type ActorCategory,
  type Fields,
  type Stance,
} from '../schema/index.ts'

export { ACTOR_TEXT_FIELDS }
export type ActorTextField = (typeof ACTOR_TEXT_FIELDS)[number]

/** An actor card as plain data, every field present (see `actorCardSchema`). */
export interface Actor extends Record<ActorTextField, string> {
  id: string
  label: string
  category: ActorCategory
  power: number
  interest: number
  stance: Stance
  desiredStance: Stance
  /** Ids of the objectives the actor contributes to. */
  objectives: string[]
  /** On the power/interest grid (false: waiting in the tray until someone places it). */
  placed: boolean
  x: number
  y: number
}

export const DEFAULT_POWER = 0.5
export const DEFAULT_INTEREST = 0.5
export const DEFAULT_STANCE: Stance = 'neutral'

const isIn = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v)
const unitOr = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

/**
 * Reads an actor from the fields of a card, tolerating a card a stock client wrote half-way:
 * what is missing or out of vocabulary gets the neutral default.
 */
export function readActor(id: string, fields: Record<string, unknown>): Actor {
  const stance = isIn(STANCES, fields.stance) ? fields.stance : DEFAULT_STANCE
  const actor = {
    id,
    label: str(fields.label),
    category: isIn(ACTOR_CATEGORIES, fields.category) ? fields.category : 'community',
    power: unitOr(fields.power, DEFAULT_POWER),
    interest: unitOr(fields.interest, DEFAULT_INTEREST),
    stance,
    desiredStance: isIn(STANCES, fields.desiredStance) ? fields.desiredStance : stance,
    objectives: Array.isArray(fields.objectives)
      ? fields.objectives.filter((o): o is string => typeof o === 'string')
      : [],
    x: num(fields.x),
    y: num(fields.y),
    placed: fields.placed !== false,
  } as Actor
  for (const key of ACTOR_TEXT_FIELDS) actor[key] = str(fields[key])
  return actor
}

/** All the fields of a new actor card (a card is born whole), without its position. */
export function newActorFields(
  category: ActorCategory,
  init: Partial<Omit<Actor, 'id' | 'x' | 'y'>> = {},
): Fields {
  const fields: Fields = {
    kind: 'actor',
    label: init.label ?? '',
    category,
    power: init.power ?? DEFAULT_POWER,
    interest: init.interest ?? DEFAULT_INTEREST,
    stance: init.stance ?? DEFAULT_STANCE,
    desiredStance: init.desiredStance ?? init.stance ?? DEFAULT_STANCE,
    objectives: [...(init.objectives ?? [])],
  }
  for (const key of ACTOR_TEXT_FIELDS) fields[key] = init[key] ?? ''
  if (init.placed === false) fields.placed = false
  return fields
}

/**
 * What setting an actor's current stance writes: the desired stance follows it while the two are
 * the same (nobody has said where the room wants the actor), so «Sostiene» chosen for a new
 * actor no longer reads «Sostiene → Neutrale» on the grid, the register and the pact; once they
 * differ, the desired stance is the room's choice and stays.
 */
export function stanceChange(
  actor: Pick<Actor, 'stance' | 'desiredStance'>,
  stance: Stance,
): { stance: Stance; desiredStance?: Stance } {
  return actor.desiredStance === actor.stance ? { stance, desiredStance: stance } : { stance }
}

/** How far an actor is from where the pact needs it: resists → supports is two steps. */
export function stanceGap(actor: Pick<Actor, 'stance' | 'desiredStance'>): number {
  const rank = (s: Stance) => STANCES.length - 1 - STANCES.indexOf(s)
  return rank(actor.desiredStance) - rank(actor.stance)
}
