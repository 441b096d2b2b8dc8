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
  /** A projector says so: it is not one of the people on the board. */
  role: z.enum(['facilitator', 'participant', 'viewer']).nullish(),
  viewport: point.extend({ zoom: z.number().finite().positive() }).nullish(),
})

export type PeerState = z.infer<typeof peerStateSchema>
export interface Peer extends PeerState {
  clientId: number
}

/**
 * The valid states of everyone else on the board, in a stable order. Awareness keeps an
 * unchanged state by identity, so a peer whose state object is the same as last time is reused
 * from `cache` without validating it again.
 */
export function readPeers(
  awareness: Awareness,
  cache = new Map<number, { state: unknown; peer: Peer | null }>(),
): Peer[] {
  const peers: Peer[] = []
  const seen = new Set<number>()
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return
    seen.add(clientId)
    let entry = cache.get(clientId)
    if (!entry || entry.state !== state) {
      const parsed = peerStateSchema.safeParse(state)
      entry = { state, peer: parsed.success ? { ...parsed.data, clientId } : null }
      cache.set(clientId, entry)
    }
    if (entry.peer) peers.push(entry.peer)
  })
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id)
  return peers.sort((a, b) => a.clientId - b.clientId)
}
