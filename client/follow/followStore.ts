import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Awareness } from 'y-protocols/awareness'

export interface FollowState {
  /** The person this page follows (their awareness id), or null. */
  following: number | null
  /** Why: chosen by this person, or brought there by the facilitator. */
  reason: 'chosen' | 'summoned' | null
  /** Whom this person stopped following by moving on their own: the way back. */
  left: { clientId: number; name: string } | null
}

export type FollowStore = StoreApi<FollowState> & {
  follow(clientId: number, reason: 'chosen' | 'summoned'): void
  /** Stops following; `name` is kept for the way back when the person moved on their own. */
  stop(backTo?: { clientId: number; name: string } | null): void
}

const stores = new WeakMap<Awareness, FollowStore>()

/**
 * Following is this page's own state (never in the document); the id it follows travels in its
 * presence (`follow`), so that others following it resolve chains (see resolveLeader).
 */
export function followStoreOf(awareness: Awareness): FollowStore {
  let store = stores.get(awareness)
  if (store) return store
  const base = createStore<FollowState>()(() => ({ following: null, reason: null, left: null }))
  store = Object.assign(base, {
    follow(clientId: number, reason: 'chosen' | 'summoned') {
      base.setState({ following: clientId, reason, left: null })
      awareness.setLocalStateField('follow', clientId)
    },
    stop(backTo: { clientId: number; name: string } | null = null) {
      const was = base.getState()
      if (was.following === null && was.left === null && backTo === null) return
      base.setState({ following: null, reason: null, left: backTo })
      if (was.following !== null) awareness.setLocalStateField('follow', null)
    },
  })
  stores.set(awareness, store)
  return store
}
