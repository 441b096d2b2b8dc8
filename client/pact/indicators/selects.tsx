import { useTranslation } from 'react-i18next'
import type { Named, RowName } from './data.ts'
import { ReadOnlyValue } from './fields.tsx'

const trim = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** Chooses an actor of the register, or none. */
export function ActorSelect({
  value,
  actors,
  onChange,
  label,
  disabled,
  ...rest
}: {
  value: string | null
  actors: readonly Named[]
  onChange(id: string | null): void
  label: string
  disabled?: boolean
  'data-field'?: string
}) {
  const { t } = useTranslation('pactMonitoring')
  const known = value === null || actors.some((a) => a.id === value)
  if (disabled) {
    const actor = actors.find((a) => a.id === value)
    const text = value === null ? t('none') : actor ? actor.label || t('unnamed') : t('removed')
    return <ReadOnlyValue text={text} label={label} field={rest['data-field']} />
  }
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value || null)}
      {...rest}
    >
      <option value="">{t('none')}</option>
      {!known && <option value={value!}>{t('removed')}</option>}
      {actors.map((a) => (
        <option key={a.id} value={a.id}>
          {trim(a.label || t('unnamed'))}
        </option>
      ))}
    </select>
  )
}

/**
 * Chooses what an indicator measures: an objective of the tree or a row of the logframe (one of
 * the two, or nothing). The value is `objective:<id>` or `activity:<id>`.
 */
export function LinkSelect({
  objective,
  activity,
  objectives,
  rows,
  onChange,
  label,
  disabled,
}: {
  objective: string | null
  activity: string | null
  objectives: readonly Named[]
  rows: readonly RowName[]
  onChange(link: { objective: string | null; activity: string | null }): void
  label: string
  disabled?: boolean
}) {
  const { t } = useTranslation('pactMonitoring')
  const value = activity ? `activity:${activity}` : objective ? `objective:${objective}` : ''
  const known =
    value === '' ||
    (activity ? rows.some((r) => r.id === activity) : objectives.some((o) => o.id === objective))
  if (disabled) {
    const row = activity ? rows.find((r) => r.id === activity) : undefined
    const goal = objective ? objectives.find((o) => o.id === objective) : undefined
    const text =
      value === ''
        ? t('none')
        : !known
          ? t('removed')
          : row
            ? `${t(`levels.${row.level}`)}: ${row.label || t('unnamed')}`
            : goal!.label || t('unnamed')
    return <ReadOnlyValue text={text} label={label} field="linkedTo" />
  }
  return (
    <select
      aria-label={label}
      data-field="linkedTo"
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const v = e.target.value
        const [kind, ...rest] = v.split(':')
        const id = rest.join(':') || null
        onChange({
          objective: kind === 'objective' ? id : null,
          activity: kind === 'activity' ? id : null,
        })
      }}
    >
      <option value="">{t('none')}</option>
      {!known && <option value={value}>{t('removed')}</option>}
      {objectives.length > 0 && (
        <optgroup label={t('targetKinds.objective')}>
          {objectives.map((o) => (
            <option key={o.id} value={`objective:${o.id}`}>
              {trim(o.label || t('unnamed'))}
            </option>
          ))}
        </optgroup>
      )}
      {rows.length > 0 && (
        <optgroup label={t('targetKinds.activity')}>
          {rows.map((r) => (
            <option key={r.id} value={`activity:${r.id}`}>
              {t(`levels.${r.level}`)}: {trim(r.label || t('unnamed'), 50)}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  )
}
