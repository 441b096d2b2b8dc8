import { useTranslation } from 'react-i18next'
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/schema/index.ts'
import type { CommitmentSummary } from '../indicators/data.ts'
import { ReadOnlyValue } from '../indicators/fields.tsx'

/** The commitments of the ledger with their status, updated during the round. */
export function CommitmentStatusList({
  commitments,
  actorNames,
  editable,
  onStatus,
}: {
  commitments: readonly CommitmentSummary[]
  actorNames: ReadonlyMap<string, string>
  editable: boolean
  onStatus(id: string, status: CommitmentStatus): void
}) {
  const { t } = useTranslation('pactMonitoring')
  if (!commitments.length) return <p className="pm-empty">{t('monitoring.noCommitments')}</p>
  return (
    <ul className="pm-commitments" data-testid="round-commitments">
      {commitments.map((c) => {
        const who = actorNames.get(c.actor) || t('unnamed')
        const what = c.label || t('unnamed')
        return (
          <li key={c.id} data-commitment-id={c.id} data-status={c.status}>
            <span className="pm-commitment-text">
              <strong>{who}</strong> — {what}
            </span>
            {editable ? (
              <select
                aria-label={t('monitoring.statusOf', { what: `${who} — ${what}` })}
                value={c.status}
                data-status={c.status}
                onChange={(e) => onStatus(c.id, e.target.value as CommitmentStatus)}
              >
                {COMMITMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`commitmentStatuses.${s}`)}
                  </option>
                ))}
              </select>
            ) : (
              <ReadOnlyValue
                text={t(`commitmentStatuses.${c.status}`)}
                label={t('monitoring.statusOf', { what: `${who} — ${what}` })}
                field="status"
              />
            )}
          </li>
        )
      })}
    </ul>
  )
}
