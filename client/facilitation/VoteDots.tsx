import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoteCanvas } from '../../shared/schema/index.ts'
import { useCardInputs } from '../store/context.tsx'
import type { CardInputs } from '../store/cardInputs.ts'
import { mayVote } from './facilitationActions.ts'
import { useFacilitationActions } from './useFacilitationActions.ts'
import { activeVote, cardTally, dotItems } from './votes.ts'
import { cutAtWord } from '../../shared/render/labels.ts'

/**
 * What a card shows of its canvas's vote, as one string (so the card re-renders only when it
 * changes): while open, this person's dots on it and whether they may add or take one; once
 * revealed, everyone's tally. Nothing while no vote is open or revealed.
 */
function badgeState(s: CardInputs, canvas: VoteCanvas, card: string): string {
  const vote = activeVote(s, canvas)
  if (!vote) return ''
  const tally = cardTally(vote, dotItems(s), s.participantId)
  if (vote.state === 'revealed') return `revealed:${tally.counted.get(card) ?? 0}`
  if (s.role === 'viewer') return ''
  const mine = tally.mine.get(card) ?? 0
  const canAdd = mayVote(s) && tally.left > 0
  return `open:${mine}:${canAdd ? 1 : 0}:${mayVote(s) ? 1 : 0}`
}

/** The dot-vote control on a card: place or take back dots, or read the revealed tally. */
export function VoteDots({
  canvas,
  card,
  label,
}: {
  canvas: VoteCanvas
  card: string
  label: string
}) {
  const state = useVoteBadge(canvas, card)
  return state ? <VoteBadge canvas={canvas} card={card} label={label} state={state} /> : null
}

/**
 * What {@link VoteBadge} shows on a card, '' when no vote is on (most of the time): a card can
 * call this and draw the badge only when there is one, and pay for one selector, nothing more.
 */
export function useVoteBadge(canvas: VoteCanvas, card: string): string {
  return useCardInputs((s) => badgeState(s, canvas, card))
}

/**
 * Whether this person sees the vote controls of a canvas's cards: a vote is open on it and they
 * are not the projector. (Its canvas keeps their foot clear of what floats there on a phone.)
 */
export function useVoteOpen(canvas: VoteCanvas): boolean {
  return useCardInputs((s) => s.role !== 'viewer' && activeVote(s, canvas)?.state === 'open')
}

/** The badge itself, for a card whose {@link useVoteBadge} is not ''. */
export function VoteBadge({
  canvas,
  card,
  label,
  state,
}: {
  canvas: VoteCanvas
  card: string
  label: string
  state: string
}) {
  const { t } = useTranslation('facilitation')
  const actions = useFacilitationActions()
  const addButton = useRef<HTMLButtonElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  /** The button just pressed while it had the focus, till the badge shows what it did. */
  const pressed = useRef<'add' | 'remove' | null>(null)
  // The last dot placed disables «+●», the last one taken back removes «−»: the focus went with
  // them, to the page's body. It moves to the badge's other button instead.
  useEffect(() => {
    const was = pressed.current
    pressed.current = null
    if (!was) return
    const gone =
      was === 'add' ? !addButton.current || addButton.current.disabled : !removeButton.current
    const other = was === 'add' ? removeButton.current : addButton.current
    if (gone && other && !other.disabled) other.focus()
  }, [state])
  const [kind, a, b, c] = state.split(':')
  const count = Number(a)
  if (kind === 'revealed')
    return (
      <span
        className={`vote-dots vote-dots-tally${count ? '' : ' vote-dots-zero'}`}
        data-testid="vote-tally"
        data-count={count}
        aria-label={t('vote.tally', { count })}
      >
        <span aria-hidden="true">● {count}</span>
      </span>
    )
  const canAdd = b === '1'
  const canRemove = c === '1' && count > 0
  const name = cutAtWord(label, 60) || '…'
  return (
    // Two quick presses put two dots: the double click they make is not the card's, which
    // opened its editor (a phone's two taps on «+●» ended writing the card, zoomed in).
    <span
      className="vote-dots flow-zoom nodrag nopan"
      data-testid="vote-dots"
      data-mine={count}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {count > 0 && (
        <span className="vote-dots-mine" title={t('vote.myDots', { count })}>
          {'●'.repeat(Math.min(count, 5))}
          {count > 5 ? `+${count - 5}` : ''}
        </span>
      )}
      {canRemove && (
        <button
          ref={removeButton}
          type="button"
          className="vote-dot-button"
          aria-label={t('vote.removeDot', { card: name })}
          onClick={(e) => {
            e.stopPropagation()
            if (document.activeElement === e.currentTarget) pressed.current = 'remove'
            actions.removeDot(canvas, card)
          }}
        >
          −
        </button>
      )}
      <button
        ref={addButton}
        type="button"
        className="vote-dot-button vote-dot-add"
        disabled={!canAdd}
        aria-label={t('vote.addDot', { card: name })}
        onClick={(e) => {
          e.stopPropagation()
          if (document.activeElement === e.currentTarget) pressed.current = 'add'
          actions.placeDot(canvas, card)
        }}
      >
        +●
      </button>
    </span>
  )
}
