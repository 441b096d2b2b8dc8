import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

const historySelector = (s: BoardState) => ({ canUndo: s.canUndo, canRedo: s.canRedo })

/** This user's undo and redo (never anyone else's), for every canvas toolbar. */
export function UndoRedoButtons() {
  const { t } = useTranslation('board')
  const actions = useBoardActions()
  const { canUndo, canRedo } = useBoard(useShallow(historySelector))
  return (
    <>
      <button
        onClick={actions.undo}
        disabled={!canUndo}
        title="Ctrl+Z"
        aria-label={t('toolbar.undo')}
      >
        ↶
      </button>
      <button
        onClick={actions.redo}
        disabled={!canRedo}
        title={t('toolbar.redoKeys')}
        aria-label={t('toolbar.redo')}
      >
        ↷
      </button>
    </>
  )
}
