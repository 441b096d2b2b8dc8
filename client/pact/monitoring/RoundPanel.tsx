import { useTranslation } from 'react-i18next'
import type {
  Adaptation,
  Indicator,
  Measurement,
  MonitoringRound,
} from '../../../shared/pact/monitoring.ts'
import { SharedTextField } from '../../text/SharedTextField.tsx'
import { useBoardActions } from '../../store/context.tsx'
import type { CommitmentSummary, Named } from '../indicators/data.ts'
import { DateField } from '../indicators/fields.tsx'
import { AdaptationsList, type TargetOptions } from './AdaptationsList.tsx'
import { CommitmentStatusList } from './CommitmentStatusList.tsx'
import { MeasurementsTable } from './MeasurementsTable.tsx'
import type { useMonitoringActions } from './useMonitoringActions.ts'
import { focusNewField } from '../../text/typeAhead.ts'
import { useBackToMaker } from '../useBackToMaker.ts'

/** One monitoring round: its values, the commitments' status, what was learned and changed. */
export function RoundPanel({
  round,
  indicators,
  measurements,
  commitments,
  adaptations,
  actors,
  targets,
  editable,
  write,
}: {
  round: MonitoringRound
  indicators: readonly Indicator[]
  measurements: ReadonlyMap<string, Measurement>
  commitments: readonly CommitmentSummary[]
  adaptations: readonly Adaptation[]
  actors: readonly Named[]
  targets: TargetOptions
  editable: boolean
  write: ReturnType<typeof useMonitoringActions>
}) {
  const { t } = useTranslation('pactMonitoring')
  const actions = useBoardActions()
  const made = useBackToMaker(adaptations.map((a) => a.id))
  const actorNames = new Map(actors.map((a) => [a.id, a.label]))
  const name = round.label || t('unnamed')
  return (
    <section className="pm-round" data-testid="round-panel" data-round-id={round.id}>
      <div className="pm-round-head">
        <SharedTextField
          target={{ collection: 'pact.rounds', id: round.id, field: 'label' }}
          label={t('monitoring.roundName')}
          className="pm-input pm-round-name"
          multiline={false}
          data-field="label"
          disabled={!editable}
          onPresence={(on) => actions.setEditing(on ? round.id : null, 'label')}
        />
        <DateField
          value={round.date}
          label={t('monitoring.roundDate')}
          data-field="date"
          required
          disabled={!editable}
          onCommit={(date) => date && write.updateRound(round.id, { date })}
        />
        {editable && (
          <button
            className="pm-icon"
            title={t('monitoring.removeRound')}
            aria-label={`${t('monitoring.removeRound')} · ${name}`}
            onClick={() => {
              if (window.confirm(t('monitoring.removeRoundConfirm', { label: name })))
                write.removeRound(round.id)
            }}
          >
            ✕
          </button>
        )}
      </div>

      <h3>{t('monitoring.values')}</h3>
      <MeasurementsTable
        round={round}
        indicators={indicators}
        measurements={measurements}
        editable={editable}
        onValue={(indicator, value) => write.setValue(round.id, indicator, value)}
      />

      <div className="pm-round-columns">
        <div>
          <h3>{t('monitoring.commitments')}</h3>
          <CommitmentStatusList
            commitments={commitments}
            actorNames={actorNames}
            editable={editable}
            onStatus={write.setCommitmentStatus}
          />
        </div>
        <div>
          <h3>
            <label htmlFor={`feedback-${round.id}`}>{t('monitoring.feedback')}</label>
          </h3>
          <SharedTextField
            id={`feedback-${round.id}`}
            target={{ collection: 'pact.rounds', id: round.id, field: 'feedback' }}
            label={t('monitoring.feedback')}
            placeholder={t('monitoring.feedbackPlaceholder')}
            className="pm-input pm-feedback"
            rows={4}
            data-field="feedback"
            disabled={!editable}
            onPresence={(on) => actions.setEditing(on ? round.id : null, 'feedback')}
          />
        </div>
      </div>

      <div className="pm-subhead">
        <h3>{t('monitoring.adaptations')}</h3>
        {editable && (
          <button
            data-testid="add-adaptation"
            onClick={(e) => {
              const id = write.addAdaptation(round.id)
              made(id, e.currentTarget)
              // its «Che cosa» takes the focus, and what is typed before it is drawn
              if (id) focusNewField(`[data-adaptation-id="${CSS.escape(id)}"] [data-field=what]`)
            }}
          >
            + {t('monitoring.addAdaptation')}
          </button>
        )}
      </div>
      <AdaptationsList
        round={round.id}
        adaptations={adaptations}
        actors={actors}
        targets={targets}
        editable={editable}
        write={write}
      />
    </section>
  )
}
