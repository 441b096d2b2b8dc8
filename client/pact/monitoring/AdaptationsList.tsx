import { useTranslation } from 'react-i18next'
import { ADAPTATION_TARGETS, type AdaptationTarget } from '../../../shared/schema/index.ts'
import type { Adaptation } from '../../../shared/pact/monitoring.ts'
import { SharedTextField } from '../../text/SharedTextField.tsx'
import { useBoardActions } from '../../store/context.tsx'
import type { Named } from '../indicators/data.ts'
import { DateField, ReadOnlyValue } from '../indicators/fields.tsx'
import { ActorSelect } from '../indicators/selects.tsx'
import type { useMonitoringActions } from './useMonitoringActions.ts'

/** What an adaptation can change, by kind: the pact's items and the method's. */
export type TargetOptions = Record<AdaptationTarget, readonly Named[]>

const trim = (s: string, max = 50) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** The adaptations a round decided: what, who, by when, the item they change, done. */
export function AdaptationsList({
  round,
  adaptations,
  actors,
  targets,
  editable,
  write,
}: {
  round: string
  adaptations: readonly Adaptation[]
  actors: readonly Named[]
  targets: TargetOptions
  editable: boolean
  write: ReturnType<typeof useMonitoringActions>
}) {
  const { t } = useTranslation('pactMonitoring')
  const actions = useBoardActions()
  const mine = adaptations.filter((a) => a.round === round)
  return (
    <div className="pm-adaptations" data-testid="adaptations">
      {mine.length === 0 && <p className="pm-empty">{t('monitoring.noAdaptations')}</p>}
      {mine.map((a) => {
        const value = a.targetKind && a.target ? `${a.targetKind}:${a.target}` : ''
        const name = a.what || t('unnamed')
        const known =
          !a.targetKind || !a.target || targets[a.targetKind].some((i) => i.id === a.target)
        return (
          <div
            key={a.id}
            className={`pm-adaptation${a.done ? ' is-done' : ''}`}
            data-adaptation-id={a.id}
          >
            <label className="pm-check">
              <input
                type="checkbox"
                checked={a.done}
                disabled={!editable}
                aria-label={`${t('monitoring.adaptation.done')} · ${name}`}
                onChange={(e) => write.updateAdaptation(a.id, { done: e.target.checked })}
              />
              {t('monitoring.adaptation.done')}
            </label>
            <SharedTextField
              target={{ collection: 'pact.adaptations', id: a.id, field: 'what' }}
              label={t('monitoring.adaptation.what')}
              placeholder={t('monitoring.adaptation.whatPlaceholder')}
              className="pm-input pm-what"
              rows={1}
              data-field="what"
              disabled={!editable}
              onPresence={(on) => actions.setEditing(on ? a.id : null, 'what')}
            />
            <label className="pm-field">
              <span>{t('monitoring.adaptation.who')}</span>
              <ActorSelect
                value={a.who}
                actors={actors}
                label={`${t('monitoring.adaptation.who')} · ${name}`}
                data-field="who"
                disabled={!editable}
                onChange={(who) => write.updateAdaptation(a.id, { who })}
              />
            </label>
            <label className="pm-field">
              <span>{t('monitoring.adaptation.due')}</span>
              <DateField
                value={a.due}
                label={`${t('monitoring.adaptation.due')} · ${name}`}
                data-field="due"
                disabled={!editable}
                onCommit={(due) => write.updateAdaptation(a.id, { due })}
              />
            </label>
            <label className="pm-field pm-target">
              <span>{t('monitoring.adaptation.target')}</span>
              {editable ? (
                <select
                  aria-label={`${t('monitoring.adaptation.target')} · ${name}`}
                  data-field="target"
                  value={value}
                  onChange={(e) => {
                    const [kind, ...rest] = e.target.value.split(':')
                    const id = rest.join(':')
                    write.updateAdaptation(
                      a.id,
                      id
                        ? { targetKind: kind as AdaptationTarget, target: id }
                        : { targetKind: null, target: null },
                    )
                  }}
                >
                  <option value="">{t('none')}</option>
                  {!known && <option value={value}>{t('removed')}</option>}
                  {ADAPTATION_TARGETS.map(
                    (kind) =>
                      targets[kind].length > 0 && (
                        <optgroup key={kind} label={t(`targetKinds.${kind}`)}>
                          {targets[kind].map((item) => (
                            <option key={item.id} value={`${kind}:${item.id}`}>
                              {trim(item.label || t('unnamed'))}
                            </option>
                          ))}
                        </optgroup>
                      ),
                  )}
                </select>
              ) : (
                <ReadOnlyValue
                  text={
                    !value
                      ? t('none')
                      : !known
                        ? t('removed')
                        : trim(
                            targets[a.targetKind!].find((item) => item.id === a.target)?.label ||
                              t('unnamed'),
                          )
                  }
                  label={`${t('monitoring.adaptation.target')} · ${name}`}
                  field="target"
                />
              )}
            </label>
            {editable && (
              <button
                className="pm-icon"
                title={t('monitoring.adaptation.remove')}
                aria-label={`${t('monitoring.adaptation.remove')} · ${name}`}
                onClick={() => write.removeAdaptation(a.id)}
              >
                ✕
              </button>
            )}
          </div>
        )
      })}
    </div>
  )
}
