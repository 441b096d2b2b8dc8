import { useCallback, useMemo, useRef, useState } from 'react'
import { useRoomView } from '../room/useRoomView.ts'
import { useTranslation } from 'react-i18next'
import { ReactFlowProvider } from '@xyflow/react'
import { ACTOR_CATEGORIES, type ActorCategory } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { mapSpot } from '../../shared/stakeholders/layout.ts'
import { namesakes } from '../../shared/stakeholders/register.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { isViewer, canEdit, type BoardState } from '../store/boardStore.ts'
import { usePhaseCanvas } from '../board/usePhaseCanvas.ts'
import { HeaderMore } from '../board/HeaderMore.tsx'
import { ActorEditor } from './ActorEditor.tsx'
import { CoverageView } from './CoverageView.tsx'
import { GridView } from './GridView.tsx'
import { ArrowsToggle, Legend } from './Legend.tsx'
import { MapView } from './MapView.tsx'
import { RegisterView } from './RegisterView.tsx'
import { RelationEditor } from './RelationEditor.tsx'
import { useActors, useObjectives, useRelations } from './data.ts'
import { SelectionContext, type StakeholderSelection } from './selection.tsx'
import { CATEGORY_COLORS, CategoryIcon } from './visuals.tsx'
import './phaseBar.css'
import './stakeholders.css'
// after phaseBar.css: on a phone the legend's arrows' toggle is hidden over its display there
import './legend.css'
import './canvases.css'
import './editor.css'
import './tables.css'
import './tablesPhone.css'

const VIEWS = ['grid', 'map', 'register', 'coverage'] as const
type View = (typeof VIEWS)[number]
const VIEW_KEY = 'trama.stakeholders.view'

function storedView(): View {
  try {
    const v = sessionStorage.getItem(VIEW_KEY)
    return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'grid'
  } catch {
    return 'grid'
  }
}

/** The Stakeholder phase: actors, power/interest grid, relationship map, register, coverage. */
export function StakeholdersPhase() {
  const { t } = useTranslation('stakeholders')
  const actions = useBoardActions()
  const editable = useBoard(canEdit)
  const projector = useBoard(isViewer)
  const actors = useActors()
  const sameNames = useMemo(() => namesakes(actors), [actors])
  const relations = useRelations()
  const objectives = useObjectives()
  const [view, setViewState] = useState<View>(storedView)
  const [alignment, setAlignment] = useState(true)
  const [sel, setSel] = useState({
    actorId: null as string | null,
    relationId: null as string | null,
    focusName: false,
  })

  const setView = (v: View) => {
    setViewState(v)
    try {
      sessionStorage.setItem(VIEW_KEY, v)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  // the facilitator's view is the room's; the projector shows it
  useRoomView('stakeholders', view, setView)
  // a dot vote's ranking goes with the actors' cards (grid and map), not over the tables;
  // «vai a votare» from the register, the coverage or another phase comes to the grid
  const canvasInView = view === 'grid' || view === 'map'
  usePhaseCanvas('stakeholders', canvasInView, () => {
    if (!canvasInView) setView('grid')
  })
  const selectActor = useCallback(
    (id: string | null, focusName = false) =>
      setSel((s) =>
        s.actorId === id && !focusName
          ? s
          : { actorId: id, relationId: id ? null : s.relationId, focusName },
      ),
    [],
  )
  const selectRelation = useCallback(
    (id: string | null) =>
      setSel((s) =>
        s.relationId === id
          ? s
          : { actorId: id ? null : s.actorId, relationId: id, focusName: false },
      ),
    [],
  )
  const selection = useMemo<StakeholderSelection>(
    () => ({ ...sel, selectActor: (id) => selectActor(id), selectRelation }),
    [sel, selectActor, selectRelation],
  )

  // a new actor starts neutral and waits in the grid's tray until someone places it: nothing
  // is invented about its power and interest
  // the button that made the last actor: Escape in its empty name gives it up, and goes back there
  const made = useRef<{ id: string; by: HTMLElement } | null>(null)
  const add = (category: ActorCategory, by: HTMLElement) => {
    const id = actions.addCard(
      'stakeholders',
      { ...newActorFields(category), kind: 'actor', placed: false },
      mapSpot(
        category,
        actors.map((a) => ({ x: a.x, y: a.y })),
      ),
    )
    if (!id) return
    made.current = { id, by }
    selectActor(id, true)
  }

  const actor = sel.actorId ? actors.find((a) => a.id === sel.actorId) : undefined
  const relation = sel.relationId ? relations.find((r) => r.id === sel.relationId) : undefined
  const canvas = view === 'grid' || view === 'map'

  return (
    <SelectionContext.Provider value={selection}>
      <section className="sh-phase" data-view={view}>
        <div className="sh-bar">
          <div className="view-switch" role="tablist" aria-label={t('views.label')}>
            {VIEWS.map((v) => (
              <button
                key={v}
                role="tab"
                aria-selected={view === v}
                className={view === v ? 'on' : ''}
                data-view={v}
                aria-label={t(`views.${v}`)}
                title={t(`views.${v}`)}
                onClick={() => setView(v)}
              >
                {/* a laptop shows shorter names, the narrower the shorter (phaseBar.css) */}
                <span className="full">{t(`views.${v}`)}</span>
                <span className="short">{t(`viewsShort.${v}`)}</span>
                <span className="shortest">{t(`viewsShortest.${v}`)}</span>
              </button>
            ))}
          </div>
          {editable && (
            <div className="add-actors" role="group" aria-label={t('toolbar.add')}>
              <span className="add-label">
                + <span className="full">{t('toolbar.add')}</span>
                <span className="short">{t('toolbar.addShort')}</span>
              </span>
              {/* on a phone the four categories fold behind «+ Aggiungi attore» and the grid's
                  arrows behind «Altri strumenti» (HeaderMore, as on the trees' toolbars): in
                  rows the bar took four or five, 140 px of the screen's 844 */}
              <HeaderMore
                name="actors"
                open={`+ ${t('toolbar.add')}`}
                title={t('toolbar.addHint')}
                foldOnUse
              >
                {ACTOR_CATEGORIES.map((c) => (
                  <button
                    key={c}
                    className="add-actor"
                    data-category={c}
                    style={{ color: CATEGORY_COLORS[c].ink, borderColor: CATEGORY_COLORS[c].ink }}
                    title={t('toolbar.addOf', { category: t(`categories.${c}`) })}
                    aria-label={t('toolbar.addOf', { category: t(`categories.${c}`) })}
                    onClick={(e) => add(c, e.currentTarget)}
                  >
                    {/* below 1152 px the icon alone (phaseBar.css), named in the tooltip */}
                    <CategoryIcon category={c} size={16} />{' '}
                    <span className="add-actor-name">{t(`categoriesShort.${c}`)}</span>
                  </button>
                ))}
              </HeaderMore>
            </div>
          )}
          {/* on a phone only (stakeholders.css): elsewhere the arrows sit in the legend, beside
              the stances they join, as the bar had no room left for them on one row */}
          {view === 'grid' && (
            <HeaderMore name="sh" open={t('toolbar.more')} title={t('toolbar.moreLabel')}>
              <ArrowsToggle className="sh-toggle" on={alignment} set={setAlignment} />
            </HeaderMore>
          )}
        </div>
        <div className="sh-body">
          <div className="sh-view">
            <div className="sh-stage">
              {view === 'grid' && (
                <ReactFlowProvider>
                  <GridView actors={actors} showAlignment={alignment} />
                </ReactFlowProvider>
              )}
              {view === 'map' && (
                <ReactFlowProvider>
                  <MapView />
                </ReactFlowProvider>
              )}
              {view === 'register' && (
                <RegisterView actors={actors} objectives={objectives} namesakes={sameNames} />
              )}
              {view === 'coverage' && <CoverageView actors={actors} objectives={objectives} />}
            </div>
            {canvas && (
              <Legend
                relations={view === 'map'}
                // nobody works the projector: its legend says what is drawn, no control in it
                arrows={
                  view === 'grid' && !projector ? { on: alignment, set: setAlignment } : undefined
                }
              />
            )}
          </div>
          {actor && (
            <ActorEditor
              key={actor.id}
              actor={actor}
              objectives={objectives}
              namesakes={sameNames.get(actor.id)}
              focusName={sel.focusName}
              origin={made.current?.id === actor.id ? made.current.by : null}
              onClose={() => selectActor(null)}
            />
          )}
          {/* relations are drawn on the map only: elsewhere their card would point at nothing */}
          {!actor && relation && view === 'map' && (
            <RelationEditor
              key={relation.id}
              relation={relation}
              relations={relations}
              actors={actors}
              onClose={() => selectRelation(null)}
            />
          )}
        </div>
      </section>
    </SelectionContext.Provider>
  )
}
