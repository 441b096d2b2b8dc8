import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { indicatorSeries } from '../../../shared/pact/monitoring.ts'
import { roundsToCsv, ROUND_COLUMNS } from '../../../shared/pact/monitoringCsv.ts'
import { canEdit, type BoardState } from '../../store/boardStore.ts'
import { useBoard } from '../../store/context.tsx'
import {
  useActorNames,
  useAdaptations,
  useBodies,
  useCommitments,
  useIndicators,
  useLogframeRowNames,
  useMeasurements,
  useObjectiveNames,
  useRounds,
} from '../indicators/data.ts'
import { downloadCsv } from '../indicators/download.ts'
import { today } from '../indicators/fields.tsx'
import { formatDay } from '../../../shared/document/labels.ts'
import type { TargetOptions } from './AdaptationsList.tsx'
import { IndicatorChart } from './IndicatorChart.tsx'
import { RoundPanel } from './RoundPanel.tsx'
import { focusNewField } from '../../text/typeAhead.ts'
import { ThresholdNote } from './StateBadge.tsx'
import { useMonitoringActions } from './useMonitoringActions.ts'
import '../indicators/indicators.css'
import './monitoring.css'

const titleSelector = (s: BoardState) => s.title

/**
 * Apprendimento continuo: monitoring rounds with the value of each indicator against its
 * trajectory, the commitments' status, the feedback and the adaptations; a chart per indicator.
 */
export function MonitoringView() {
  const { t, i18n } = useTranslation('pactMonitoring')
  const lang = i18n.language
  const editable = useBoard(canEdit)
  const title = useBoard(titleSelector)
  const indicators = useIndicators()
  const rounds = useRounds()
  const measurements = useMeasurements()
  const adaptations = useAdaptations()
  const commitments = useCommitments()
  const actors = useActorNames()
  const bodies = useBodies()
  const objectives = useObjectiveNames()
  const rows = useLogframeRowNames()
  const write = useMonitoringActions()
  const [chosen, setChosen] = useState<string | null>(null)
  const [date, setDate] = useState(today)
  const [label, setLabel] = useState('')

  /** A round of the date in the form is registered already. */
  const sameDay = rounds.some((r) => r.date === date)
  // the round chosen, else the latest
  const round = rounds.find((r) => r.id === chosen) ?? rounds.at(-1) ?? null
  const targets = useMemo<TargetOptions>(
    () => ({
      indicator: indicators.map((i) => ({ id: i.id, label: i.label })),
      commitment: commitments.map((c) => ({
        id: c.id,
        label: `${actors.find((a) => a.id === c.actor)?.label ?? ''} — ${c.label}`,
      })),
      body: bodies,
      objective: objectives,
      activity: rows.map((r) => ({ id: r.id, label: `${t(`levels.${r.level}`)}: ${r.label}` })),
    }),
    [indicators, commitments, actors, bodies, objectives, rows, t],
  )

  const create = (e: FormEvent) => {
    e.preventDefault()
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return
    const name = label.trim() || t('monitoring.defaultName', { date: formatDay(date, lang) })
    const id = write.addRound(date, name)
    if (id) {
      setChosen(id)
      setLabel('')
      // the next round is another day's: the date just used invited a second round of it
      setDate(today())
      // on to its first value (or its feedback), with what is typed meanwhile: the focus stayed
      // on «Registra», and a space typed at once registered a second round (walkthrough)
      focusNewField(
        `section.pm-round[data-round-id="${CSS.escape(id)}"] :is([data-field=value], [data-field=feedback])`,
      )
    }
  }

  const exportCsv = () => {
    const header = Object.fromEntries(ROUND_COLUMNS.map((c) => [c, t(`csvRounds.${c}`)])) as Record<
      (typeof ROUND_COLUMNS)[number],
      string
    >
    const csv = roundsToCsv(rounds, indicators, measurements, header, {
      decimalComma: !lang.startsWith('en'),
      direction: (d) => t(`directions.${d}`),
      frequency: (f) => t(`frequencies.${f}`),
      actor: () => '',
      linked: () => '',
      state: (s) =>
        s === 'on-track' || s === 'warning' || s === 'critical'
          ? t(`states.${s}`)
          : `${t('states.no-state')}: ${t(`reasons.${s}`)}`,
    })
    downloadCsv(csv, t('monitoring.csvFile'), title)
  }

  return (
    <div className="pm-view pm-monitoring" data-testid="monitoring-view">
      <header className="pm-header">
        <div>
          <h2>{t('monitoring.title')}</h2>
          <p className="pm-muted">{t('monitoring.intro')}</p>
        </div>
        <div className="pm-actions">
          <button onClick={exportCsv} data-testid="rounds-csv" disabled={!rounds.length}>
            ⬇ {t('monitoring.csv')}
          </button>
        </div>
      </header>
      <ThresholdNote />
      <div className="pm-monitoring-body">
        <nav className="pm-rounds" aria-label={t('monitoring.rounds')}>
          <h3>{t('monitoring.rounds')}</h3>
          {rounds.length === 0 ? (
            <p className="pm-empty">{t('monitoring.noRounds')}</p>
          ) : (
            <ol>
              {rounds.map((r) => (
                <li key={r.id}>
                  <button
                    className={r.id === round?.id ? 'on' : ''}
                    aria-current={r.id === round?.id ? 'true' : undefined}
                    data-round-id={r.id}
                    onClick={() => setChosen(r.id)}
                  >
                    <span className="pm-round-label">{r.label || t('unnamed')}</span>
                    <small>{formatDay(r.date, lang)}</small>
                  </button>
                </li>
              ))}
            </ol>
          )}
          {editable && (
            <form className="pm-new-round" onSubmit={create} data-testid="new-round">
              <h4>{t('monitoring.newRound')}</h4>
              <label>
                <span>{t('monitoring.roundDate')}</span>
                <input
                  type="date"
                  required
                  value={date}
                  data-field="new-round-date"
                  onChange={(e) => setDate(e.target.value)}
                />
              </label>
              <label>
                <span>{t('monitoring.roundName')}</span>
                <input
                  type="text"
                  maxLength={200}
                  value={label}
                  data-field="new-round-name"
                  placeholder={t('monitoring.roundNamePlaceholder')}
                  onChange={(e) => setLabel(e.target.value)}
                />
              </label>
              {sameDay && (
                <p className="pm-same-day" role="note">
                  {t('monitoring.sameDay', { date: formatDay(date, lang) })}
                </p>
              )}
              <button className="primary" type="submit">
                {t('monitoring.create')}
              </button>
            </form>
          )}
        </nav>
        {round ? (
          <RoundPanel
            round={round}
            indicators={indicators}
            measurements={measurements}
            commitments={commitments}
            adaptations={adaptations}
            actors={actors}
            targets={targets}
            editable={editable}
            write={write}
          />
        ) : (
          <div />
        )}
      </div>
      {indicators.length > 0 && (
        <section className="pm-charts" aria-label={t('monitoring.charts')}>
          <h3>{t('monitoring.charts')}</h3>
          <div className="pm-chart-grid">
            {indicators.map((i) => (
              <IndicatorChart
                key={i.id}
                indicator={i}
                points={indicatorSeries(i, rounds, measurements)}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  )
}
