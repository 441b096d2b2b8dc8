import { useTranslation } from 'react-i18next'

/**
 * Shows or folds the averages and the ranking: folded by default, so while people vote nobody
 * sees (and follows) how the others voted unless they choose to look. A participant's toggle
 * is for their screen only; the facilitator's reveals them to the room (the projector too).
 */
export function ResultsToggle({
  shown,
  forRoom = false,
  projector = false,
  onToggle,
}: {
  shown: boolean
  forRoom?: boolean
  /** The projector follows the facilitator's reveal: no button, only what is shown. */
  projector?: boolean
  onToggle: () => void
}) {
  const { t } = useTranslation('strategy')
  return (
    <div
      className={`results-toggle${shown ? ' is-shown' : ''}`}
      data-testid="results-toggle"
      data-shown={shown}
    >
      {!projector && (
        <button className={shown ? '' : 'primary'} aria-pressed={shown} onClick={onToggle}>
          {shown ? t('results.hide') : t('results.show')}
        </button>
      )}
      <span className="muted">
        {projector
          ? shown
            ? null
            : t('results.hiddenProjectorNote')
          : forRoom
            ? shown
              ? t('results.shownRoomNote')
              : t('results.hiddenRoomNote')
            : shown
              ? t('results.shownNote')
              : t('results.hiddenNote')}
      </span>
    </div>
  )
}
