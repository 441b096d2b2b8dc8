import { useTranslation } from 'react-i18next'
import { OBJECTIVE_STATUSES, type ObjectiveStatus } from '../../shared/schema/index.ts'
import type { ComparedObjective } from '../../shared/method/objectiveComparison.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'

/** The status of one objective, coloured like its card. */
export function StatusSelect({
  objective,
  label,
}: {
  objective: ComparedObjective
  label: string
}) {
  const { t } = useTranslation('objectives')
  const objectives = useObjectiveActions()
  return (
    <select
      className={`status-select status-${objective.status}`}
      aria-label={label}
      value={objective.status}
      onChange={(e) => objectives.setStatus([objective.id], e.target.value as ObjectiveStatus)}
    >
      {OBJECTIVE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  )
}
