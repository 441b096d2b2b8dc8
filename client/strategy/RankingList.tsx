import { useTranslation } from 'react-i18next'
import type { Candidate, CandidateRanking } from '../../shared/method/strategy.ts'
import { SCORE_MAX } from '../../shared/schema/index.ts'
import { useAverageFormat } from './format.ts'

/** How many criteria a candidate's average covers (scored by someone), and how many there are. */
const scored = (r: CandidateRanking) =>
  Object.values(r.cells).filter((c) => c.average !== null).length
const criteriaOf = (r: CandidateRanking) => Object.keys(r.cells).length

/**
 * The candidates best first, with the facilitator's choice. An average that covers fewer
 * criteria than the others could is said to (two strategies were ranked side by side, one
 * averaged over two criteria, the other over one).
 */
export function RankingList({
  ranking,
  candidates,
  chosenId,
  facilitator,
  onChoose,
}: {
  ranking: CandidateRanking[]
  candidates: Candidate[]
  chosenId: string | null
  facilitator: boolean
  onChoose: (id: string) => void
}) {
  const { t } = useTranslation('strategy')
  const format = useAverageFormat()
  const byId = new Map(candidates.map((c) => [c.id, c]))
  if (!ranking.length) return null
  return (
    <section className="ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('ranking.title')}</h2>
      {ranking.every((r) => r.average === null) && <p className="muted">{t('ranking.empty')}</p>}
      <ol className="ranking-list" data-testid="ranking">
        {ranking.map((r) => {
          const candidate = byId.get(r.candidate)
          if (!candidate) return null
          const chosen = r.candidate === chosenId
          return (
            <li
              key={r.candidate}
              className={`ranking-item${chosen ? ' is-chosen' : ''}${r.rank === 1 ? ' is-first' : ''}`}
              data-testid="ranking-item"
              data-label={candidate.label}
              data-rank={r.rank ?? ''}
            >
              <span className="ranking-rank">{r.rank ?? '–'}</span>
              <div className="ranking-body">
                <div className="ranking-label">
                  {candidate.label || t('untitled')}
                  {chosen && <span className="chosen-badge">✓ {t('chosen.badge')}</span>}
                </div>
                <div className="ranking-bar" aria-hidden>
                  <span style={{ width: `${((r.average ?? 0) / SCORE_MAX) * 100}%` }} />
                </div>
                <div className="ranking-meta">
                  {r.average !== null ? (
                    <>
                      <strong className="ranking-average" data-testid="ranking-average">
                        {format(r.average)}
                      </strong>{' '}
                      {t('ranking.outOf')} · {t('grid.scorers', { count: r.scorers })}
                      {scored(r) < criteriaOf(r) && (
                        <span className="ranking-partial" data-testid="ranking-partial">
                          {' '}
                          · {t('ranking.partial', { count: scored(r), total: criteriaOf(r) })}
                        </span>
                      )}
                    </>
                  ) : (
                    t('grid.unranked')
                  )}
                </div>
              </div>
              {facilitator && (
                <button
                  className={chosen ? '' : 'primary'}
                  onClick={() => onChoose(chosen ? '' : r.candidate)}
                >
                  {chosen ? t('chosen.unchoose') : t('chosen.choose')}
                </button>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
