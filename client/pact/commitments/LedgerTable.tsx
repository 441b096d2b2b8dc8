import { useTranslation } from 'react-i18next'
import { useBoard } from '../../store/context.tsx'
import { canEdit } from '../../store/boardStore.ts'
import { LedgerRow } from './LedgerRow.tsx'
import type { Ledger } from './useLedger.ts'

const COLUMNS = ['actor', 'type', 'what', 'amount', 'unit', 'period', 'for', 'status'] as const

/** The ledger of commitments, in the order they were made. */
export function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation('pact')
  const editable = useBoard(canEdit)
  return (
    <div className="ledger-scroll">
      <table className="ledger-table" data-testid="ledger">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} className={`col-${c}`}>
                {t(`ledger.columns.${c}`)}
              </th>
            ))}
            {editable && <th className="col-remove" aria-label={t('ledger.remove')} />}
          </tr>
        </thead>
        <tbody>
          {ledger.commitments.map((c) => (
            <LedgerRow key={c.id} c={c} ledger={ledger} />
          ))}
        </tbody>
      </table>
      {ledger.commitments.length === 0 && (
        <p className="pact-hint ledger-empty">{t('ledger.empty')}</p>
      )}
    </div>
  )
}
