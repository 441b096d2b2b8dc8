import { useTranslation } from 'react-i18next'
import { focusNewField } from '../../text/typeAhead.ts'
import { ToolbarMenu } from '../../kit/ToolbarMenu.tsx'
import { ledgerToCsv } from '../../../shared/pact/ledger.ts'
import { useBoard } from '../../store/context.tsx'
import { canEdit, type BoardState } from '../../store/boardStore.ts'
import { usePactActions } from '../usePactActions.ts'
import { useBackToMaker } from '../useBackToMaker.ts'
import { Adhesions } from './Adhesions.tsx'
import { LedgerGaps } from './LedgerGaps.tsx'
import { LedgerTable } from './LedgerTable.tsx'
import { LedgerTotals } from './LedgerTotals.tsx'
import { useLedger, type Ledger } from './useLedger.ts'
import './commitments.css'
import { ledgerCsvNames } from '../../../shared/document/pactTables.ts'

const titleSelector = (s: BoardState) => s.title

/**
 * Impegni reciproci: the ledger of what each actor puts into the pact, its totals, the gaps
 * nobody covers yet, and each actor's adhesion.
 */
export function CommitmentsView() {
  const { t } = useTranslation('pact')
  const editable = useBoard(canEdit)
  const ledger = useLedger()
  const pact = usePactActions()
  const made = useBackToMaker(ledger.commitments.map((c) => c.id))
  return (
    <div className="pact-commitments" data-testid="pact-commitments">
      <div className="ledger-bar">
        <h2>{t('ledger.title')}</h2>
        {editable && (
          // A menu, not a select: a select acted as soon as its value changed, and one ↓ on the
          // closed list (a keyboard user walking the page) created a commitment for the first
          // actor. The menu opens with Enter or a click; an actor's item, chosen, adds one.
          <ToolbarMenu
            className="pact-select ledger-add"
            label={`+ ${t('ledger.addFor')}`}
            title={t('ledger.addFor')}
            disabled={ledger.actors.length === 0}
            arrowOpens
          >
            {(close) =>
              ledger.actors.map((a) => (
                <button
                  key={a.id}
                  role="menuitem"
                  data-menu-item
                  onClick={() => {
                    // the menu closes first: its button takes the focus back, the new row's
                    // «Che cosa» then takes it from there
                    close()
                    const id = pact.addCommitment(ledger.commitments, { actor: a.id })
                    made(id, document.activeElement)
                    if (id) focusWhat(id)
                  }}
                >
                  {a.label || t('unnamedActor')}
                </button>
              ))
            }
          </ToolbarMenu>
        )}
        <span className="pact-count" data-testid="ledger-count">
          {t('ledger.count', { count: ledger.commitments.length })}
        </span>
        <CsvButton ledger={ledger} />
      </div>
      {editable && ledger.actors.length === 0 && (
        <p className="pact-hint">{t('governance.noActors')}</p>
      )}
      <LedgerTable ledger={ledger} />
      <div className="ledger-panels">
        <LedgerTotals ledger={ledger} />
        <LedgerGaps ledger={ledger} />
        <Adhesions ledger={ledger} />
      </div>
    </div>
  )
}

/** The new commitment's «Che cosa»: it takes the focus, so what is typed next lands there. */
function focusWhat(id: string): void {
  const row = `tr[data-commitment-id="${CSS.escape(id)}"] .ledger-what`
  focusNewField(`${row} textarea, ${row} input`)
}

function fileSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}

/** The ledger as a spreadsheet, in the page's language. */
function CsvButton({ ledger }: { ledger: Ledger }) {
  const { t, i18n } = useTranslation('pact')
  const title = useBoard(titleSelector)
  const download = () => {
    const csv = ledgerToCsv(
      ledger.commitments,
      ledger.nameOf,
      ledgerCsvNames(i18n.language.startsWith('en') ? 'en' : 'it'),
    )
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = [t('ledger.csvFile'), fileSlug(title)].filter(Boolean).join('-') + '.csv'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return (
    <button className="ledger-csv" data-testid="ledger-csv" onClick={download}>
      ⬇ {t('ledger.csv')}
    </button>
  )
}
