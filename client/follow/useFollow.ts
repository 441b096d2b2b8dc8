import { useStore } from 'zustand'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import type { Peer } from '../store/peers.ts'
import { followStoreOf, type FollowState, type FollowStore } from './followStore.ts'
import { resolveLeader } from './resolve.ts'

/** This page's follow store. */
export function useFollowStore(): FollowStore {
  return followStoreOf(useBoardSession().provider.awareness)
}

export function useFollowState<T>(select: (s: FollowState) => T): T {
  return useStore(useFollowStore(), select)
}

const peersSelector = (s: BoardState) => s.peers
const followingSelector = (s: FollowState) => s.following

/**
 * The person whose view this page shows now: the end of the chain it follows (see
 * resolveLeader), or null when it follows nobody or that person has left.
 */
export function useLeader(): Peer | null {
  const { provider } = useBoardSession()
  const peers = useBoard(peersSelector)
  const following = useFollowState(followingSelector)
  const id = resolveLeader(provider.awareness.clientID, following, peers)
  return id === null ? null : (peers.find((p) => p.clientId === id) ?? null)
}
