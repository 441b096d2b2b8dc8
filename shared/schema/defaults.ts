import type { Fields } from './cards.ts'
import { ACTOR_CATEGORIES, RELATION_KINDS, STANCES } from './vocabulary.ts'

const isIn = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v)
const isUnit = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1

/**
 * The fields an untyped stakeholder card (schema 1–2) lacks to be an actor: neutral defaults,
 * the middle of the power/interest grid. Shared by the document and the export migrations.
 */
export function actorDefaultsPatch(card: Record<string, unknown>): Fields {
  const patch: Fields = {}
  if (card.kind !== 'actor') patch.kind = 'actor'
  if (!isIn(ACTOR_CATEGORIES, card.category)) patch.category = 'community'
  if (!isUnit(card.power)) patch.power = 0.5
  if (!isUnit(card.interest)) patch.interest = 0.5
  if (!isIn(STANCES, card.stance)) patch.stance = 'neutral'
  if (!isIn(STANCES, card.desiredStance)) patch.desiredStance = 'neutral'
  return patch
}

/** A relationship kind from before schema 3 becomes a cooperation. */
export function relationKindPatch(link: Record<string, unknown>): Fields {
  return isIn(RELATION_KINDS, link.kind) ? {} : { kind: 'cooperation' }
}
