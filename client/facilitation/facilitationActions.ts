import type * as Y from 'yjs'
import {
  ROOM_ROOT,
  collectionRoot,
  putRecord,
  type Phase,
  type RoomTimer,
  type VoteCanvas,
  type VoteState,
} from '../../shared/schema/index.ts'
import { dotsLeft } from '../../shared/votes/tally.ts'
import { newId } from '../store/ids.ts'
import { mayRunRoom, type BoardState, type BoardStore } from '../store/boardStore.ts'
import { serverNow } from './serverClock.ts'
import { activeVote, dotItems, voteItems } from './votes.ts'

/** The dots this page placed (LateDotNotice tells of one the server takes back). */
export const dotsPlacedHere = new Set<string>()

/**
 * The room's control writes and the dots: outside everyone's undo history (undoing a dot after
 * the vote closed would be refused by the server).
 */
const CONTROL_ORIGIN = Symbol('trama.facilitation')

/**
 * What the facilitator does to run the room (timer, pause, phase locks, dot votes), and the
 * dots everyone places. Only a facilitator's page writes the room and the votes (the server
 * refuses anyone else's change anyway).
 */
export function createFacilitationActions(doc: Y.Doc, store: BoardStore) {
  const room = () => doc.getMap<unknown>(ROOM_ROOT)
  const setRoom = (key: string, value: unknown): boolean => {
    if (!mayRunRoom(store.getState())) return false
    doc.transact(() => room().set(key, value), CONTROL_ORIGIN)
    return true
  }
  const timer = () => store.getState().timer
  const left = (t: RoomTimer) =>
    t.running && t.endsAt !== null ? Math.max(0, t.endsAt - serverNow()) : t.remainingMs

  return {
    startTimer(durationMs: number) {
      const ms = Math.max(1_000, Math.min(86_400_000, Math.round(durationMs)))
      return setRoom('timer', {
        durationMs: ms,
        running: true,
        endsAt: Math.round(serverNow() + ms),
        remainingMs: ms,
      } satisfies RoomTimer)
    },
    pauseTimer() {
      const t = timer()
      if (!t?.running) return false
      return setRoom('timer', {
        ...t,
        running: false,
        endsAt: null,
        remainingMs: Math.round(left(t)),
      })
    },
    resumeTimer() {
      const t = timer()
      if (!t || t.running) return false
      return setRoom('timer', {
        ...t,
        running: true,
        endsAt: Math.round(serverNow() + t.remainingMs),
      })
    },
    resetTimer() {
      const t = timer()
      if (!t) return false
      return setRoom('timer', { ...t, running: false, endsAt: null, remainingMs: t.durationMs })
    },
    removeTimer: () => setRoom('timer', null),
    setFrozen: (frozen: boolean) => setRoom('frozen', frozen),
    setLocked(phase: Phase, locked: boolean) {
      const locks = store.getState().locks.filter((p) => p !== phase)
      return setRoom('locks', locked ? [...locks, phase] : locks)
    },

    openVote(canvas: VoteCanvas, dots: number, label: string): string | null {
      if (!mayRunRoom(store.getState())) return null
      const id = newId()
      doc.transact(() => {
        // one vote open per canvas: the previous one closes
        for (const vote of voteItems(store.getState()))
          if (vote.canvas === canvas && vote.state === 'open')
            collectionRoot(doc, 'votes').get(vote.id)?.set('state', 'closed')
        putRecord(doc, 'votes', id, {
          canvas,
          label: label.trim().slice(0, 200),
          dots,
          state: 'open',
          createdAt: new Date(serverNow()).toISOString(),
        })
      }, CONTROL_ORIGIN)
      return id
    },
    setVoteState(id: string, state: VoteState) {
      if (!mayRunRoom(store.getState())) return false
      doc.transact(() => collectionRoot(doc, 'votes').get(id)?.set('state', state), CONTROL_ORIGIN)
      return true
    },

    /** One more of this person's dots on a card of the open vote of its canvas. */
    placeDot(canvas: VoteCanvas, card: string): boolean {
      const s = store.getState()
      const vote = activeVote(s, canvas)
      if (!vote || vote.state !== 'open' || !mayVote(s) || s.preview) return false
      if (dotsLeft(vote, dotItems(s), s.participantId) <= 0) return false
      const id = newId()
      dotsPlacedHere.add(id)
      doc.transact(
        () =>
          putRecord(doc, 'votes.dots', id, {
            vote: vote.id,
            card,
            voter: s.participantId,
            ...(s.userName && { voterName: s.userName.slice(0, 80) }),
          }),
        CONTROL_ORIGIN,
      )
      return true
    },
    /** Takes back one of this person's dots from a card. */
    removeDot(canvas: VoteCanvas, card: string): boolean {
      const s = store.getState()
      const vote = activeVote(s, canvas)
      if (!vote || vote.state !== 'open' || !mayVote(s) || s.preview) return false
      const mine = dotItems(s).filter(
        (d) => d.vote === vote.id && d.card === card && d.voter === s.participantId,
      )
      const last = mine[mine.length - 1]
      if (!last) return false
      doc.transact(() => collectionRoot(doc, 'votes.dots').delete(last.id), CONTROL_ORIGIN)
      return true
    },
  }
}

export type FacilitationActions = ReturnType<typeof createFacilitationActions>

/** Dots are placed by anyone who writes, even in a locked phase; never while paused. */
export function mayVote(
  s: Pick<BoardState, 'role' | 'schemaTooNew' | 'refused' | 'frozen'>,
): boolean {
  if (s.role === 'viewer' || s.schemaTooNew || s.refused) return false
  return s.role === 'facilitator' || !s.frozen
}
