import { Panel } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { PROBLEM_ROLES, type ProblemRole } from '../../shared/schema/index.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { isFacilitator, type BoardState } from '../store/boardStore.ts'
import { selectedCardsSelector } from '../store/selection.ts'
import type { useTreeEditing } from './useTreeEditing.ts'
import { nextClusterColor } from './clusters.ts'
import { UndoRedoButtons } from '../kit/UndoRedoButtons.tsx'
import { AddCardMenu, LinkMenu } from './TreeMenus.tsx'
import { FlowZoomVar } from '../kit/FlowZoomVar.tsx'
import { HeaderMore } from '../board/HeaderMore.tsx'
import { TOOLBAR_ID } from './useTreeKeyboard.ts'

const selectedSelector = selectedCardsSelector('problems')
const clusterCountSelector = (s: BoardState) => s.lists['problems.clusters'].length

/** Add, relate, re-role, group, lay out, delete, undo: the mouse's way to every tree move. */
export function CanvasToolbar({ editing }: { editing: ReturnType<typeof useTreeEditing> }) {
  const { t } = useTranslation('board')
  const { actions } = useBoardSession()
  const selected = useBoard(selectedSelector)
  const clusterCount = useBoard(clusterCountSelector)
  const facilitator = useBoard(isFacilitator)
  const one = selected.length === 1 ? selected[0]! : null

  const group = () => {
    actions.transact(() => {
      const id = actions.putRecord('problems.clusters', {
        label: t('clusterDefaultName', { n: clusterCount + 1 }),
        color: nextClusterColor(clusterCount),
      })
      if (id) for (const n of selected) actions.updateCard('problems', n.id, { cluster: id })
    })
  }

  return (
    <Panel
      position="top-left"
      className="toolbar"
      id={TOOLBAR_ID}
      role="group"
      aria-label={t('toolbar.label')}
    >
      <FlowZoomVar />
      <AddCardMenu editing={editing} />
      <span className="toolbar-sep" />
      {/* on a phone the tools for the selected card and the layout fold behind «Altri
          strumenti», as the header's do behind «Altro»: in rows they took four, 128 px of the
          screen's 844; adding a card and undoing stay at hand */}
      <HeaderMore name="toolbar" open={t('toolbar.more')} title={t('toolbar.moreLabel')} foldOnUse>
        <button
          onClick={() => one && editing.addRelated(one.id, 'cause')}
          disabled={!one}
          title="Tab"
        >
          ↓ {t('toolbar.addCause')}
        </button>
        <button
          onClick={() => one && editing.addRelated(one.id, 'effect')}
          disabled={!one}
          title={t('toolbar.addEffectKeys')}
        >
          ↑ {t('toolbar.addEffect')}
        </button>
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
        <LinkMenu />
        <button onClick={group} disabled={selected.length < 2}>
          {t('tree.group')}
        </button>
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
        {facilitator && (
          <button onClick={() => void editing.autoLayout()} title="L">
            {t('tree.layout')}
          </button>
        )}
      </HeaderMore>
      <UndoRedoButtons />
      <p className="toolbar-keys">{t(facilitator ? 'tree.keys' : 'tree.keysParticipant')}</p>
    </Panel>
  )
}
