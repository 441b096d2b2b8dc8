import { useTranslation } from 'react-i18next'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { useDismissAfter } from './useDismissAfter.ts'
import type { BoardState } from '../store/boardStore.ts'
import './notices.css'

const keptSelector = (s: BoardState) => s.undoKept

/** Long enough to read one line twice. */
const SHOWN_MS = 8_000

/**
 * This person's undo (or redo) left a card where it was, because someone else worked on it
 * after them (PhaseUndo): one line says so, and who, so the card that did not go is no puzzle.
 */
export function UndoKeptNotice() {
  const { t, i18n } = useTranslation('board')
  const kept = useBoard(keptSelector)
  const actions = useBoardActions()
  useDismissAfter(kept, keptSelector, actions.dismissUndoKept, SHOWN_MS)
  if (!kept) return null
  const { names, count } = kept
  const who = names.length === 0 ? 'someone' : names.length === 1 ? 'byOne' : 'byMany'
  const list = new Intl.ListFormat(i18n.resolvedLanguage ?? 'it', { type: 'conjunction' })
  return (
    <p className="undo-kept" role="status" data-testid="undo-kept" key={kept.n}>
      <span>{t(`undoKept.${who}`, { count, names: list.format(names) })}</span>
      <button type="button" onClick={() => actions.dismissUndoKept()}>
        {t('undoKept.close')}
      </button>
    </p>
  )
}
