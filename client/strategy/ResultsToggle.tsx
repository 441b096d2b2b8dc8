import { useTranslation } from 'react-i18next'

/**
 * Shows or folds the averages and the ranking on this screen only: folded by default, so while
 * people vote nobody sees (and follows) how the others voted unless they choose to look.
 */
export function ResultsToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const { t } = useTranslation('strategy')
  return (
    <div className={`results-toggle${shown ? ' is-shown' : ''}`} data-testid="results-toggle">
      <button className={shown ? '' : 'primary'} aria-pressed={shown} onClick={onToggle}>
        {shown ? t('results.hide') : t('results.show')}
      </button>
      <span className="muted">{shown ? t('results.shownNote') : t('results.hiddenNote')}</span>
    </div>
  )
}
