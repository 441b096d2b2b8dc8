import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { useDismissAfter } from './useDismissAfter.ts'
import { focusQuietly } from '../lib/dom.ts'
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
  // where the keyboard was when the words went (the card, the field): pressing a button here
  // takes the focus, and it goes back there, not to the page's body
  const back = useRef<Element | null>(null)
  useEffect(() => {
    if (givenUp) back.current = document.activeElement
  }, [givenUp])
  const then = (act: () => void) => () => {
    act()
    const el = back.current
    // quietly: a field given back the focus is not someone writing in it until they type
    if (el instanceof HTMLElement && el.isConnected) focusQuietly(el)
  }
  if (!givenUp) return null
  return (
    <p className="undo-kept" role="status" data-testid="given-up" key={givenUp.n}>
      <span>{t('givenUp.text')}</span>
      <button type="button" onClick={then(actions.restoreGivenUp)}>
        {t('givenUp.restore')}
      </button>
      <button type="button" onClick={then(actions.dismissGivenUp)}>
        {t('givenUp.close')}
      </button>
    </p>
  )
}
