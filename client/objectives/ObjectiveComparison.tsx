import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProblemRole } from '../../shared/schema/index.ts'
import {
  COMPARISON_GROUPS,
  compareTrees,
  type ComparedObjective,
  type ComparisonRow,
} from '../../shared/method/objectiveComparison.ts'
import { asStatus } from '../../shared/method/objectiveCards.ts'
import { useBoard } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import type { CardNode } from '../store/projection.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'
import { ObjectiveTextField } from './ObjectiveTextField.tsx'
import { StatusSelect } from './StatusSelect.tsx'
import './compare.css'

const problemsSelector = (s: BoardState) => s.canvases.problems.nodes
const objectivesSelector = (s: BoardState) => s.canvases.objectives.nodes

const toProblem = (n: CardNode) => ({
  id: n.id,
  label: n.data.label,
  role: n.data.role as ProblemRole,
  x: n.position.x,
  y: n.position.y,
})
const toObjective = (n: CardNode): ComparedObjective => ({
  id: n.id,
  label: n.data.label,
  status: asStatus(n.data.status),
  derivedFrom: typeof n.data.derivedFrom === 'string' ? n.data.derivedFrom : null,
  problemRemoved: n.data.problemRemoved === true,
  x: n.position.x,
  y: n.position.y,
})

function Row({ row, editable }: { row: ComparisonRow; editable: boolean }) {
  const { t } = useTranslation('objectives')
  const objectives = useObjectiveActions()
  const { problem, objective } = row
  const status = objective?.status
  return (
    <tr
      className={`compare-row${status ? ` status-${status}` : ' no-objective'}`}
      data-testid="compare-row"
      data-problem={problem?.id}
      data-objective={objective?.id}
    >
      <td className="compare-problem">
        {problem ? (
          problem.label || <em>{t('card.empty')}</em>
        ) : row.group === 'added' ? (
          <em className="compare-added">{t('compare.addedByGroup')}</em>
        ) : (
          <em className="compare-removed">⚠ {t('card.problemRemovedShort')}</em>
        )}
      </td>
      <td className="compare-arrow" aria-hidden="true">
        →
      </td>
      <td className="compare-objective">
        {objective ? (
          editable ? (
            <ObjectiveTextField
              id={objective.id}
              ariaLabel={t('compare.objectiveFor', {
                problem: problem?.label ?? objective.label,
              })}
            />
          ) : (
            <span className="compare-objective-text">{objective.label || t('card.empty')}</span>
          )
        ) : editable && problem ? (
          <button onClick={() => objectives.createFor(problem.id)}>+ {t('compare.create')}</button>
        ) : (
          <em>{t('compare.noObjective')}</em>
        )}
      </td>
      <td className="compare-status">
        {objective &&
          (editable ? (
            <StatusSelect
              objective={objective}
              label={t('compare.statusFor', { objective: objective.label })}
            />
          ) : (
            <span className={`status-chip status-${objective.status}`}>
              {t(`status.${objective.status}`)}
            </span>
          ))}
      </td>
    </tr>
  )
}

/**
 * "Confronto": every problem beside the objective it became, grouped as in the tree (ends,
 * core, means), then the group's additions and the objectives whose problem is gone. Objectives
 * are edited in place; the room reads the inversion line by line.
 */
export function ObjectiveComparison() {
  const { t } = useTranslation('objectives')
  const problemNodes = useBoard(problemsSelector)
  const objectiveNodes = useBoard(objectivesSelector)
  const editable = useBoard(canEdit)
  const rows = useMemo(
    () => compareTrees(problemNodes.map(toProblem), objectiveNodes.map(toObjective)),
    [problemNodes, objectiveNodes],
  )
  if (rows.length === 0)
    return (
      <div className="compare-empty">
        <p>{t('compare.empty')}</p>
      </div>
    )
  return (
    <div className="compare">
      <table className="compare-table">
        <caption>{t('compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.problem')}</th>
            <th scope="col" aria-hidden="true" />
            <th scope="col">{t('compare.objective')}</th>
            <th scope="col">{t('compare.status')}</th>
          </tr>
        </thead>
        {COMPARISON_GROUPS.map((group) => {
          const mine = rows.filter((r) => r.group === group)
          if (mine.length === 0) return null
          return (
            <tbody key={group} className={`compare-group group-${group}`}>
              <tr>
                <th scope="rowgroup" colSpan={4}>
                  {t(`compare.groups.${group}`)}
                </th>
              </tr>
              {mine.map((row) => (
                <Row key={row.key} row={row} editable={editable} />
              ))}
            </tbody>
          )
        })}
      </table>
    </div>
  )
}
