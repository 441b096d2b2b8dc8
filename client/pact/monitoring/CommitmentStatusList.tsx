import { useTranslation } from 'react-i18next'
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/schema/index.ts'
import type { CommitmentSummary } from '../indicators/data.ts'
import { ChoiceField } from '../indicators/fields.tsx'

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
            <ChoiceField
              value={c.status}
              options={COMMITMENT_STATUSES}
              textOf={(s) => t(`commitmentStatuses.${s}`)}
              label={t('monitoring.statusOf', { what: `${who} — ${what}` })}
              field="status"
              data-status={c.status}
              disabled={!editable}
              onChange={(status: CommitmentStatus) => onStatus(c.id, status)}
            />
          </li>
        )
      })}
    </ul>
  )
}
