import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { VOTE_CANVASES, type Phase, type VoteCanvas } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'
import { activeVote } from '../facilitation/votes.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { useFollowState, useFollowStore, useLeader } from './useFollow.ts'
import { useFollowRoom } from './useFollowRoom.ts'
import { useAtFoot } from '../room/footClear.ts'

const facilitatorNameSelector = (s: BoardState) =>
  s.peers.find((p) => p.role === 'facilitator')?.user.name ?? null
/** The phase, if its canvas shows a vote's results (there to be seen where the room went). */
const resultsOn = (s: BoardState, phase: Phase | null): VoteCanvas | null =>
  phase &&
  (VOTE_CANVASES as readonly string[]).includes(phase) &&
  activeVote(s, phase as VoteCanvas)?.state === 'revealed'
    ? (phase as VoteCanvas)
    : null

/**
 * What a participant is told about following, at the bottom of the screen: whom they follow
 * (with the way out), that the facilitator moved the room to another phase (with the way
 * there; to its canvas when it shows a vote's results), and whom they moved away from (with
 * the way back) — one at a time, in that order.
 */
export function FollowBar() {
  const { t } = useTranslation('room')
  const actions = useBoardActions()
  const follow = useFollowStore()
  const reason = useFollowState((s) => s.reason)
  const following = useFollowState((s) => s.following)
  const left = useFollowState((s) => s.left)
  const leader = useLeader()
  const facilitatorName = useBoard(facilitatorNameSelector)
  const { phaseNotice, dismissPhase } = useFollowRoom()
  const results = useBoard((s) => resultsOn(s, phaseNotice))
  // the pages that scroll end above the bar, whichever it says (footClear.ts)
  const bar = useRef<HTMLDivElement>(null)
  const which =
    following !== null && leader ? 'following' : phaseNotice ? 'phase' : left ? 'left' : null
  useAtFoot(bar, which !== null)

  if (which === 'following' && leader)
    return (
      <div
        ref={bar}
        className="follow-bar"
        role="status"
        data-testid="follow-bar"
        data-state="following"
      >
        <span className="follow-bar__dot" style={{ background: leader.user.color }} />
        <span>
          {reason === 'summoned'
            ? t('summoned', { name: leader.user.name })
            : t('following', { name: leader.user.name })}
        </span>
        <button type="button" onClick={() => follow.stop()}>
          {t('stopFollowing')}
        </button>
      </div>
    )
  // the room moving on is news even to someone who stepped away from the leader
  if (which === 'phase' && phaseNotice) {
    const phase = t(`board:phases.${phaseNotice}`)
    return (
      <div ref={bar} className="follow-bar" role="status" data-testid="phase-notice">
        <span>
          {t(results ? 'phaseMovedResults' : 'phaseMoved', {
            name: facilitatorName ?? t('facilitator'),
            phase,
          })}
        </span>
        <button
          type="button"
          className="primary"
          onClick={() => {
            // the results are over the canvas, not the phase's tables
            if (results) actions.goToCanvas(results)
            else actions.setTab(phaseNotice)
            dismissPhase()
          }}
        >
          {results ? t('resultsGo') : t('phaseGo', { phase })}
        </button>
        <button type="button" aria-label={t('dismiss')} onClick={dismissPhase}>
          ×
        </button>
      </div>
    )
  }
  if (which === 'left' && left)
    return (
      <div
        ref={bar}
        className="follow-bar"
        role="status"
        data-testid="follow-bar"
        data-state="left"
      >
        <span>{t('left', { name: left.name })}</span>
        <button
          type="button"
          className="primary"
          onClick={() => follow.follow(left.clientId, 'chosen')}
        >
          {t('backTo', { name: left.name })}
        </button>
        <button type="button" aria-label={t('dismiss')} onClick={() => follow.stop(null)}>
          ×
        </button>
      </div>
    )
  return null
}
