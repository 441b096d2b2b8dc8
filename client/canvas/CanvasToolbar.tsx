import { Panel, useReactFlow } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { PROBLEM_ROLES, type ProblemRole } from '../../shared/schema/index.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { CARD_W, LAYER_GAP, freeSpot } from './placement.ts'

const selectedSelector = (s: BoardState) => s.canvases.problems.nodes.filter((n) => n.selected)
const historySelector = (s: BoardState) => ({ canUndo: s.canUndo, canRedo: s.canRedo })

/** Add, relate, re-role, delete, undo: everything the mouse needs beside the canvas gestures. */
export function CanvasToolbar() {
  const { t } = useTranslation('board')
  const { store, actions } = useBoardSession()
  const flow = useReactFlow()
  const selected = useBoard(useShallow(selectedSelector))
  const { canUndo, canRedo } = useBoard(useShallow(historySelector))
  const one = selected.length === 1 ? selected[0]! : null

  const taken = () => store.getState().canvases.problems.nodes.map((n) => n.position)
  const addAtCenter = () => {
    const el = document.querySelector('.react-flow')?.getBoundingClientRect()
    const center = flow.screenToFlowPosition({
      x: (el?.left ?? 0) + (el?.width ?? 800) / 2,
      y: (el?.top ?? 0) + (el?.height ?? 600) / 2,
    })
    const hasCore = store.getState().canvases.problems.nodes.some((n) => n.data.role === 'core')
    const id = actions.addProblem(
      freeSpot({ x: center.x - CARD_W / 2, y: center.y - 40 }, taken()),
      hasCore ? 'cause' : 'core',
    )
    if (id) actions.setEditing(id)
  }
  /** A cause goes below the card and points to it; an effect goes above and is pointed to. */
  const addRelated = (kind: 'cause' | 'effect') => {
    if (!one) return
    const dy = kind === 'cause' ? LAYER_GAP : -LAYER_GAP
    const id = actions.addProblem(
      freeSpot({ x: one.position.x, y: one.position.y + dy }, taken()),
      kind,
    )
    if (!id) return
    if (kind === 'cause') actions.linkCauseToEffect(id, one.id)
    else actions.linkCauseToEffect(one.id, id)
    actions.setEditing(id)
  }

  return (
    <Panel position="top-left" className="toolbar" aria-label="toolbar">
      <button className="primary" onClick={addAtCenter}>
        + {t('toolbar.addProblem')}
      </button>
      <span className="toolbar-sep" />
      <button onClick={() => addRelated('cause')} disabled={!one}>
        ↓ {t('toolbar.addCause')}
      </button>
      <button onClick={() => addRelated('effect')} disabled={!one}>
        ↑ {t('toolbar.addEffect')}
      </button>
      <label className="toolbar-role">
        <span className="visually-hidden">{t('toolbar.role')}</span>
        <select
          aria-label={t('toolbar.role')}
          disabled={!one}
          value={(one?.data.role as string | undefined) ?? ''}
          onChange={(e) => one && actions.setRole(one.id, e.target.value as ProblemRole)}
        >
          {!one && <option value="">{t('toolbar.role')}</option>}
          {PROBLEM_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`problemRoles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        onClick={() =>
          actions.removeCards(
            'problems',
            selected.map((n) => n.id),
          )
        }
        disabled={selected.length === 0}
      >
        {t('toolbar.delete')}
      </button>
      <span className="toolbar-sep" />
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
        title="Ctrl+Shift+Z"
        aria-label={t('toolbar.redo')}
      >
        ↷
      </button>
    </Panel>
  )
}
