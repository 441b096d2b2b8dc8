import { z } from 'zod'
import { CANVASES } from './schema/index.ts'

/** A visible part of a canvas, in the canvas's own coordinates. */
const rect = z.object({
  x: z.number().finite().min(-1e8).max(1e8),
  y: z.number().finite().min(-1e8).max(1e8),
  w: z.number().finite().positive().max(1e8),
  h: z.number().finite().positive().max(1e8),
})

/**
 * Where a page that scrolls (the pact's views, the tables) is read: the element at the top of
 * the view (`anchor`, a key every screen computes alike, client/follow/scrollAnchor.ts) and how
 * far into it (`into`, 0–1), with the scroll's fraction (`at`, 0–1) for a screen that lacks the
 * element. `view`: the view it was read on.
 */
const scrollTop = z.object({
  view: z.string().max(32),
  anchor: z.string().max(200).nullish(),
  into: z.number().min(0).max(1),
  at: z.number().min(0).max(1),
})

/**
 * What a person's presence says for following (shared by the page, which reads others'
 * presence with it, and the server, which drops a value that does not fit):
 * - `follow`: the awareness id of the person they follow;
 * - `sight`: what they look at — the view inside the phase, the part of a canvas in view, and
 *   where a page that scrolls is read (`top`);
 * - `join`: the participants' link, published by the facilitator's page while the room shows
 *   the join code (the projector's key cannot know it).
 */
export const followFields = {
  follow: z
    .number()
    .int()
    .min(0)
    .max(2 ** 53)
    .nullish(),
  sight: z
    .object({
      view: z.string().max(32).nullish(),
      canvas: z.enum(CANVASES).nullish(),
      rect: rect.nullish(),
      top: scrollTop.nullish(),
    })
    .nullish(),
  join: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/[^\s]+$/)
    .nullish(),
}

const followSchema = z.object(followFields)

/**
 * `state` with every follow field that does not fit removed (other fields untouched): a client
 * cannot hand others a follow target, a sight or a join link they would choke on.
 */
export function withValidFollowFields(state: unknown): unknown {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return state
  const record = state as Record<string, unknown>
  if (followSchema.safeParse(record).success) return state
  const out: Record<string, unknown> = { ...record }
  for (const key of Object.keys(followFields) as (keyof typeof followFields)[])
    if (key in out && !followFields[key].safeParse(out[key]).success) delete out[key]
  return out
}
