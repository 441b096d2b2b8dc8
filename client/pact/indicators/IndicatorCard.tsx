import { useTranslation } from 'react-i18next'
import {
  FREQUENCIES,
  INDICATOR_DIRECTIONS,
  type IndicatorDirection,
} from '../../../shared/schema/index.ts'
import type { Indicator } from '../../../shared/pact/monitoring.ts'
import { trajectoryLine } from '../../../shared/pact/trajectory.ts'
import { SharedTextField } from '../../text/SharedTextField.tsx'
import { WrittenField } from '../../kit/WriterMark.tsx'
import { useBoardActions } from '../../store/context.tsx'
import type { Named, RowName } from './data.ts'
import { ChoiceField, DateField, NumberField } from './fields.tsx'
import { ActorSelect, LinkSelect } from './selects.tsx'
import type { useIndicatorActions } from './useIndicatorActions.ts'

/** One indicator of the pact, every field editable in place (read-only for viewers). */
export function IndicatorCard({
  indicator,
  editable,
  actors,
  objectives,
  rows,
  write,
}: {
  indicator: Indicator
  editable: boolean
  actors: readonly Named[]
  objectives: readonly Named[]
  rows: readonly RowName[]
  write: ReturnType<typeof useIndicatorActions>
}) {
  const { t, i18n } = useTranslation('pactMonitoring')
  const actions = useBoardActions()
  const i = indicator
  const name = i.label || t('indicators.unnamed')
  const label = (field: string) => `${t(`indicators.fields.${field}`)} · ${name}`
  const update = (patch: Parameters<typeof write.update>[1]) => write.update(i.id, patch)
  // (the name of who else writes in it over the indicator's name, the others outlined)
  const text = (field: 'label' | 'unit' | 'source', multiline = false) => (
    <WrittenField id={i.id} field={field} named={field === 'label'} className="pm-written">
      <SharedTextField
        target={{ collection: 'pact.indicators', id: i.id, field }}
        label={field === 'label' ? t('indicators.fields.label') : label(field)}
        placeholder={
          field === 'unit' || field === 'label' || field === 'source'
            ? t(`indicators.placeholders.${field}`)
            : undefined
        }
        multiline={multiline}
        rows={multiline && field === 'label' ? 2 : 1}
        className={`pm-input pm-${field}`}
        data-field={field}
        disabled={!editable}
        onPresence={(on) => actions.setEditing(on ? i.id : null, field)}
      />
    </WrittenField>
  )
  const directionText = (d: IndicatorDirection) =>
    (d === 'increase' ? '↗ ' : '↘ ') + t(`directions.${d}`)
  const plan = trajectoryLine(i)
  const lang = i18n.language
  const invalidText = t('indicators.invalidNumber')
  return (
    <article className="pm-indicator" data-indicator-id={i.id} data-label={i.label}>
      <div className="pm-indicator-head">
        {text('label', true)}
        {editable && (
          <button
            className="pm-icon"
            title={t('indicators.remove')}
            aria-label={`${t('indicators.remove')} · ${name}`}
            onClick={() => {
              if (window.confirm(t('indicators.removeConfirm', { label: name }))) write.remove(i.id)
            }}
          >
            ✕
          </button>
        )}
      </div>
      <div className="pm-grid">
        <label className="pm-field">
          <span>{t('indicators.fields.unit')}</span>
          {text('unit', true)}
        </label>
        <label className="pm-field">
          <span>{t('indicators.fields.direction')}</span>
          <ChoiceField
            value={i.direction}
            options={INDICATOR_DIRECTIONS}
            textOf={directionText}
            label={label('direction')}
            field="direction"
            disabled={!editable}
            onChange={(direction) => update({ direction })}
          />
        </label>
        <label className="pm-field">
          <span>{t('indicators.fields.frequency')}</span>
          <ChoiceField
            value={i.frequency}
            options={FREQUENCIES}
            textOf={(f) => t(`frequencies.${f}`)}
            label={label('frequency')}
            field="frequency"
            disabled={!editable}
            onChange={(frequency) => update({ frequency })}
          />
        </label>
        <label className="pm-field">
          <span>{t('indicators.fields.responsible')}</span>
          <ActorSelect
            value={i.responsible}
            actors={actors}
            label={label('responsible')}
            data-field="responsible"
            disabled={!editable}
            onChange={(responsible) => update({ responsible })}
          />
        </label>
        <fieldset className="pm-pair">
          <legend>{t('indicators.baselineGroup')}</legend>
          <NumberField
            value={i.baseline}
            label={label('baseline')}
            data-field="baseline"
            lang={lang}
            invalidText={invalidText}
            disabled={!editable}
            onCommit={(baseline) => update({ baseline })}
          />
          <DateField
            value={i.baselineDate}
            label={label('baselineDate')}
            data-field="baselineDate"
            disabled={!editable}
            onCommit={(baselineDate) => update({ baselineDate })}
          />
        </fieldset>
        <fieldset className="pm-pair">
          <legend>{t('indicators.targetGroup')}</legend>
          <NumberField
            value={i.target}
            label={label('target')}
            data-field="target"
            lang={lang}
            invalidText={invalidText}
            disabled={!editable}
            onCommit={(target) => update({ target })}
          />
          <DateField
            value={i.targetDate}
            label={label('targetDate')}
            data-field="targetDate"
            disabled={!editable}
            onCommit={(targetDate) => update({ targetDate })}
          />
        </fieldset>
        <label className="pm-field">
          <span>{t('indicators.fields.source')}</span>
          {text('source', true)}
        </label>
        <label className="pm-field">
          <span>{t('indicators.fields.linkedTo')}</span>
          <LinkSelect
            objective={i.objective}
            activity={i.activity}
            objectives={objectives}
            rows={rows}
            label={label('linkedTo')}
            disabled={!editable}
            onChange={(link) => update(link)}
          />
        </label>
      </div>
      {'reason' in plan && (
        <p className="pm-note" data-testid="indicator-no-state">
          {t('indicators.noState', { reason: t(`reasons.${plan.reason}`) })}
        </p>
      )}
    </article>
  )
}
