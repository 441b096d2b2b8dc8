import { useTranslation } from 'react-i18next'
import { indicatorsToCsv, INDICATOR_COLUMNS } from '../../../shared/pact/monitoringCsv.ts'
import type { Indicator } from '../../../shared/pact/monitoring.ts'
import { forText } from '../../../shared/pact/ledger.ts'
import { PACT_LABELS } from '../../../shared/document/pactLabels.ts'
import { canEdit, type BoardState } from '../../store/boardStore.ts'
import { useBoard } from '../../store/context.tsx'
import {
  nameMap,
  useActorNames,
  useIndicators,
  useLogframeRowNames,
  useObjectiveNames,
} from './data.ts'
import { downloadCsv } from './download.ts'
import { IndicatorCard } from './IndicatorCard.tsx'
import { INDICATOR_PRESETS, presetFields, type PresetKey } from './presets.ts'
import { useIndicatorActions } from './useIndicatorActions.ts'
import { focusNewField } from '../../text/typeAhead.ts'
import { useBackToMaker } from '../useBackToMaker.ts'
import './indicators.css'

const titleSelector = (s: BoardState) => s.title

/** A new indicator's name takes the focus, and what is typed before it is drawn. */
function focusName(id: string | null): void {
  if (id) focusNewField(`[data-indicator-id="${CSS.escape(id)}"] [data-field=label]`)
}

/** Metriche di impatto: the pact's shared indicators, each tied to what it measures. */
export function IndicatorsView() {
  const { t, i18n } = useTranslation('pactMonitoring')
  const editable = useBoard(canEdit)
  const title = useBoard(titleSelector)
  const indicators = useIndicators()
  const made = useBackToMaker(indicators.map((i) => i.id))
  const actors = useActorNames()
  const objectives = useObjectiveNames()
  const rows = useLogframeRowNames()
  const write = useIndicatorActions()

  const addPreset = (key: PresetKey) =>
    focusName(
      write.add(
        indicators,
        presetFields(key, (field) => t(`presetItems.${key}.${field}`)),
      ),
    )

  const exportCsv = () => {
    const actorNames = nameMap(actors)
    const objectiveNames = nameMap(objectives)
    const rowNames = new Map(rows.map((r) => [r.id, r.label]))
    // the objective and the logframe row, both labelled, as the export's indicators CSV and
    // the pact document say it
    const links = PACT_LABELS[i18n.language.startsWith('en') ? 'en' : 'it'].links
    const linked = (i: Indicator) =>
      forText(i, (id) => objectiveNames.get(id) ?? rowNames.get(id) ?? '', links)
    const header = Object.fromEntries(
      INDICATOR_COLUMNS.map((c) => [c, t(`csvIndicators.${c}`)]),
    ) as Record<(typeof INDICATOR_COLUMNS)[number], string>
    const csv = indicatorsToCsv(indicators, header, {
      decimalComma: !i18n.language.startsWith('en'),
      direction: (d) => t(`directions.${d}`),
      frequency: (f) => t(`frequencies.${f}`),
      actor: (id) => actorNames.get(id) ?? '',
      linked,
      state: (s) => t(`states.${s}`),
    })
    downloadCsv(csv, t('indicators.csvFile'), title)
  }

  return (
    <div className="pm-view pm-indicators" data-testid="indicators-view">
      <header className="pm-header">
        <div>
          <h2>{t('indicators.title')}</h2>
          <p className="pm-muted">{t('indicators.intro')}</p>
        </div>
        <div className="pm-actions">
          <span className="pm-count" data-testid="indicator-count">
            {t('indicators.count', { count: indicators.length })}
          </span>
          <button onClick={exportCsv} data-testid="indicators-csv" disabled={!indicators.length}>
            ⬇ {t('indicators.csv')}
          </button>
          {editable && (
            <button
              className="primary"
              data-testid="add-indicator"
              onClick={(e) => {
                const id = write.add(indicators)
                made(id, e.currentTarget)
                focusName(id)
              }}
            >
              + {t('indicators.add')}
            </button>
          )}
        </div>
      </header>
      {editable && (
        <div className="pm-presets" role="group" aria-label={t('indicators.presets')}>
          <span className="pm-muted">{t('indicators.presets')}:</span>
          {INDICATOR_PRESETS.map((p) => (
            <button
              key={p.key}
              className="pm-chip"
              data-preset={p.key}
              title={t('indicators.presetHint')}
              onClick={() => addPreset(p.key)}
            >
              + {t(`presetItems.${p.key}.label`)}
            </button>
          ))}
        </div>
      )}
      {indicators.length === 0 ? (
        <p className="pm-empty">{t('indicators.empty')}</p>
      ) : (
        <div className="pm-indicator-list">
          {indicators.map((i) => (
            <IndicatorCard
              key={i.id}
              indicator={i}
              editable={editable}
              actors={actors}
              objectives={objectives}
              rows={rows}
              write={write}
            />
          ))}
        </div>
      )}
    </div>
  )
}
