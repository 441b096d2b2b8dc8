import { useTranslation } from 'react-i18next'
import { formatDay } from '../../../shared/document/labels.ts'
import { DayInput } from '../DayInput.tsx'
import { useBoard } from '../../store/context.tsx'
import { canEdit } from '../../store/boardStore.ts'
import { useAdhesions } from '../data.ts'
import { PactText } from '../PactText.tsx'
import { usePactActions } from '../usePactActions.ts'
import type { Ledger } from './useLedger.ts'

/** Each actor's adhesion to the pact: whether it adheres, since when, who signed for it. */
export function Adhesions({ ledger }: { ledger: Ledger }) {
  const { t, i18n } = useTranslation('pact')
  const editable = useBoard(canEdit)
  const adhesions = useAdhesions()
  const pact = usePactActions()
  const adhering = ledger.actors.filter((a) => adhesions.get(a.id)?.adheres).length
  return (
    <section className="pact-panel adhesions" aria-labelledby="adhesions-title">
      <div className="gov-head">
        <h3 id="adhesions-title">{t('adhesions.title')}</h3>
        <span className="pact-count" data-testid="adhesions-count">
          {t('adhesions.count', { count: adhering, total: ledger.actors.length })}
        </span>
      </div>
      {ledger.actors.length === 0 ? (
        <p className="pact-hint">{t('governance.noActors')}</p>
      ) : (
        <table className="adhesions-table">
          <thead>
            <tr>
              <th>{t('adhesions.actor')}</th>
              <th>{t('adhesions.adheres')}</th>
              <th>{t('adhesions.date')}</th>
              <th>{t('adhesions.signedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.actors.map((a) => {
              const ad = adhesions.get(a.id)
              const name = a.label || t('unnamedActor')
              const state = ad ? (ad.adheres ? 'yes' : 'no') : ''
              return (
                <tr key={a.id} data-actor-id={a.id}>
                  <th scope="row">{name}</th>
                  {/* data-column: the column's name, shown above the field where a phone stacks the row */}
                  <td data-column={t('adhesions.adheres')}>
                    {editable ? (
                      <select
                        className={`pact-select adheres-${state || 'unknown'}`}
                        data-field="adheres"
                        aria-label={`${t('adhesions.adheres')} · ${name}`}
                        value={state}
                        onChange={(e) =>
                          e.target.value
                            ? pact.setAdhesion(a.id, { adheres: e.target.value === 'yes' })
                            : pact.clearAdhesion(a.id)
                        }
                      >
                        {/* always there: an answer given by mistake can be taken back */}
                        <option value="">{t('adhesions.unknown')}</option>
                        <option value="yes">{t('adhesions.yes')}</option>
                        <option value="no">{t('adhesions.no')}</option>
                      </select>
                    ) : (
                      <span className={`adheres-${state || 'unknown'}`} data-field="adheres">
                        {state ? t(`adhesions.${state}`) : t('adhesions.unknown')}
                      </span>
                    )}
                  </td>
                  <td data-column={t('adhesions.date')}>
                    {editable ? (
                      <DayInput
                        stored={ad?.date ?? null}
                        onCommit={(date) => pact.setAdhesion(a.id, { date })}
                        className="pact-input"
                        data-field="date"
                        aria-label={`${t('adhesions.date')} · ${name}`}
                        disabled={!ad}
                        title={ad ? undefined : t('adhesions.firstSay')}
                      />
                    ) : (
                      // as the room reads a day (06/12/2026), not as it is stored (2026-12-06)
                      formatDay(ad?.date ?? null, i18n.language)
                    )}
                  </td>
                  <td data-column={t('adhesions.signedBy')}>
                    <PactText
                      collection="pact.adhesions"
                      id={a.id}
                      field="signedBy"
                      exists={!!ad}
                      label={`${t('adhesions.signedBy')} · ${name}`}
                      placeholder={
                        ad ? t('adhesions.signedByPlaceholder') : t('adhesions.firstSay')
                      }
                      multiline
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
