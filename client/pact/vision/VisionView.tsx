import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PACT_INFO_ID } from '../../../shared/schema/index.ts'
import { useBoard } from '../../store/context.tsx'
import { canEdit, type BoardState } from '../../store/boardStore.ts'
import { useChosenStrategy, usePactInfo } from '../data.ts'
import { PactText } from '../PactText.tsx'
import { usePactActions } from '../usePactActions.ts'
import { YEAR_MAX, YEAR_MIN, YearField } from '../YearField.tsx'

const groupsSelector = (s: BoardState) => s.lists.targetGroups
const problemNodes = (s: BoardState) => s.canvases.problems.nodes

/**
 * Visione condivisa: the pact's common agenda as one text the room writes together, beside
 * what it rests on — the chosen strategy and its objectives, the target groups, the territory
 * and the time horizon.
 */
export function VisionView() {
  const { t } = useTranslation('pact')
  const info = usePactInfo()
  return (
    <div className="pact-vision" data-testid="pact-vision">
      <section className="pact-panel pact-vision-text">
        <h2>{t('vision.title')}</h2>
        <p className="pact-hint">{t('vision.hint')}</p>
        <PactText
          collection="pact.info"
          id={PACT_INFO_ID}
          field="vision"
          label={t('vision.title')}
          placeholder={t('vision.placeholder')}
          multiline
          rows={14}
          className="pact-input pact-vision-input"
          exists={info.exists}
        />
      </section>
      <aside className="pact-vision-frame">
        <FrameFields />
        <StrategyPanel />
        <TargetGroupsPanel />
      </aside>
    </div>
  )
}

function FrameFields() {
  const { t } = useTranslation('pact')
  const info = usePactInfo()
  const editable = useBoard(canEdit)
  const pact = usePactActions()
  const [error, setError] = useState<string | null>(null)
  const inRange = (year: number | null | undefined) =>
    year === undefined ? t('vision.horizon.invalid', { min: YEAR_MIN, max: YEAR_MAX }) : null
  return (
    <section className="pact-panel" aria-labelledby="pact-frame-title">
      <h3 id="pact-frame-title">{t('vision.frame')}</h3>
      <label className="pact-field">
        <span>{t('vision.territory')}</span>
        <PactText
          collection="pact.info"
          id={PACT_INFO_ID}
          field="territory"
          label={t('vision.territory')}
          placeholder={t('vision.territoryPlaceholder')}
          exists={info.exists}
          multiline
        />
      </label>
      <div className="pact-field">
        <span id="pact-horizon-label">{t('vision.horizon.label')}</span>
        <div className="pact-horizon" role="group" aria-labelledby="pact-horizon-label">
          {editable ? (
            <>
              <YearField
                value={info.horizonFrom}
                label={t('vision.horizon.from')}
                placeholder={t('vision.horizon.yearPlaceholder')}
                data-field="horizonFrom"
                onError={setError}
                check={(y) =>
                  inRange(y) ??
                  (y != null && info.horizonTo !== null && y > info.horizonTo
                    ? t('vision.horizon.order')
                    : null)
                }
                onCommit={(y) => pact.setHorizon({ horizonFrom: y })}
              />
              <span aria-hidden="true">–</span>
              <YearField
                value={info.horizonTo}
                label={t('vision.horizon.to')}
                placeholder={t('vision.horizon.yearPlaceholder')}
                data-field="horizonTo"
                onError={setError}
                check={(y) =>
                  inRange(y) ??
                  (y != null && info.horizonFrom !== null && y < info.horizonFrom
                    ? t('vision.horizon.order')
                    : null)
                }
                onCommit={(y) => pact.setHorizon({ horizonTo: y })}
              />
            </>
          ) : (
            <span className="pact-horizon-text" data-field="horizon">
              {/* nothing written reads as the territory does: a dash, not «… – …» */}
              {info.horizonFrom === null && info.horizonTo === null
                ? '—'
                : `${info.horizonFrom ?? '…'} – ${info.horizonTo ?? '…'}`}
            </span>
          )}
        </div>
        {error && (
          <p className="pact-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  )
}

function StrategyPanel() {
  const { t } = useTranslation('pact')
  const strategy = useChosenStrategy()
  return (
    <section className="pact-panel" aria-labelledby="pact-strategy-title">
      <h3 id="pact-strategy-title">{t('vision.strategy')}</h3>
      {strategy ? (
        <>
          <p className="pact-strategy-name" data-testid="pact-strategy">
            {strategy.label || t('vision.unnamed')}
          </p>
          <h4>{t('vision.objectives')}</h4>
          {strategy.objectives.length ? (
            <ol className="pact-objectives">
              {strategy.objectives.map((o) => (
                <li key={o.id}>{o.label || t('vision.unnamed')}</li>
              ))}
            </ol>
          ) : (
            <p className="pact-hint">{t('vision.noObjectives')}</p>
          )}
        </>
      ) : (
        <p className="pact-hint">{t('vision.noStrategy')}</p>
      )}
    </section>
  )
}

function TargetGroupsPanel() {
  const { t } = useTranslation('pact')
  const { t: tb } = useTranslation('board')
  const groups = useBoard(groupsSelector)
  const problems = useBoard(problemNodes)
  const counts = useMemo(() => {
    const out = new Map<string, number>()
    for (const p of problems)
      if (Array.isArray(p.data.tags))
        for (const tag of p.data.tags) out.set(String(tag), (out.get(String(tag)) ?? 0) + 1)
    return out
  }, [problems])
  return (
    <section className="pact-panel" aria-labelledby="pact-groups-title">
      <h3 id="pact-groups-title">{t('vision.targetGroups')}</h3>
      <ul className="pact-groups">
        {groups.map((g) => {
          const n = counts.get(g.id) ?? 0
          return (
            <li key={g.id} className={n ? 'used' : ''}>
              <span>
                {typeof g.key === 'string' && g.key
                  ? tb(`targetGroups.${g.key}`)
                  : String(g.label ?? '')}
              </span>
              <span className="pact-count">{t('vision.problemsTagged', { count: n })}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
