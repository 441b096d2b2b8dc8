import { useTranslation } from 'react-i18next'
import type { Criterion } from '../../shared/method/strategy.ts'
import { builtInCriterionKey } from '../../shared/method/strategyRecords.ts'
import { DEFAULT_CRITERIA } from '../../shared/schema/index.ts'
import { EditableText } from './EditableText.tsx'
import { textLimit } from '../../shared/schema/registry.ts'

/** A criterion's name in the reader's language while the facilitator has not renamed it. */
export function useCriterionLabel(): (c: Criterion) => string {
  const { t } = useTranslation('strategy')
  return (c) => {
    const key = builtInCriterionKey(c)
    return key ? t(`criteria.${key}` as 'criteria.social') : c.label || t('untitled')
  }
}

const BUILT_IN_KEYS = new Set<string>(DEFAULT_CRITERIA.map((c) => c.key))

/** The row header of a criterion; the facilitator renames, reorders and removes it here. */
export function CriterionHeader({
  criterion,
  index,
  total,
  facilitator,
  onRename,
  onMove,
  onRemove,
}: {
  criterion: Criterion
  index: number
  total: number
  facilitator: boolean
  onRename: (label: string) => void
  onMove: (step: -1 | 1) => void
  onRemove: () => void
}) {
  const { t } = useTranslation('strategy')
  const label = useCriterionLabel()(criterion)
  // the hint explains the key's meaning (above all: what 5 means for "already covered")
  const hint =
    criterion.key && BUILT_IN_KEYS.has(criterion.key)
      ? t(`criteria.hints.${criterion.key}` as 'criteria.hints.social')
      : null
  return (
    <th scope="row" className="criterion" data-testid="criterion" data-label={label}>
      <div className="criterion-line">
        {facilitator ? (
          <EditableText
            maxLength={textLimit('strategy.criteria', 'label')!}
            className="criterion-name"
            value={label}
            label={t('criteria.rename')}
            onCommit={onRename}
          />
        ) : (
          <span className="criterion-name">{label}</span>
        )}
        {facilitator && (
          <span className="criterion-tools">
            <button
              className="icon-button"
              aria-label={`${t('criteria.moveUp')}: ${label}`}
              title={t('criteria.moveUp')}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              className="icon-button"
              aria-label={`${t('criteria.moveDown')}: ${label}`}
              title={t('criteria.moveDown')}
              disabled={index === total - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <button
              className="icon-button danger"
              aria-label={t('criteria.remove', { label })}
              title={t('criteria.remove', { label })}
              onClick={onRemove}
            >
              ✕
            </button>
          </span>
        )}
      </div>
      {hint && (
        <div className={`criterion-hint${criterion.key === 'covered' ? ' is-key' : ''}`}>
          {hint}
        </div>
      )}
    </th>
  )
}
