import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMITMENT_TYPES } from '../../../shared/schema/index.ts'
import type { LedgerTotal } from '../../../shared/pact/ledger.ts'
import { formatAmounts } from './format.ts'
import type { Ledger } from './useLedger.ts'

const GROUPS = ['actor', 'type', 'objective'] as const
type Group = (typeof GROUPS)[number]

/** Totals per actor, per type or per objective: one sum per unit, and the count. */
export function LedgerTotals({ ledger }: { ledger: Ledger }) {
  const { t, i18n } = useTranslation('pact')
  const [group, setGroup] = useState<Group>('actor')
  const entries: { key: string; name: string; total: LedgerTotal }[] =
    group === 'actor'
      ? ledger.actors.flatMap((a) => {
          const total = ledger.byActor.get(a.id)
          return total ? [{ key: a.id, name: a.label || t('unnamedActor'), total }] : []
        })
      : group === 'type'
        ? COMMITMENT_TYPES.flatMap((type) => {
            const total = ledger.byType.get(type)
            return total ? [{ key: type, name: t(`types.${type}`), total }] : []
          })
        : [...ledger.byObjective].map(([id, total]) => ({
            key: id,
            name: ledger.nameOf(id) || t('vision.unnamed'),
            total,
          }))
  return (
    <section className="pact-panel ledger-totals" aria-labelledby="ledger-totals-title">
      <div className="gov-head">
        <h3 id="ledger-totals-title">{t('ledger.totals.title')}</h3>
        <div className="pact-views small" role="tablist" aria-label={t('ledger.totals.by')}>
          {GROUPS.map((g) => (
            <button
              key={g}
              role="tab"
              aria-selected={group === g}
              className={group === g ? 'on' : ''}
              data-totals={g}
              onClick={() => setGroup(g)}
            >
              {t(`ledger.totals.${g}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="pact-hint">{t('ledger.totals.hint')}</p>
      {entries.length === 0 ? (
        <p className="pact-hint">{t('ledger.totals.none')}</p>
      ) : (
        <table className="totals-table" data-testid={`totals-${group}`}>
          <tbody>
            {entries.map(({ key, name, total }) => (
              <tr key={key} data-total-key={key}>
                <th scope="row">{name}</th>
                <td className="totals-count">{t('ledger.totals.count', { count: total.count })}</td>
                <td className="totals-amounts" data-testid="total-amounts">
                  {formatAmounts(total, i18n.language, t('ledger.noUnit')).map((a) => (
                    <span key={a} className="totals-amount">
                      {a}
                    </span>
                  ))}
                  {total.unquantified > 0 && (
                    <span className="totals-unquantified">
                      {t('ledger.totals.unquantified', { count: total.unquantified })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
