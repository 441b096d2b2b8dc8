import { lazy, Suspense, useState, type ComponentType, type LazyExoticComponent } from 'react'
import { ViewLoadBoundary } from '../board/ViewLoadBoundary.tsx'
import { useTranslation } from 'react-i18next'
import { useFollowScroll } from '../follow/useFollowScroll.ts'
import { PACT_VIEWS, usePactView, type PactView } from './usePactView.ts'
import './pact.css'

/** Each view of the phase is its own chunk, loaded when someone first opens it. */
const VIEW_COMPONENTS = {
  vision: lazy(() => import('./vision/VisionView.tsx').then((m) => ({ default: m.VisionView }))),
  governance: lazy(() =>
    import('./governance/GovernanceView.tsx').then((m) => ({ default: m.GovernanceView })),
  ),
  commitments: lazy(() =>
    import('./commitments/CommitmentsView.tsx').then((m) => ({ default: m.CommitmentsView })),
  ),
  indicators: lazy(() =>
    import('./indicators/IndicatorsView.tsx').then((m) => ({ default: m.IndicatorsView })),
  ),
  monitoring: lazy(() =>
    import('./monitoring/MonitoringView.tsx').then((m) => ({ default: m.MonitoringView })),
  ),
  health: lazy(() => import('./health/HealthView.tsx').then((m) => ({ default: m.HealthView }))),
} satisfies Record<PactView, LazyExoticComponent<ComponentType>>

/**
 * The Patto phase: the shared vision, the governance, the mutual commitments, the indicators,
 * the monitoring rounds and the pact's health, one view at a time.
 */
export function PactPhase() {
  const { t } = useTranslation('pact')
  const [view, setView] = usePactView()
  const View = VIEW_COMPONENTS[view]
  // the projector shows the part of a long view the facilitator reads
  const [body, setBody] = useState<HTMLDivElement | null>(null)
  useFollowScroll(body, 'pact', view)
  return (
    <section className="pact-phase" data-view={view}>
      <div className="pact-bar">
        <div className="pact-views" role="tablist" aria-label={t('views.label')}>
          {PACT_VIEWS.map((v) => (
            <button
              key={v}
              role="tab"
              id={`pact-tab-${v}`}
              aria-selected={view === v}
              aria-controls="pact-panel"
              className={view === v ? 'on' : ''}
              data-view={v}
              onClick={() => setView(v)}
            >
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <div
        ref={setBody}
        className="pact-body"
        id="pact-panel"
        role="tabpanel"
        aria-labelledby={`pact-tab-${view}`}
      >
        <ViewLoadBoundary view={view}>
          <Suspense fallback={<div className="phase-loading" aria-busy="true" />}>
            <View />
          </Suspense>
        </ViewLoadBoundary>
      </div>
    </section>
  )
}
