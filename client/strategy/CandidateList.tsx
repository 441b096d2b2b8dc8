import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  branchTops,
  objectiveBranch,
  sameObjectives,
  type Candidate,
  type ObjectiveGraph,
  type Score,
} from '../../shared/method/strategy.ts'
import { SharedTextField } from '../text/SharedTextField.tsx'
import type { StrategyActions } from './useStrategyActions.ts'

interface Props {
  graph: ObjectiveGraph
  candidates: Candidate[]
  scores: Score[]
  chosenId: string | null
  editable: boolean
  facilitator: boolean
  write: StrategyActions
}

/** The candidate strategies: branches of the objective tree, marked from their top objective. */
export function CandidateList({
  graph,
  candidates,
  scores,
  chosenId,
  editable,
  facilitator,
  write,
}: Props) {
  const { t } = useTranslation('strategy')
  const tops = useMemo(() => branchTops(graph), [graph])
  const [top, setTop] = useState('')
  const usedTops = new Set(candidates.map((c) => c.objectives[0]))
  const labelOf = (id: string) => graph.byId.get(id)?.label.trim() || t('untitled')

  const add = () => {
    const branch = objectiveBranch(graph, top)
    if (!branch.length) return
    write.addCandidate(labelOf(top), branch)
    setTop('')
  }
  const remove = (c: Candidate) => {
    const count = scores.filter((s) => s.candidate === c.id).length
    if (count && !confirm(t('candidates.confirmRemove', { label: c.label, count }))) return
    write.removeCandidate(c.id)
  }

  return (
    <aside className="candidates" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('candidates.title')}</h2>
      {candidates.length === 0 && (
        <p className="muted">{editable ? t('candidates.empty') : t('candidates.emptyReadOnly')}</p>
      )}
      <ul className="candidate-list">
        {candidates.map((c) => {
          const topId = c.objectives[0] ?? ''
          const now = objectiveBranch(graph, topId)
          const known = c.objectives.filter((id) => graph.byId.has(id))
          const chosen = c.id === chosenId
          return (
            <li
              key={c.id}
              className={`candidate${chosen ? ' is-chosen' : ''}`}
              data-testid="candidate"
              data-label={c.label}
            >
              <div className="candidate-head">
                {editable ? (
                  <SharedTextField
                    target={{ collection: 'strategy.candidates', id: c.id, field: 'label' }}
                    className="editable-text candidate-name"
                    label={t('candidates.name')}
                  />
                ) : (
                  <strong className="candidate-name">{c.label || t('untitled')}</strong>
                )}
                {chosen && <span className="chosen-badge">✓ {t('chosen.badge')}</span>}
              </div>
              <p className="candidate-meta">
                {t('candidates.objectives', { count: c.objectives.length })}
              </p>
              <ol className="branch">
                {known.map((id, i) => (
                  <li key={id} className={i === 0 ? 'branch-top' : ''}>
                    {labelOf(id)}
                  </li>
                ))}
              </ol>
              {now.length === 0 ? (
                <p className="candidate-warning">{t('candidates.missing')}</p>
              ) : (
                !sameObjectives(now, c.objectives) && (
                  <p className="candidate-warning">
                    {t('candidates.changed', { count: now.length })}{' '}
                    {editable && (
                      <button
                        className="link-button"
                        onClick={() => write.updateCandidateBranch(c.id, now)}
                      >
                        {t('candidates.update')}
                      </button>
                    )}
                  </p>
                )
              )}
              {editable && (!chosen || facilitator) && (
                <button
                  className="candidate-remove"
                  aria-label={t('candidates.removeLabel', { label: c.label })}
                  title={t('candidates.removeLabel', { label: c.label })}
                  onClick={() => remove(c)}
                >
                  {t('candidates.remove')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {editable &&
        (tops.length === 0 ? (
          <p className="muted">{t('candidates.noObjectives')}</p>
        ) : (
          <div className="candidate-add">
            <label htmlFor="candidate-top">{t('candidates.pick')}</label>
            <select id="candidate-top" value={top} onChange={(e) => setTop(e.target.value)}>
              <option value="">{t('candidates.pickPlaceholder')}</option>
              {tops.map((o) => {
                const label = labelOf(o.id)
                const indent = '\u2003'.repeat(Math.min(Number.isFinite(o.depth) ? o.depth : 0, 4))
                return (
                  <option key={o.id} value={o.id} disabled={usedTops.has(o.id)}>
                    {indent +
                      (usedTops.has(o.id)
                        ? t('candidates.alreadyCandidate', { label })
                        : t('candidates.option', { label, count: o.size }))}
                  </option>
                )
              })}
            </select>
            <button className="primary" disabled={!top} onClick={add}>
              {t('candidates.add')}
            </button>
          </div>
        ))}
    </aside>
  )
}
