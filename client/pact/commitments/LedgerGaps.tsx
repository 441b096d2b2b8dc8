import { useTranslation } from 'react-i18next'
import type { Ledger } from './useLedger.ts'

/** What nobody committed to yet, in plain sight. */
export function LedgerGaps({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation('pact')
  const { gaps } = ledger
  const lists = [
    { key: 'objectives', ids: gaps.objectives, scope: ledger.objectives.length },
    {
      key: 'activities',
      ids: gaps.activities,
      scope: ledger.rows.filter((r) => r.level === 'activity').length,
    },
    { key: 'actors', ids: gaps.actors, scope: ledger.actors.length },
  ] as const
  return (
    <section className="pact-panel ledger-gaps" aria-labelledby="ledger-gaps-title">
      <h3 id="ledger-gaps-title">{t('ledger.gaps.title')}</h3>
      {lists.map(({ key, ids, scope }) => (
        <div key={key} className="gap-group" data-gaps={key}>
          <h4>
            {t(`ledger.gaps.${key}`)}{' '}
            <span
              className={`gap-badge${ids.length ? ' open' : ' closed'}`}
              data-testid={`gaps-${key}`}
            >
              {ids.length}
            </span>
          </h4>
          {scope === 0 ? (
            <p className="pact-hint">{t(`ledger.gaps.noScope.${key}`)}</p>
          ) : ids.length === 0 ? (
            <p className="gap-done">{t(`ledger.gaps.allCovered.${key}`)}</p>
          ) : (
            <ul className="gap-list">
              {ids.map((id) => (
                <li key={id} data-gap-id={id}>
                  {ledger.nameOf(id) || t('vision.unnamed')}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  )
}
