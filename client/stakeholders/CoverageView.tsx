import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import { coverageMatrix } from '../../shared/stakeholders/coverage.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { useFollowScroll } from '../follow/useFollowScroll.ts'
import { useProjectorFit } from '../board/useProjectorFit.ts'
import { canEdit } from '../store/boardStore.ts'
import type { ObjectiveSummary } from './data.ts'
import { useSelection } from './selection.tsx'
import { CategoryBadge } from './visuals.tsx'

/**
 * Actors × objectives: who contributes to what. Objectives nobody covers and actors with no
 * objective stand out; a click on a cell links or unlinks.
 */
export function CoverageView({
  actors,
  objectives,
}: {
  actors: Actor[]
  objectives: ObjectiveSummary[]
}) {
  const { t } = useTranslation('stakeholders')
  const actions = useBoardActions()
  const editable = useBoard(canEdit)
  const { actorId, selectActor } = useSelection()
  const m = useMemo(() => coverageMatrix(actors, objectives), [actors, objectives])
  const uncovered = new Set(m.uncoveredObjectives)
  const idle = new Set(m.actorsWithoutObjective)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  useFollowScroll(scroller, 'stakeholders', 'coverage')
  useProjectorFit(scroller)

  if (objectives.length === 0) return <p className="coverage-empty">{t('coverage.noObjectives')}</p>
  return (
    <div className="coverage" data-testid="coverage">
      <div className="coverage-bar">
        <h3>{t('coverage.title')}</h3>
        <span className="coverage-summary" data-testid="coverage-summary">
          {t('coverage.uncoveredCount', { count: uncovered.size })} ·{' '}
          {t('coverage.idleCount', { count: idle.size })}
        </span>
      </div>
      <div className="coverage-scroll" ref={setScroller}>
        <table className="coverage-table">
          <thead>
            <tr>
              <th className="coverage-corner">{t('coverage.actor')}</th>
              {m.objectives.map((o) => (
                <th
                  key={o.id}
                  className={uncovered.has(o.id) ? 'uncovered' : ''}
                  data-objective={o.id}
                  title={o.label}
                  scope="col"
                >
                  <div className="coverage-objective">{o.label || '—'}</div>
                  <div className="coverage-count">
                    {uncovered.has(o.id)
                      ? `⚠ ${t('coverage.uncovered')}`
                      : t('coverage.contributors', { count: m.contributors.get(o.id)!.length })}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.actors.map((a, i) => (
              <tr
                key={a.id}
                className={`${idle.has(a.id) ? 'idle' : ''}${a.id === actorId ? ' selected' : ''}`}
                data-actor-id={a.id}
              >
                <th scope="row">
                  <button
                    className="coverage-actor"
                    data-opens-actor={a.id}
                    onClick={() => selectActor(a.id)}
                  >
                    <CategoryBadge category={a.category} size={20} />
                    {/* the warning goes under the name, not beside it: beside, it took the
                        name's room (a word a line) and pushed past the column */}
                    <span className="coverage-actor-text">
                      <span className="coverage-actor-name">{a.label || t('card.unnamed')}</span>
                      {idle.has(a.id) && <span className="idle-tag">⚠ {t('coverage.idle')}</span>}
                    </span>
                  </button>
                </th>
                {m.objectives.map((o, j) => {
                  const on = m.cells[i]![j]!
                  const label = t('coverage.cell', { actor: a.label, objective: o.label })
                  return (
                    <td
                      key={o.id}
                      className={`${on ? 'on' : ''}${uncovered.has(o.id) ? ' uncovered' : ''}`}
                    >
                      {editable ? (
                        <input
                          type="checkbox"
                          checked={on}
                          aria-label={label}
                          onChange={(e) =>
                            actions.editIdSet(
                              'stakeholders.nodes',
                              a.id,
                              'objectives',
                              e.target.checked ? { add: [o.id] } : { remove: [o.id] },
                            )
                          }
                        />
                      ) : (
                        on && <span aria-label={label}>●</span>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {actors.length === 0 && <p className="coverage-empty">{t('coverage.noActors')}</p>}
      </div>
    </div>
  )
}
