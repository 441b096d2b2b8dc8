import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Candidate, CandidateRanking, Criterion, Score } from '../../shared/method/strategy.ts'
import { scoreId } from '../../shared/method/strategy.ts'
import { SCORE_MAX } from '../../shared/schema/index.ts'
import { CriterionHeader, useCriterionLabel } from './CriterionHeader.tsx'
import { ScoreCell } from './ScoreCell.tsx'
import { useAverageFormat } from './format.ts'
import type { StrategyActions } from './useStrategyActions.ts'
import { textLimit } from '../../shared/schema/registry.ts'

interface Props {
  candidates: Candidate[]
  criteria: Criterion[]
  scores: Score[]
  ranking: CandidateRanking[]
  chosenId: string | null
  participantId: string
  editable: boolean
  facilitator: boolean
  /** Averages, spreads and ranks on screen; otherwise only how many have voted. */
  showResults: boolean
  write: StrategyActions
}

/** Candidates in columns, criteria in rows: everyone scores, and sees the averages on request. */
export function ScoringGrid(p: Props) {
  const { t } = useTranslation('strategy')
  const format = useAverageFormat()
  const criterionLabel = useCriterionLabel()
  const [newCriterion, setNewCriterion] = useState('')

  const rankingOf = useMemo(() => new Map(p.ranking.map((r) => [r.candidate, r])), [p.ranking])
  // per cell: my score, how many gave each value, and who gave what
  const cells = useMemo(() => {
    const out = new Map<string, { mine: number | null; counts: number[]; voters: string[] }>()
    for (const s of p.scores) {
      const key = `${s.candidate}|${s.criterion}`
      const cell = out.get(key) ?? {
        mine: null,
        counts: new Array<number>(SCORE_MAX + 1).fill(0),
        voters: [],
      }
      if (!Number.isInteger(s.score) || s.score < 1 || s.score > SCORE_MAX) continue
      cell.counts[s.score]! += 1
      cell.voters.push(`${s.participantName || '?'}: ${s.score}`)
      if (s.participant === p.participantId) cell.mine = s.score
      out.set(key, cell)
    }
    return out
  }, [p.scores, p.participantId])
  const empty = { mine: null, counts: new Array<number>(SCORE_MAX + 1).fill(0), voters: [] }

  const removeCriterion = (c: Criterion) => {
    const count = p.scores.filter((s) => s.criterion === c.id).length
    const label = criterionLabel(c)
    if (count && !confirm(t('criteria.confirmRemove', { label, count }))) return
    p.write.removeCriterion(c.id)
  }
  const addCriterion = () => {
    const label = newCriterion.trim()
    if (!label) return
    p.write.addCriterion(label, p.criteria)
    setNewCriterion('')
  }

  if (p.candidates.length === 0) return <p className="muted grid-empty">{t('grid.noCandidates')}</p>

  return (
    <div className="grid-scroll">
      <table className="scoring-grid" data-testid="scoring-grid">
        <thead>
          <tr>
            <th scope="col" className="corner">
              {t('grid.criterion')}
            </th>
            {p.candidates.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={`candidate-col${c.id === p.chosenId ? ' is-chosen' : ''}`}
              >
                <span className="candidate-col-label">{c.label || t('untitled')}</span>
                {c.id === p.chosenId && <span className="chosen-badge">✓ {t('chosen.badge')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.criteria.map((criterion, row) => (
            <tr key={criterion.id}>
              <CriterionHeader
                criterion={criterion}
                index={row}
                total={p.criteria.length}
                facilitator={p.facilitator}
                onRename={(label) => p.write.renameCriterion(criterion.id, label)}
                onMove={(step) => p.write.moveCriterion(p.criteria, criterion.id, step)}
                onRemove={() => removeCriterion(criterion)}
              />
              {p.candidates.map((candidate, column) => {
                const cell = cells.get(`${candidate.id}|${criterion.id}`) ?? empty
                return (
                  <ScoreCell
                    key={candidate.id}
                    row={row}
                    column={column}
                    candidate={candidate.id}
                    criterion={criterion.id}
                    label={t('grid.cellLabel', {
                      criterion: criterionLabel(criterion),
                      candidate: candidate.label,
                    })}
                    result={
                      rankingOf.get(candidate.id)?.cells[criterion.id] ?? {
                        average: null,
                        count: 0,
                      }
                    }
                    counts={cell.counts}
                    voters={cell.voters.join('\n')}
                    mine={cell.mine}
                    showResults={p.showResults}
                    editable={p.editable}
                    chosen={candidate.id === p.chosenId}
                    onScore={(score) => p.write.setScore(candidate.id, criterion.id, score)}
                  />
                )
              })}
            </tr>
          ))}
          {p.criteria.length === 0 && (
            <tr>
              <td colSpan={p.candidates.length + 1} className="muted">
                {t('grid.noCriteria')}
              </td>
            </tr>
          )}
          {p.facilitator && (
            <tr className="add-criterion">
              <th scope="row" colSpan={p.candidates.length + 1}>
                <form
                  onSubmit={(e) => {
                    e.preventDefault()
                    addCriterion()
                  }}
                >
                  <input
                    value={newCriterion}
                    maxLength={textLimit('strategy.criteria', 'label')}
                    aria-label={t('criteria.newPlaceholder')}
                    placeholder={t('criteria.newPlaceholder')}
                    onChange={(e) => setNewCriterion(e.target.value)}
                  />
                  <button type="submit" disabled={!newCriterion.trim()}>
                    + {t('criteria.add')}
                  </button>
                </form>
              </th>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('grid.overall')}</th>
            {p.candidates.map((c) => {
              const r = rankingOf.get(c.id)
              return (
                <td
                  key={c.id}
                  className={`overall-cell${c.id === p.chosenId ? ' is-chosen' : ''}`}
                  data-testid="overall"
                  data-candidate={c.label}
                >
                  {r && r.average !== null && !p.showResults ? (
                    <span className="overall-meta">{t('grid.scorers', { count: r.scorers })}</span>
                  ) : r && r.average !== null ? (
                    <>
                      <span className="overall-value">{format(r.average)}</span>
                      <span className="overall-meta">
                        {t('grid.rank', { rank: r.rank })} ·{' '}
                        {t('grid.scorers', { count: r.scorers })}
                      </span>
                    </>
                  ) : (
                    <span className="overall-meta">{t('grid.unranked')}</span>
                  )}
                </td>
              )
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
