import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/schema/index.ts'
import {
  commitmentsByStatus,
  HEALTH_STATES,
  indicatorHealth,
  isOverdue,
  openAdaptations,
} from '../../../shared/pact/monitoring.ts'
import {
  nameMap,
  useActorNames,
  useAdaptations,
  useCommitments,
  useIndicators,
  useMeasurements,
  useRounds,
} from '../indicators/data.ts'
import { formatNumber, today } from '../indicators/fields.tsx'
import { formatDay } from '../../../shared/document/labels.ts'
import { StateBadge, STATE_COLORS, ThresholdNote } from '../monitoring/StateBadge.tsx'
import '../indicators/indicators.css'
import '../monitoring/monitoring.css'
import './health.css'

const STATUS_COLORS: Record<CommitmentStatus, string> = {
  proposed: '#8d95a1',
  confirmed: '#0f6e63',
  ongoing: '#2f6fb3',
  kept: '#1d7a3a',
  broken: '#b3261e',
}

/**
 * Salute del patto, on one screen: each indicator's state at its latest round, the commitments
 * by status, the adaptations still open (overdue first to the eye).
 */
export function HealthView() {
  const { t, i18n } = useTranslation('pactMonitoring')
  const lang = i18n.language
  const indicators = useIndicators()
  const rounds = useRounds()
  const measurements = useMeasurements()
  const commitments = useCommitments()
  const adaptations = useAdaptations()
  const actors = useActorNames()
  const health = useMemo(
    () => indicatorHealth(indicators, rounds, measurements),
    [indicators, rounds, measurements],
  )
  const statuses = useMemo(() => commitmentsByStatus(commitments), [commitments])
  const open = useMemo(() => openAdaptations(adaptations), [adaptations])
  const actorNames = nameMap(actors)
  const roundNames = new Map(rounds.map((r) => [r.id, r.label]))
  const last = rounds.at(-1)
  const now = today()
  const maxStatus = Math.max(1, ...Object.values(statuses))

  return (
    <div className="pm-view pm-health" data-testid="health-view">
      <header className="pm-header">
        <div>
          <h2>{t('health.title')}</h2>
          <p className="pm-muted">{t('health.intro')}</p>
        </div>
        <p className="pm-muted" data-testid="last-round">
          {last
            ? t('health.lastRound', { label: last.label, date: formatDay(last.date, lang) })
            : t('health.noRound')}
        </p>
      </header>
      <div className="pm-health-grid">
        <section className="pm-health-card" aria-labelledby="health-indicators">
          <h3 id="health-indicators">{t('health.indicators')}</h3>
          <ul className="pm-state-counts">
            {HEALTH_STATES.map((s) => {
              const items = health.filter((h) => h.state === s)
              return (
                <li key={s} data-state={s} data-count={items.length}>
                  <div className="pm-state-count">
                    <span className="pm-big" style={{ color: STATE_COLORS[s] }}>
                      {items.length}
                    </span>
                    <StateBadge state={s} />
                  </div>
                  {items.length > 0 && (
                    <ul className="pm-state-items">
                      {items.map(({ indicator, latest }) => (
                        <li key={indicator.id} data-indicator-id={indicator.id}>
                          {indicator.label || t('indicators.unnamed')}
                          {latest && (
                            <small className="pm-muted">
                              {' · '}
                              {t('health.latest', {
                                value: `${formatNumber(latest.value, lang)}${indicator.unit ? ` ${indicator.unit}` : ''}`,
                                round: latest.round.label,
                              })}
                            </small>
                          )}
                          {!latest?.assessment.state && latest && (
                            <small className="pm-muted">
                              {' · '}
                              {t(
                                `reasons.${'reason' in latest.assessment ? latest.assessment.reason : 'no-value'}`,
                              )}
                            </small>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              )
            })}
          </ul>
          <ThresholdNote />
        </section>

        <section className="pm-health-card" aria-labelledby="health-commitments">
          <h3 id="health-commitments">
            {t('health.commitments')}{' '}
            <small className="pm-muted">({t('health.total', { count: commitments.length })})</small>
          </h3>
          <ul className="pm-bars">
            {COMMITMENT_STATUSES.map((s) => (
              <li key={s} data-status={s} data-count={statuses[s]}>
                <span className="pm-bar-label">{t(`commitmentStatuses.${s}`)}</span>
                <span className="pm-bar-track" aria-hidden="true">
                  <span
                    className="pm-bar"
                    style={{
                      width: `${(statuses[s] / maxStatus) * 100}%`,
                      background: STATUS_COLORS[s],
                    }}
                  />
                </span>
                <span className="pm-bar-value">{statuses[s]}</span>
              </li>
            ))}
          </ul>
        </section>

        <section className="pm-health-card" aria-labelledby="health-adaptations">
          <h3 id="health-adaptations">
            {t('health.adaptations')} <small className="pm-muted">({open.length})</small>
          </h3>
          {open.length === 0 ? (
            <p className="pm-empty">{t('health.noAdaptations')}</p>
          ) : (
            <ul className="pm-open-adaptations" data-testid="open-adaptations">
              {open.map((a) => {
                const overdue = isOverdue(a, now)
                return (
                  <li key={a.id} data-adaptation-id={a.id} className={overdue ? 'is-overdue' : ''}>
                    <strong>{a.what || t('unnamed')}</strong>
                    <small>
                      {a.who && actorNames.get(a.who) && (
                        <>{t('health.by', { name: actorNames.get(a.who) })} · </>
                      )}
                      {a.due
                        ? t('health.due', { date: formatDay(a.due, lang) })
                        : t('health.noDue')}
                      {overdue && <span className="pm-overdue"> · {t('health.overdue')}</span>}
                      {roundNames.get(a.round) && (
                        <> · {t('health.fromRound', { round: roundNames.get(a.round) })}</>
                      )}
                    </small>
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}
