import { useTranslation } from 'react-i18next'

/**
 * Shows or folds the averages and the ranking: folded by default, so while people vote nobody
 * sees (and follows) how the others voted. A participant may look on their own screen once
 * they have given every score of theirs; the facilitator's toggle reveals them to the room (the
 * projector and every participant too).
 */
export function ResultsToggle({
  shown,
  forRoom = false,
  projector = false,
  roomShown = false,
  notYet = false,
  onToggle,
}: {
  shown: boolean
  forRoom?: boolean
  /** The projector follows the facilitator's reveal: no button, only what is shown. */
  projector?: boolean
  /** A participant's screen, the room shown the results: nothing to press. */
  roomShown?: boolean
  /** A participant who has not given every score yet: the button waits for them. */
  notYet?: boolean
  onToggle: () => void
}) {
  const { t } = useTranslation('strategy')
  // what this screen is told: the projector's, the facilitator's (the room's), a participant's
  const note = projector
    ? shown
      ? null
      : 'hiddenProjectorNote'
    : forRoom
      ? shown
        ? 'shownRoomNote'
        : 'hiddenRoomNote'
      : roomShown
        ? 'shownByRoomNote'
        : shown
          ? 'shownNote'
          : notYet
            ? 'notYetNote'
            : 'hiddenNote'
  return (
    <div
      className={`results-toggle${shown ? ' is-shown' : ''}`}
      data-testid="results-toggle"
      data-shown={shown}
    >
      {!projector && !roomShown && (
        <button
          className={shown ? '' : 'primary'}
          aria-pressed={shown}
          disabled={notYet && !shown}
          onClick={onToggle}
        >
          {shown ? t('results.hide') : t('results.show')}
        </button>
      )}
      <span className="muted">{note && t(`results.${note}`)}</span>
    </div>
  )
}
