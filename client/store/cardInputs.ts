import { createStore, type StoreApi } from 'zustand/vanilla'
import type { BoardState, BoardStore } from './boardStore.ts'
import type { Peer } from './peers.ts'
import { namesOf, sameWriters, type Writers } from './writers.ts'

/**
 * What a card on a canvas may read of the board: who may edit, the lists (groups, branches,
 * votes), which card this user is writing and who else is writing which card. Not the canvases
 * themselves, nor cursors and connection state: those change on every frame of a drag or of a
 * cursor, and a card that listened to them would run its selectors two thousand times a frame.
 */
export interface CardInputs extends Pick<
  BoardState,
  'role' | 'participantId' | 'schemaTooNew' | 'refused' | 'frozen' | 'locks' | 'tab' | 'lists'
> {
  editingId: string | null
  /** The others writing each card (the first by the peers' order marks it), by card id. */
  writers: ReadonlyMap<string, Writers>
}

const SAME_FIELDS = [
  'role',
  'participantId',
  'schemaTooNew',
  'refused',
  'frozen',
  'locks',
  'tab',
  'lists',
  'editingId',
] as const

/**
 * The writers of each card in `peers`, reusing `prev` (its identity and its entries) where
 * nothing a card shows changed: a peer who only moves keeps the same entry.
 */
export function writersOf(
  peers: readonly Peer[],
  prev?: ReadonlyMap<string, Writers>,
): ReadonlyMap<string, Writers> {
  const byCard = new Map<string, Peer[]>()
  for (const p of peers) if (p.editing) byCard.set(p.editing, [...(byCard.get(p.editing) ?? []), p])
  const next = new Map<string, Writers>()
  for (const [id, all] of byCard) {
    const made = { first: all[0]!, names: namesOf(all) }
    const before = prev?.get(id)
    next.set(id, before && sameWriters(before, made) ? before : made)
  }
  if (prev && prev.size === next.size && [...next].every(([id, w]) => prev.get(id) === w))
    return prev
  return next
}

const made = new WeakMap<BoardStore, StoreApi<CardInputs>>()

/**
 * The card inputs of a board's store, as a store of their own that changes only when one of
 * them does (one per board store, made on first use; it lives as long as the board's store).
 */
export function cardInputsOf(store: BoardStore): StoreApi<CardInputs> {
  const existing = made.get(store)
  if (existing) return existing
  const read = (s: BoardState, prev?: CardInputs): CardInputs => ({
    role: s.role,
    participantId: s.participantId,
    schemaTooNew: s.schemaTooNew,
    refused: s.refused,
    frozen: s.frozen,
    locks: s.locks,
    tab: s.tab,
    lists: s.lists,
    editingId: s.editingId,
    writers: writersOf(s.peers, prev?.writers),
  })
  const inputs = createStore<CardInputs>()(() => read(store.getState()))
  store.subscribe((s, before) => {
    const prev = inputs.getState()
    if (SAME_FIELDS.every((k) => s[k] === prev[k]) && s.peers === before.peers) return
    const next = read(s, prev)
    if (SAME_FIELDS.every((k) => next[k] === prev[k]) && next.writers === prev.writers) return
    inputs.setState(next, true)
  })
  made.set(store, inputs)
  return inputs
}
