import { Panel, useReactFlow } from '@xyflow/react'
import { FlowZoomVar } from '../kit/FlowZoomVar.tsx'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { OBJECTIVE_STATUSES, type ObjectiveStatus } from '../../shared/schema/index.ts'
import type { MergeReport } from '../../shared/method/objectiveTree.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { CARD_W, freeSpot } from '../kit/placement.ts'
import { objectiveOf, useObjectiveActions } from './useObjectiveActions.ts'
import { UndoRedoButtons } from '../kit/UndoRedoButtons.tsx'
import { ObjectiveLinkMenu } from './ObjectiveLinkMenu.tsx'
import { HeaderMore } from '../board/HeaderMore.tsx'
import { OBJECTIVE_TOOLBAR_ID } from './useObjectiveShortcuts.ts'

const selectedSelector = (s: BoardState) => s.canvases.objectives.nodes.filter((n) => n.selected)
/** Generating needs problems, or objectives to flag once every problem is gone. */
const canGenerateSelector = (s: BoardState) =>
  s.canvases.problems.nodes.length > 0 || s.canvases.objectives.nodes.length > 0

/** Only the group's own objectives, or those whose problem is gone, are deleted for good. */
export function deletableObjective(card: ReturnType<typeof objectiveOf>): boolean {
  return card.derivedFrom === null || card.problemRemoved
}

/** Generate, add, set status, discard or restore, delete, undo: beside the canvas gestures. */
export function ObjectiveToolbar({
  onGenerated,
  onLayout,
}: {
  onGenerated: (report: MergeReport) => void
  /** "Disponi albero", for the facilitator only (absent for the others). */
  onLayout?: () => void
}) {
  const { t } = useTranslation('objectives')
  const { store, actions } = useBoardSession()
  const objectives = useObjectiveActions()
  const flow = useReactFlow()
  const selected = useBoard(useShallow(selectedSelector))
  const canGenerate = useBoard(canGenerateSelector)
  const ids = selected.map((n) => n.id)
  const cards = selected.map(objectiveOf)
  const statuses = new Set(cards.map((c) => c.status))
  const allDiscarded = cards.length > 0 && cards.every((c) => c.status === 'discarded')
  const canDelete = cards.length > 0 && cards.every(deletableObjective)

  const generate = () => {
    const report = objectives.generate()
    if (report) onGenerated(report)
  }
  const addAtCenter = () => {
    const el = document.querySelector('.objective-canvas .react-flow')?.getBoundingClientRect()
    const center = flow.screenToFlowPosition({
      x: (el?.left ?? 0) + (el?.width ?? 800) / 2,
      y: (el?.top ?? 0) + (el?.height ?? 600) / 2,
    })
    // the cards as drawn (the store keeps their measured sizes): a long objective is taller
    const taken = store.getState().canvases.objectives.nodes
    const id = objectives.add(freeSpot({ x: center.x - CARD_W / 2, y: center.y - 40 }, taken))
    if (id) actions.setEditing(id)
  }

  return (
    <Panel
      position="top-left"
      className="toolbar"
      id={OBJECTIVE_TOOLBAR_ID}
      role="group"
      aria-label={t('toolbar.label')}
    >
      <FlowZoomVar />
      <button
        className="primary"
        onClick={generate}
        disabled={!canGenerate}
        title={canGenerate ? t('toolbar.generateHint') : t('toolbar.noProblems')}
      >
        ⇅ {t('toolbar.generate')}
      </button>
      {/* on a phone the rest folds behind «Altri strumenti», as on the problem tree: in rows the
          tools took four, 127 px of the screen's 844; generating and undoing stay at hand */}
      <HeaderMore name="toolbar" open={t('toolbar.more')} title={t('toolbar.moreLabel')} foldOnUse>
        <button onClick={addAtCenter}>+ {t('toolbar.add')}</button>
        <ObjectiveLinkMenu />
        <span className="toolbar-sep" />
        <label className="toolbar-role">
          <span className="visually-hidden">{t('toolbar.status')}</span>
          <select
            aria-label={t('toolbar.status')}
            disabled={ids.length === 0}
            value={statuses.size === 1 ? [...statuses][0] : ''}
            onChange={(e) => {
              // only a status someone picks applies; the placeholder is never one
              if (e.target.value) objectives.setStatus(ids, e.target.value as ObjectiveStatus)
            }}
          >
            {/* chosen objectives whose statuses differ: the select names none of them, and
                the placeholder cannot be picked, so one ↓ does not give them all a status
                nobody chose without first leaving «— stati diversi —» for a real one */}
            {statuses.size > 1 && (
              <option value="" disabled>
                {t('toolbar.mixedStatus')}
              </option>
            )}
            {statuses.size === 0 && <option value="">{t('toolbar.status')}</option>}
            {OBJECTIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {allDiscarded ? (
          <button onClick={() => objectives.restore(ids)}>↺ {t('toolbar.restore')}</button>
        ) : (
          <button onClick={() => objectives.discard(ids)} disabled={ids.length === 0}>
            ✕ {t('toolbar.discard')}
          </button>
        )}
        <button
          onClick={() => actions.removeCards('objectives', ids)}
          disabled={!canDelete}
          title={t('toolbar.deleteHint')}
        >
          {t('toolbar.delete')}
        </button>
        <span className="toolbar-sep" />
        {onLayout && (
          <button onClick={onLayout} title={t('toolbar.layoutHint')}>
            ⊞ {t('toolbar.layout')}
          </button>
        )}
      </HeaderMore>
      <UndoRedoButtons />
      <p className="toolbar-keys">{t('toolbar.keys')}</p>
    </Panel>
  )
}
