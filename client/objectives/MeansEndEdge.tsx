import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import { nodeById } from '../store/nodeIndex.ts'
import type { LinkEdge } from '../store/projection.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'

const labelOf = (id: string) => (s: BoardState) =>
  nodeById(s.canvases.objectives.nodes, id)?.data.label ?? ''

/**
 * A means → end link ("if the means, then the end"): its "checked" toggle sits on the link, so
 * the group ticks each step of the logic as it reads the tree aloud.
 */
export const MeansEndEdge = memo(function MeansEndEdge({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  data,
  selected,
}: EdgeProps<LinkEdge>) {
  const { t } = useTranslation('objectives')
  const editable = useBoard(canEdit)
  const objectives = useObjectiveActions()
  const means = useBoard(labelOf(source))
  const end = useBoard(labelOf(target))
  const checked = data?.checked === true
  const removed = data?.problemRemoved === true
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  })
  const className = `means-end${checked ? ' checked' : ''}${removed ? ' problem-removed' : ''}`
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={className}
        style={{ strokeWidth: selected ? 3.5 : 2.5 }}
      />
      <EdgeLabelRenderer>
        <div
          className={`means-end-label flow-zoom nodrag nopan ${className}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`means-end-${id}`}
        >
          {removed && (
            <span className="means-end-warning" title={t('link.problemRemoved')} role="img">
              ⚠
            </span>
          )}
          {editable ? (
            <label title={t('link.toggle', { means, end })}>
              <input
                type="checkbox"
                checked={checked}
                aria-label={t('link.toggle', { means, end })}
                onChange={(e) => objectives.setChecked(id, e.target.checked)}
              />
              {t('link.checked')}
            </label>
          ) : (
            checked && <span>✓ {t('link.checked')}</span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  )
})
