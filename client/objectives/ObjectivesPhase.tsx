import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ReactFlowProvider } from '@xyflow/react'
import { StrategyView } from '../strategy/StrategyView.tsx'
import { LogframeView } from '../logframe/LogframeView.tsx'
import { ObjectiveCanvas } from './ObjectiveCanvas.tsx'
import { ObjectiveComparison } from './ObjectiveComparison.tsx'
import { useRoomView } from '../room/useRoomView.ts'
import { useFollowScroll } from '../follow/useFollowScroll.ts'
import { usePhaseCanvas } from '../board/usePhaseCanvas.ts'
import './objectives.css'

export const OBJECTIVE_VIEWS = ['tree', 'compare', 'strategy', 'logframe'] as const
export type ObjectiveView = (typeof OBJECTIVE_VIEWS)[number]

const STORAGE_KEY = 'trama.objectives.view'

/** The room calls the comparison by its full name. */
const ROOM_NAMES = {
  toRoom: (v: ObjectiveView) => (v === 'compare' ? 'comparison' : v),
  fromRoom: (v: string): ObjectiveView | null =>
    v === 'comparison'
      ? 'compare'
      : (OBJECTIVE_VIEWS as readonly string[]).includes(v)
        ? (v as ObjectiveView)
        : null,
}

/** The sub-view is this screen's own choice; it survives switching phases, not other boards. */
function storedView(): ObjectiveView {
  try {
    const v = sessionStorage.getItem(STORAGE_KEY)
    return (OBJECTIVE_VIEWS as readonly string[]).includes(v ?? '') ? (v as ObjectiveView) : 'tree'
  } catch {
    return 'tree'
  }
}

function ViewContent({ view }: { view: ObjectiveView }) {
  switch (view) {
    case 'tree':
      return (
        <ReactFlowProvider>
          <ObjectiveCanvas />
        </ReactFlowProvider>
      )
    case 'compare':
      return <ObjectiveComparison />
    case 'strategy':
      return <StrategyView />
    case 'logframe':
      return <LogframeView />
  }
}

/** The Obiettivi phase: objective tree, its comparison with the problems, strategy, logframe. */
export function ObjectivesPhase() {
  const { t } = useTranslation('objectives')
  const [view, setView] = useState<ObjectiveView>(storedView)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  // the comparison scrolls in the panel (the logframe in its own view, the tree not at all)
  const [panel, setPanel] = useState<HTMLDivElement | null>(null)
  useFollowScroll(view === 'compare' ? panel : null, 'objectives', 'compare')

  const choose = (next: ObjectiveView, focus = false) => {
    setView(next)
    try {
      sessionStorage.setItem(STORAGE_KEY, next)
    } catch {
      // private mode: the choice lasts for this page only
    }
    if (focus) tabs.current[OBJECTIVE_VIEWS.indexOf(next)]?.focus()
  }
  // the facilitator's view is the room's; the projector shows it
  useRoomView('objectives', view, choose, ROOM_NAMES)
  // the tree's dot vote ranking belongs with the tree, not over the strategy or the logframe;
  // «vai a votare» from the strategy, the logframe or another phase comes to the tree
  usePhaseCanvas('objectives', view === 'tree', () => choose('tree'))
  // the arrow keys move between tabs, as in any tablist
  const onKeyDown = (e: KeyboardEvent) => {
    const i = OBJECTIVE_VIEWS.indexOf(view)
    const n = OBJECTIVE_VIEWS.length
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1
    if (to < 0) return
    e.preventDefault()
    choose(OBJECTIVE_VIEWS[to]!, true)
  }

  return (
    <section className="objectives-phase">
      <div className="view-tabs" role="tablist" aria-label={t('views.label')} onKeyDown={onKeyDown}>
        {OBJECTIVE_VIEWS.map((v, i) => (
          <button
            key={v}
            ref={(el) => {
              tabs.current[i] = el
            }}
            id={`objectives-tab-${v}`}
            role="tab"
            aria-selected={view === v}
            aria-controls={`objectives-panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            className={view === v ? 'active' : ''}
            onClick={() => choose(v)}
          >
            {t(`views.${v}`)}
          </button>
        ))}
      </div>
      <div
        ref={setPanel}
        className={`view-panel view-${view}`}
        id={`objectives-panel-${view}`}
        role="tabpanel"
        aria-labelledby={`objectives-tab-${view}`}
      >
        <ViewContent view={view} />
      </div>
    </section>
  )
}
