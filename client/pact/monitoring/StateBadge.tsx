import { useTranslation } from 'react-i18next'
import type { HealthState } from '../../../shared/pact/monitoring.ts'
import { ON_TRACK_RATIO, WARNING_RATIO } from '../../../shared/pact/trajectory.ts'

/** The colours of the states (text on white and fills on the charts; contrast ≥ 4.5:1). */
export const STATE_COLORS: Record<HealthState, string> = {
  'on-track': '#1d7a3a',
  warning: '#8a5a00',
  critical: '#b3261e',
  'no-state': '#5b6472',
  unmeasured: '#5b6472',
}
const MARKS: Record<HealthState, string> = {
  'on-track': '●',
  warning: '▲',
  critical: '■',
  'no-state': '○',
  unmeasured: '○',
}

/** A state as a pill: colour, a shape (not colour alone) and the word. */
export function StateBadge({ state, title }: { state: HealthState; title?: string }) {
  const { t } = useTranslation('pactMonitoring')
  return (
    <span
      className="pm-state"
      data-state={state}
      title={title}
      style={{ color: STATE_COLORS[state], borderColor: STATE_COLORS[state] }}
    >
      <span aria-hidden="true">{MARKS[state]}</span> {t(`states.${state}`)}
    </span>
  )
}

/** The thresholds, stated where the states are shown. */
export function ThresholdNote() {
  const { t } = useTranslation('pactMonitoring')
  return (
    <p className="pm-thresholds" data-testid="thresholds">
      {t('thresholds', {
        onTrack: Math.round(ON_TRACK_RATIO * 100),
        warning: Math.round(WARNING_RATIO * 100),
      })}
    </p>
  )
}
