import { useEffect, useRef, useState } from 'react'
import type { Phase } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'
import { useBoard, useBoardActions, useBoardSession } from '../store/context.tsx'
import { useRoom } from '../room/useRoom.ts'
import type { RoomState } from '../../shared/schema/index.ts'
import { useFollowState, useFollowStore, useLeader } from './useFollow.ts'

const tabSelector = (s: BoardState) => s.tab
const phaseSelector = (s: BoardState) => s.phase
const syncedSelector = (s: BoardState) => s.synced
const participantSelector = (s: BoardState) => s.role === 'participant'
const summonSelector = (r: RoomState) => r.summon
const followingSelector = (s: { following: number | null }) => s.following

/**
 * A participant's page and the room: it goes to the phase of the person it follows (a tab
 * chosen by hand stops following), follows the facilitator when they bring everyone, and says
 * so when the facilitator moves the room to another phase. Returns the phase to offer.
 */
export function useFollowRoom(): { phaseNotice: Phase | null; dismissPhase: () => void } {
  const { provider } = useBoardSession()
  const actions = useBoardActions()
  const participant = useBoard(participantSelector)
  const tab = useBoard(tabSelector)
  const phase = useBoard(phaseSelector)
  const synced = useBoard(syncedSelector)
  const summon = useRoom(summonSelector)
  const follow = useFollowStore()
  const following = useFollowState(followingSelector)
  const leader = useLeader()

  // the leader's phase
  const applied = useRef<Phase | null>(null)
  const leaderTab = leader?.tab ?? null
  useEffect(() => {
    if (!participant || !leaderTab) return
    applied.current = leaderTab
    actions.setTab(leaderTab)
  }, [participant, leaderTab, actions])
  // a phase chosen by hand while following: moving on one's own
  const leaderRef = useRef(leader)
  leaderRef.current = leader
  useEffect(() => {
    const l = leaderRef.current
    if (follow.getState().following === null || !l?.tab) return
    if (tab !== l.tab && tab !== applied.current)
      follow.stop({ clientId: follow.getState().following!, name: l.user.name })
  }, [tab, follow])

  // "bring everyone here": a summon made after this page met the room
  const seen = useRef<number | null | undefined>(undefined)
  useEffect(() => {
    if (!synced) return
    if (seen.current === undefined) {
      seen.current = summon?.at ?? null
      return
    }
    if (!summon || summon.at === seen.current) return
    seen.current = summon.at
    if (participant && summon.client !== provider.awareness.clientID)
      follow.follow(summon.client, 'summoned')
  }, [synced, summon, participant, provider, follow])

  // the facilitator moved the room: offer to go there
  const [phaseNotice, setPhaseNotice] = useState<Phase | null>(null)
  const lastPhase = useRef<Phase | null>(null)
  useEffect(() => {
    if (!synced) return
    const before = lastPhase.current
    lastPhase.current = phase
    // the phase the page opened on is the room's (openingTab, at the first sync), not a move
    if (before === null) return
    if (before !== phase && participant) setPhaseNotice(phase)
  }, [synced, phase, participant])
  useEffect(() => {
    if (phaseNotice && (tab === phaseNotice || following !== null)) setPhaseNotice(null)
  }, [tab, phaseNotice, following])
  return { phaseNotice, dismissPhase: () => setPhaseNotice(null) }
}
