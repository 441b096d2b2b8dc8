import { useTranslation } from 'react-i18next'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { useDismissAfter } from './useDismissAfter.ts'
import type { BoardState } from '../store/boardStore.ts'
import './notices.css'

const givenUpSelector = (s: BoardState) => s.givenUp

/** Long enough to read the line and reach for its button. */
const SHOWN_MS = 10_000

/**
 * Escape gave up what this person had just typed (the text field's "cancel"): one line says so
 * and offers the words again, as Ctrl+Y would. Others saw the letters as they were typed, so
 * without it the words going could pass for a lost edit.
 */
export function GivenUpNotice() {
  const { t } = useTranslation('board')
  const givenUp = useBoard(givenUpSelector)
  const actions = useBoardActions()
  useDismissAfter(givenUp, givenUpSelector, actions.dismissGivenUp, SHOWN_MS)
  if (!givenUp) return null
  return (
    <p className="undo-kept" role="status" data-testid="given-up" key={givenUp.n}>
      <span>{t('givenUp.text')}</span>
      <button type="button" onClick={() => actions.restoreGivenUp()}>
        {t('givenUp.restore')}
      </button>
      <button type="button" onClick={() => actions.dismissGivenUp()}>
        {t('givenUp.close')}
      </button>
    </p>
  )
}
