import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import {
  BODY_LEVELS,
  DECISION_RULES,
  FREQUENCIES,
  type BodyLevel,
  type DecisionRule,
  type Frequency,
} from '../../../shared/schema/index.ts'
import type { Actor } from '../../../shared/stakeholders/actors.ts'
import { CategoryIcon, CATEGORY_COLORS } from '../../stakeholders/visuals.tsx'
import { useBoard } from '../../store/context.tsx'
import { canEdit } from '../../store/boardStore.ts'
import type { Body } from '../data.ts'
import { PactText } from '../PactText.tsx'
import { usePactActions } from '../usePactActions.ts'
import { AddMember } from './AddMember.tsx'
import { LEVEL_COLORS } from './levels.ts'

/** One body of the pact, editable in place. */
export function BodyCard({ body, actors }: { body: Body; actors: Actor[] }) {
  const { t } = useTranslation('pact')
  const editable = useBoard(canEdit)
  const pact = usePactActions()
  const card = useRef<HTMLElement>(null)
  const name = body.label || t('governance.unnamedBody')
  const byId = new Map(actors.map((a) => [a.id, a]))
  const members = body.members.flatMap((id) => {
    const a = byId.get(id)
    return a ? [a] : []
  })
  const others = actors.filter((a) => !body.members.includes(a.id))
  const actorName = (a: Actor) => a.label || t('unnamedActor')
  /** A choice of the body's; `value` null: not decided yet (the rule and the rhythm). */
  const select = <T extends string>(
    field: 'level' | 'decision' | 'frequency',
    value: T | null,
    options: readonly T[],
    ns: string,
  ) =>
    editable ? (
      <select
        className={`pact-select${value === null ? ' undecided' : ''}`}
        data-field={field}
        aria-label={`${t(`governance.fields.${field}`)} · ${name}`}
        value={value ?? ''}
        onChange={(e) => pact.updateBody(body.id, { [field]: e.target.value || null })}
      >
        {field !== 'level' && <option value="">{t('governance.undecidedOption')}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${ns}.${o}`)}
          </option>
        ))}
      </select>
    ) : (
      <span data-field={field} className={value === null ? 'undecided' : undefined}>
        {value === null ? t('governance.undecided') : t(`${ns}.${value}`)}
      </span>
    )

  return (
    <article
      ref={card}
      className="gov-body pact-panel"
      data-body-id={body.id}
      data-label={body.label}
      style={{ borderLeftColor: LEVEL_COLORS[body.level] }}
    >
      <div className="gov-body-title">
        <PactText
          collection="pact.bodies"
          id={body.id}
          field="label"
          label={t('governance.fields.label')}
          placeholder={t('governance.labelPlaceholder')}
          className="pact-input gov-body-name"
          multiline
        />
        {editable && (
          <button
            className="pact-icon-button danger"
            title={t('governance.remove')}
            aria-label={`${t('governance.remove')} · ${name}`}
            onClick={() => pact.removeBody(body.id)}
          >
            ✕
          </button>
        )}
      </div>
      <div className="gov-body-grid">
        <label className="pact-field">
          <span>{t('governance.fields.level')}</span>
          {select<BodyLevel>('level', body.level, BODY_LEVELS, 'levels')}
        </label>
        <label className="pact-field">
          <span>{t('governance.fields.decision')}</span>
          {select<DecisionRule>('decision', body.decision, DECISION_RULES, 'decisions')}
        </label>
        <label className="pact-field">
          <span>{t('governance.fields.frequency')}</span>
          {select<Frequency>('frequency', body.frequency, FREQUENCIES, 'frequencies')}
        </label>
      </div>
      <label className="pact-field">
        <span>{t('governance.fields.mandate')}</span>
        <PactText
          collection="pact.bodies"
          id={body.id}
          field="mandate"
          label={`${t('governance.fields.mandate')} · ${name}`}
          placeholder={t('governance.mandatePlaceholder')}
          multiline
          rows={2}
        />
      </label>
      <div className="pact-field">
        <span>{t('governance.fields.members')}</span>
        <ul className="gov-members" aria-label={`${t('governance.fields.members')} · ${name}`}>
          {members.map((a) => (
            <li
              key={a.id}
              className={`gov-member${body.lead === a.id ? ' lead' : ''}`}
              data-actor-id={a.id}
              style={{ borderColor: CATEGORY_COLORS[a.category].ink }}
            >
              <CategoryIcon category={a.category} size={13} />
              <span>{actorName(a)}</span>
              {body.lead === a.id && (
                <span className="gov-lead-mark" title={t('governance.fields.lead')}>
                  ★ {t('governance.leadShort')}
                </span>
              )}
              {editable && (
                <button
                  className="gov-member-remove"
                  aria-label={t('governance.removeMember', { name: actorName(a) })}
                  title={t('governance.removeMember', { name: actorName(a) })}
                  onClick={() => pact.toggleMember(body, a.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
          {members.length === 0 && <li className="pact-hint">{t('governance.noMembers')}</li>}
        </ul>
        {editable && actors.length > 0 && (
          <AddMember
            body={body}
            others={others}
            name={name}
            actorName={actorName}
            // the next field of the card, as Tab would reach it with the button gone
            onLast={() => card.current?.querySelector<HTMLElement>('[data-field=lead]')?.focus()}
          />
        )}
      </div>
      <label className="pact-field">
        <span>{t('governance.fields.lead')}</span>
        {editable ? (
          <select
            className="pact-select"
            data-field="lead"
            aria-label={`${t('governance.fields.lead')} · ${name}`}
            value={body.lead ?? ''}
            onChange={(e) => pact.setLead(body, e.target.value || null)}
          >
            <option value="">{t('governance.noLead')}</option>
            {members.map((a) => (
              <option key={a.id} value={a.id}>
                {actorName(a)}
              </option>
            ))}
          </select>
        ) : (
          <span data-field="lead">
            {(body.lead && byId.get(body.lead)?.label) || t('governance.noLead')}
          </span>
        )}
      </label>
    </article>
  )
}
