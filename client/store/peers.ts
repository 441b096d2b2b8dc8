import { z } from 'zod'
import { CANVASES, PHASES } from '../../shared/schema/index.ts'
import { followFields } from '../../shared/presence.ts'

/** A person's name as they give it, and their colour. */
export const nameSchema = z.string().trim().min(1).max(40)
export const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i)

/** What other clients say of themselves (awareness), validated before anything shows it. */
const point = z.object({ x: z.number().finite(), y: z.number().finite() })
const cardId = z.string().max(200)

/** What another client may put in its awareness state; anything else is ignored. */
export const peerStateSchema = z.object({
  user: z.object({ name: nameSchema, color: colorSchema }),
  cursor: point.extend({ canvas: z.enum(CANVASES) }).nullish(),
  editing: cardId.nullish(),
  /** Which of the record's texts they are writing (a register cell, a note), when not the label. */
  field: z.string().max(64).nullish(),
  drag: z
    .object({ canvas: z.enum(CANVASES), nodes: z.record(cardId, point) })
    .nullish()
    .refine((d) => !d || Object.keys(d.nodes).length <= 500, 'too many dragged cards'),
  tab: z.enum(PHASES).nullish(),
  /** A projector says so: it is not one of the people on the board. */
  role: z.enum(['facilitator', 'participant', 'viewer']).nullish(),
  viewport: point.extend({ zoom: z.number().finite().positive() }).nullish(),
  ...followFields,
})

export type PeerState = z.infer<typeof peerStateSchema>
export interface Peer extends PeerState {
  clientId: number
}
