import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VOTE_CANVASES, VOTE_DOTS_MAX, type VoteCanvas } from '../../shared/schema/index.ts'
import { tallyVote } from '../../shared/votes/tally.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useFacilitationActions } from './useFacilitationActions.ts'
import { newestFirst, type DotItem, type VoteItem } from './votes.ts'

const votesSelector = (s: BoardState) => s.lists.votes
const dotsSelector = (s: BoardState) => s.lists['votes.dots']
const tabSelector = (s: BoardState) => s.tab

/**
 * Opening a dot vote on a canvas, and closing, reopening, revealing or hiding each one.
 * `onReveal`: a vote's results were just shown (the panel makes way for them).
 */
export function VoteControls({ onReveal }: { onReveal?: () => void }) {
  const { t } = useTranslation('facilitation')
  const tab = useBoard(tabSelector)
  const voteList = useBoard(votesSelector) as unknown as VoteItem[]
  const dotList = useBoard(dotsSelector) as unknown as DotItem[]
  const votes = useMemo(() => newestFirst(voteList).slice(0, 4), [voteList])
  const actions = useFacilitationActions()
  const [canvas, setCanvas] = useState<VoteCanvas>(
    (VOTE_CANVASES as readonly string[]).includes(tab) ? (tab as VoteCanvas) : 'problems',
  )
  const [dots, setDots] = useState(3)
  // a number out of range is brought into it, and the panel says so (99 became 20 unsaid)
  const [dotsAdjusted, setDotsAdjusted] = useState(false)
  // one vote open per canvas: a new one closes it, and the button says so
  const openHere = voteList.some((v) => v.canvas === canvas && v.state === 'open')
  const [label, setLabel] = useState('')
  return (
    <fieldset className="facilitation-section">
      <legend>{t('vote.title')}</legend>
      <div className="facilitation-row">
        <label>
          {t('vote.canvas')}{' '}
          <select
            value={canvas}
            onChange={(e) => setCanvas(e.target.value as VoteCanvas)}
            data-testid="vote-canvas"
          >
            {VOTE_CANVASES.map((c) => (
              <option key={c} value={c}>
                {t(`vote.canvases.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('vote.dots')}{' '}
          <input
            type="number"
            min={1}
            max={VOTE_DOTS_MAX}
            value={dots}
            onChange={(e) => {
              const typed = Number(e.target.value)
              const next = Math.max(1, Math.min(VOTE_DOTS_MAX, Math.round(typed) || 1))
              setDotsAdjusted(e.target.value !== '' && next !== typed)
              setDots(next)
            }}
            onBlur={() => setDotsAdjusted(false)}
            aria-describedby={dotsAdjusted ? 'vote-dots-range' : undefined}
            data-testid="vote-dots"
          />
        </label>
      </div>
      {dotsAdjusted && (
        <p className="facilitation-help" id="vote-dots-range" role="status">
          {t('vote.dotsRange', { max: VOTE_DOTS_MAX, dots })}
        </p>
      )}
      <label className="facilitation-wide">
        {t('vote.name')}
        <input
          type="text"
          maxLength={200}
          value={label}
          placeholder={t('vote.namePlaceholder')}
          onChange={(e) => setLabel(e.target.value)}
        />
      </label>
      <button
        type="button"
        onClick={() => {
          actions.openVote(canvas, dots, label)
          setLabel('')
        }}
      >
        {openHere ? t('vote.openAnother') : t('vote.open')}
      </button>
      <p className="facilitation-help">{t('vote.hiddenNote')}</p>
      <ul className="vote-list">
        {votes.map((vote) => (
          <VoteRow key={vote.id} vote={vote} dots={dotList} onReveal={onReveal} />
        ))}
      </ul>
    </fieldset>
  )
}

function VoteRow({
  vote,
  dots,
  onReveal,
}: {
  vote: VoteItem
  dots: DotItem[]
  onReveal?: () => void
}) {
  const { t } = useTranslation('facilitation')
  const actions = useFacilitationActions()
  const board = useBoardActions()
  const tally = tallyVote(vote, dots)
  return (
    <li className="vote-row" data-testid="vote-row" data-state={vote.state}>
      <span className="vote-row-name">
        {vote.label || t('vote.untitled')} · {t(`vote.canvases.${vote.canvas}`)} ·{' '}
        {t(`vote.states.${vote.state}`)}
      </span>
      <span className="vote-row-progress">
        {t('vote.progress', {
          who: t('vote.progressWho', { count: tally.voters }),
          what: t('vote.progressDots', { count: tally.total }),
        })}
      </span>
      <span className="vote-row-actions">
        {vote.state === 'open' && (
          <button type="button" onClick={() => actions.setVoteState(vote.id, 'closed')}>
            {t('vote.close')}
          </button>
        )}
        {vote.state === 'closed' && (
          <button type="button" onClick={() => actions.setVoteState(vote.id, 'open')}>
            {t('vote.reopen')}
          </button>
        )}
        {vote.state === 'revealed' ? (
          <button type="button" onClick={() => actions.setVoteState(vote.id, 'closed')}>
            {t('vote.hide')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              if (!actions.setVoteState(vote.id, 'revealed')) return
              // the results are shown to the room: the facilitator's page, so the room (the
              // projector, whoever follows; the others are told), goes to the canvas voted on,
              // as any other move of theirs
              board.goToCanvas(vote.canvas)
              onReveal?.()
            }}
          >
            {t('vote.reveal')}
          </button>
        )}
      </span>
    </li>
  )
}
