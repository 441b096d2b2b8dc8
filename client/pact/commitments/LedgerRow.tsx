import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  type CommitmentStatus,
  type CommitmentType,
} from '../../../shared/schema/index.ts'
import type { Commitment } from '../../../shared/pact/ledger.ts'
import { useBoard } from '../../store/context.tsx'
import { canEdit } from '../../store/boardStore.ts'
import { focusInNextRow } from '../../lib/dom.ts'
import { DayInput } from '../DayInput.tsx'
import { PactText } from '../PactText.tsx'
import { usePactActions } from '../usePactActions.ts'
import { AmountField } from './AmountField.tsx'
import './ledgerActor.css'
import { formatNumber } from './format.ts'
import { formatPeriod } from '../../../shared/document/labels.ts'
import type { Ledger } from './useLedger.ts'

export const STATUS_COLORS: Record<CommitmentStatus, string> = {
  proposed: '#5b6472',
  confirmed: '#2f5fa8',
  ongoing: '#8a5a00',
  kept: '#1d7a3a',
  broken: '#b3261e',
}

/**
 * A unit as it reads, with a line break allowed after each slash: «giorni/settimana» is wider
 * than its column, and ran into the period beside it (commitments.css breaks a word with no
 * slash too, as a last resort).
 */
function BreakAfterSlashes({ text }: { text: string }) {
  const parts = text.split('/')
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </span>
  ))
}

/** What a commitment is for, as one select value: an objective or a logframe row. */
function forValue(c: Commitment): string {
  return c.activity ? `r:${c.activity}` : c.objective ? `o:${c.objective}` : ''
}

/** One commitment of the ledger, every cell editable in place. */
export function LedgerRow({ c, ledger }: { c: Commitment; ledger: Ledger }) {
  const { t, i18n } = useTranslation('pact')
  const editable = useBoard(canEdit)
  const pact = usePactActions()
  const [dateError, setDateError] = useState(false)
  const actorName = ledger.nameOf(c.actor) || t('unnamedActor')
  const label = (column: string) => `${t(`ledger.columns.${column}`)} · ${actorName}`
  // the column's name on its cell, shown above the value where a phone stacks the row
  const column = (name: string) => ({ 'data-column': t(`ledger.columns.${name}`) })
  const update = (patch: Parameters<typeof pact.updateCommitment>[1]) =>
    pact.updateCommitment(c.id, patch)

  const setDate = (field: 'from' | 'to', value: string) => {
    const next = value || null
    const from = field === 'from' ? next : c.from
    const to = field === 'to' ? next : c.to
    if (from && to && from > to) return setDateError(true)
    setDateError(false)
    update({ [field]: next })
  }

  const forName =
    (c.activity && ledger.nameOf(c.activity)) || (c.objective && ledger.nameOf(c.objective)) || ''

  if (!editable)
    return (
      <tr data-commitment-id={c.id} data-actor-id={c.actor}>
        <td className="ledger-actor" {...column('actor')}>
          {actorName}
        </td>
        <td className="ledger-type" {...column('type')}>
          {t(`types.${c.type}`)}
        </td>
        <td className="ledger-what" data-field="what" {...column('what')}>
          {c.what}
        </td>
        <td className="ledger-num" data-field="amount" {...column('amount')}>
          {c.amount === null ? '' : formatNumber(c.amount, i18n.language, c.unit)}
        </td>
        <td data-field="unit" {...column('unit')}>
          <BreakAfterSlashes text={c.unit} />
        </td>
        <td className="ledger-period-cell" data-field="period" {...column('period')}>
          {formatPeriod(c.from, c.to, i18n.language)}
        </td>
        <td className="ledger-for" {...column('for')}>
          {forName}
        </td>
        <td className="ledger-status-cell" {...column('status')}>
          <span className="ledger-status" style={{ color: STATUS_COLORS[c.status] }}>
            {t(`statuses.${c.status}`)}
          </span>
        </td>
      </tr>
    )

  // an objective or row no longer in scope still shows, so the select never lies
  const objectives = ledger.objectives.some((o) => o.id === c.objective)
    ? ledger.objectives
    : c.objective
      ? [...ledger.objectives, { id: c.objective, label: ledger.nameOf(c.objective), status: '' }]
      : ledger.objectives
  return (
    <tr data-commitment-id={c.id} data-actor-id={c.actor}>
      <td className="ledger-actor" {...column('actor')}>
        {/* the whole name, over as many lines as it needs (a select's box cut it at
            «Confartigianato Lecc» on a 1366 px laptop); the select lies over it, unseen, and
            opens its list where the name is pressed */}
        <span className="ledger-actor-pick">
          <span className="ledger-actor-name" aria-hidden="true">
            {actorName}
          </span>
          <select
            className="pact-select"
            data-field="actor"
            aria-label={label('actor')}
            value={c.actor}
            onChange={(e) => update({ actor: e.target.value })}
          >
            {!ledger.actors.some((a) => a.id === c.actor) && (
              <option value={c.actor}>{actorName}</option>
            )}
            {ledger.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label || t('unnamedActor')}
              </option>
            ))}
          </select>
        </span>
      </td>
      <td className="ledger-type" {...column('type')}>
        <select
          className="pact-select"
          data-field="type"
          aria-label={label('type')}
          value={c.type}
          onChange={(e) => update({ type: e.target.value as CommitmentType })}
        >
          {COMMITMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="ledger-what" {...column('what')}>
        <PactText
          collection="pact.commitments"
          id={c.id}
          field="what"
          label={label('what')}
          placeholder={t('ledger.whatPlaceholder')}
          multiline
        />
      </td>
      <td className="ledger-num" {...column('amount')}>
        <AmountField
          value={c.amount}
          label={label('amount')}
          lang={i18n.language}
          unit={c.unit}
          invalid={t('ledger.amountInvalid')}
          onCommit={(amount) => update({ amount })}
        />
      </td>
      <td className="ledger-unit" {...column('unit')}>
        <PactText
          collection="pact.commitments"
          id={c.id}
          field="unit"
          label={label('unit')}
          placeholder={t(`ledger.unitHint.${c.type}`)}
          multiline
        />
      </td>
      <td className="ledger-period-cell" {...column('period')}>
        <div className="ledger-period">
          {(['from', 'to'] as const).map((field) => (
            <DayInput
              key={field}
              stored={c[field]}
              onCommit={(day) => setDate(field, day ?? '')}
              className="pact-input"
              data-field={field}
              aria-label={label(field)}
              invalid={dateError}
              title={dateError ? t('ledger.dateOrder') : t(`ledger.columns.${field}`)}
            />
          ))}
          {dateError && (
            <span className="ledger-date-error" role="alert">
              {t('ledger.dateOrder')}
            </span>
          )}
        </div>
      </td>
      <td className="ledger-for" {...column('for')}>
        <select
          className="pact-select"
          data-field="for"
          aria-label={label('for')}
          title={forName || undefined}
          value={forValue(c)}
          onChange={(e) => {
            const v = e.target.value
            update({
              objective: v.startsWith('o:') ? v.slice(2) : null,
              activity: v.startsWith('r:') ? v.slice(2) : null,
            })
          }}
        >
          <option value="">{t('ledger.forNone')}</option>
          {objectives.length > 0 && (
            <optgroup label={t('ledger.forObjectives')}>
              {objectives.map((o) => (
                <option key={o.id} value={`o:${o.id}`}>
                  {o.label || t('vision.unnamed')}
                </option>
              ))}
            </optgroup>
          )}
          {(['result', 'activity'] as const).map((level) => {
            const rows = ledger.rows.filter((r) => r.level === level)
            return rows.length ? (
              <optgroup key={level} label={t(`ledger.forLevel.${level}`)}>
                {rows.map((r) => (
                  <option key={r.id} value={`r:${r.id}`}>
                    {r.text || t('vision.unnamed')}
                  </option>
                ))}
              </optgroup>
            ) : null
          })}
        </select>
      </td>
      <td className="ledger-status-cell" {...column('status')}>
        <select
          className="pact-select ledger-status"
          data-field="status"
          aria-label={label('status')}
          value={c.status}
          style={{ color: STATUS_COLORS[c.status] }}
          onChange={(e) => update({ status: e.target.value as CommitmentStatus })}
        >
          {COMMITMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="ledger-remove">
        <button
          className="pact-icon-button danger"
          title={t('ledger.remove')}
          aria-label={`${t('ledger.remove')} · ${actorName}`}
          onClick={(e) => {
            // the next commitment's ✕ takes the focus (the previous one's, else «+ Nuovo impegno»)
            focusInNextRow(
              e.currentTarget,
              '.ledger-remove button',
              document.querySelector<HTMLElement>('.ledger-add'),
            )
            pact.removeCommitment(c.id)
          }}
        >
          ✕
        </button>
      </td>
    </tr>
  )
}
