import { useTranslation } from 'react-i18next'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { useDismissAfter } from './useDismissAfter.ts'
import type { BoardState } from '../store/boardStore.ts'
import './notices.css'

const textCutSelector = (s: BoardState) => s.textCut

/** Long enough to read the line. */
const SHOWN_MS = 8_000

/**
 * Text pasted into a field was longer than the field holds: the browser kept its beginning
 * without a word, and the person could think the whole of it was there. One line says so.
 */
export function TextCutNotice() {
  const { t, i18n } = useTranslation('board')
  const textCut = useBoard(textCutSelector)
  const actions = useBoardActions()
  useDismissAfter(textCut, textCutSelector, actions.dismissTextCut, SHOWN_MS)
  if (!textCut) return null
  return (
    <p className="undo-kept" role="status" data-testid="text-cut" key={textCut.n}>
      <span>
        {t('textCut.text', {
          limit: textCut.limit.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT'),
        })}
      </span>
      <button type="button" onClick={actions.dismissTextCut}>
        {t('textCut.close')}
      </button>
    </p>
  )
}
