import type { Awareness } from 'y-protocols/awareness'
import { z } from 'zod'
import { CANVASES, PHASES } from '../../shared/schema/index.ts'
import { colorSchema, nameSchema } from './identity.ts'

const point = z.object({ x: z.number().finite(), y: z.number().finite() })
const cardId = z.string().max(200)

/** What another client may put in its awareness state; anything else is ignored. */
export const peerStateSchema = z.object({
  user: z.object({ name: nameSchema, color: colorSchema }),
  cursor: point.extend({ canvas: z.enum(CANVASES) }).nullish(),
  editing: cardId.nullish(),
  drag: z
    .object({ canvas: z.enum(CANVASES), nodes: z.record(cardId, point) })
    .nullish()
    .refine((d) => !d || Object.keys(d.nodes).length <= 500, 'too many dragged cards'),
  tab: z.enum(PHASES).nullish(),
  viewport: point.extend({ zoom: z.number().finite().positive() }).nullish(),
})

export type PeerState = z.infer<typeof peerStateSchema>
export interface Peer extends PeerState {
  clientId: number
}

/** The valid states of everyone else on the board, in a stable order. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return
    const parsed = peerStateSchema.safeParse(state)
    if (parsed.success) peers.push({ ...parsed.data, clientId })
  })
  return peers.sort((a, b) => a.clientId - b.clientId)
}
