import type { Awareness } from 'y-protocols/awareness'
import { peerStateSchema, type Peer } from '../store/peers.ts'

export type { Peer, PeerState } from '../store/peers.ts'

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
