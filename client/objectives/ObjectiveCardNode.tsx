import { memo } from 'react'
import { WriterMark, useWriter } from '../kit/WriterMark.tsx'
import { VoteDots } from '../facilitation/VoteDots.tsx'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import type { ProblemRole } from '../../shared/schema/index.ts'
import { asStatus, objectiveRoleOf } from '../../shared/method/objectiveCards.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import { nodeById } from '../store/nodeIndex.ts'
import type { CardData, CardNode } from '../store/projection.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'
import { useObjectiveDisplay } from './objectiveDisplay.ts'
import { ObjectiveTextEditor } from './ObjectiveTextEditor.tsx'
import { mayPassCardLines, mayPassLines } from '../kit/cardLines.ts'
import { sameCard } from '../kit/sameCard.ts'

export type ObjectiveNode = CardNode<CardData, 'objective'>

/** The problem an objective came from, as primitive slices (stable for zustand). */
function useSourceProblem(problemId: string | null) {
  const label = useBoard((s: BoardState) =>
    problemId === null ? undefined : nodeById(s.canvases.problems.nodes, problemId)?.data.label,
  )
  const role = useBoard((s: BoardState) =>
    problemId === null
      ? undefined
      : (nodeById(s.canvases.problems.nodes, problemId)?.data.role as ProblemRole | undefined),
  )
  return { label, role }
}

/**
 * An objective card: its place in the tree (means, end, core), its status by colour and word,
 * its text, the problem it came from, and a warning when that problem is gone.
 */
export const ObjectiveCardNode = memo(function ObjectiveCardNode({
  id,
  data,
  selected,
}: NodeProps<ObjectiveNode>) {
  const { t } = useTranslation('objectives')
  const actions = useBoardActions()
  const objectives = useObjectiveActions()
  const { showProblems } = useObjectiveDisplay()
  const editing = useBoard((s: BoardState) => s.editingId === id)
  const editable = useBoard(canEdit)
  const writer = useWriter(id)
  const status = asStatus(data.status)
  const derivedFrom = typeof data.derivedFrom === 'string' ? data.derivedFrom : null
  const removed = data.problemRemoved === true
  const problem = useSourceProblem(derivedFrom)
  const role = objectiveRoleOf(problem.role)
  // the problem's text is worth showing once the objective says something else
  const showOrigin =
    showProblems && problem.label !== undefined && problem.label !== data.label && !removed

  return (
    <div
      className={`objective-card status-${status}${role ? ` objective-${role}` : ''}${selected ? ' selected' : ''}${writer ? ' being-edited' : ''}${removed ? ' problem-removed' : ''}`}
      style={writer ? { borderColor: writer.first.user.color } : undefined}
      data-status={status}
      onDoubleClick={(e) => {
        if (!editable) return
        e.stopPropagation()
        actions.setEditing(id)
      }}
    >
      <Handle type="target" position={Position.Bottom} isConnectable={editable} />
      {removed && (
        <div className="objective-warning" role="note" title={t('card.problemRemoved')}>
          ⚠ {t('card.problemRemovedShort')}
        </div>
      )}
      <div className="objective-head">
        <span className="objective-role">{role ? t(`roles.${role}`) : ''}</span>
        <span className={`status-chip status-${status}`}>{t(`status.${status}`)}</span>
      </div>
      {editing ? (
        <ObjectiveTextEditor
          id={id}
          alongside={objectives.rewordAlongside(id)}
          onDone={() => actions.setEditing(null)}
        />
      ) : (
        // cut at five lines (canvas.css), as a problem card's text
        <div
          className={`card-label objective-label${data.label ? '' : ' empty'}${mayPassCardLines(data.label) ? ' long' : ''}`}
        >
          {data.label || t('card.empty')}
        </div>
      )}
      {showOrigin && <Origin intro={t('card.fromProblem')} text={problem.label!} />}
      <VoteDots canvas="objectives" card={id} label={data.label} />
      <WriterMark writer={writer} />
      <Handle type="source" position={Position.Top} isConnectable={editable} />
    </div>
  )
}, sameCard)

/**
 * The problem an objective came from, under its text. A long one is cut at three lines and «…»
 * (objectives.css): written whole, a long problem made the card reach over the objective below
 * it. Hovered, its tooltip has the whole text; selected, the card shows it all.
 */
function Origin({ intro, text }: { intro: string; text: string }) {
  // 12-px text: about 29 characters fit a line of a 200-px card, the intro on the first
  const long = mayPassLines(`${intro}: ${text}`, 3, 18)
  return (
    <div className={`objective-origin${long ? ' long' : ''}`} title={long ? text : undefined}>
      <span>{intro}:</span> {text}
    </div>
  )
}
