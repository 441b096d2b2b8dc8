import { useTranslation } from 'react-i18next'
import {
  measurementId,
  type Indicator,
  type Measurement,
  type MonitoringRound,
} from '../../../shared/pact/monitoring.ts'
import { assessMeasurement, expectedValue, shownExpected } from '../../../shared/pact/trajectory.ts'
import { formatNumber, NumberField } from '../indicators/fields.tsx'
import { StateBadge } from './StateBadge.tsx'

/** The value of each indicator in one round, with what the trajectory expected and the state. */
export function MeasurementsTable({
  round,
  indicators,
  measurements,
  editable,
  onValue,
}: {
  round: MonitoringRound
  indicators: readonly Indicator[]
  measurements: ReadonlyMap<string, Measurement>
  editable: boolean
  onValue(indicator: string, value: number | null): void
}) {
  const { t, i18n } = useTranslation('pactMonitoring')
  const lang = i18n.language
  const num = (v: number | null) => (v === null ? '—' : formatNumber(v, lang))
  if (!indicators.length) return <p className="pm-empty">{t('monitoring.noIndicators')}</p>
  return (
    <table className="pm-table pm-measurements" data-testid="measurements">
      <thead>
        <tr>
          <th>{t('monitoring.columns.indicator')}</th>
          <th>{t('monitoring.columns.plan')}</th>
          <th className="pm-num">{t('monitoring.columns.expected')}</th>
          <th className="pm-num">{t('monitoring.columns.value')}</th>
          <th>{t('monitoring.columns.state')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => {
          const value = measurements.get(measurementId(round.id, i.id))?.value ?? null
          const a = assessMeasurement(i, round.date, value)
          const expected = expectedValue(i, round.date)
          const name = i.label || t('indicators.unnamed')
          return (
            <tr key={i.id} data-indicator-id={i.id} data-label={i.label}>
              <th scope="row">
                {name}
                {i.unit && <small className="pm-unit"> ({i.unit})</small>}
                <small className="pm-direction"> {i.direction === 'increase' ? '↗' : '↘'}</small>
              </th>
              {/* data-column: the column's name, shown above the value where a phone stacks the row */}
              <td className="pm-plan" data-column={t('monitoring.columns.plan')}>
                {num(i.baseline)} → {num(i.target)}
              </td>
              <td
                className="pm-num"
                data-testid="expected"
                data-column={t('monitoring.columns.expected')}
              >
                {expected === null ? '—' : num(shownExpected(i, expected))}
              </td>
              <td className="pm-num" data-column={t('monitoring.columns.value')}>
                {editable ? (
                  <NumberField
                    value={value}
                    label={t('monitoring.valueOf', { label: name })}
                    data-field="value"
                    lang={lang}
                    invalidText={t('indicators.invalidNumber')}
                    onCommit={(v) => onValue(i.id, v)}
                  />
                ) : (
                  num(value)
                )}
              </td>
              <td data-column={t('monitoring.columns.state')}>
                {a.state ? (
                  <span className="pm-state-cell">
                    <StateBadge state={a.state} />
                    <small className="pm-muted">
                      {t('monitoring.progress', { percent: Math.round(a.ratio * 100) })}
                      {a.pastTarget && ` · ${t('monitoring.pastTarget')}`}
                    </small>
                  </span>
                ) : (
                  <span className="pm-state-cell">
                    <StateBadge state={value === null ? 'unmeasured' : 'no-state'} />
                    {a.reason !== 'no-value' && (
                      <small className="pm-muted">{t(`reasons.${a.reason}`)}</small>
                    )}
                  </span>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
