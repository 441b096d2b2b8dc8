import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardCanvas } from '../kit/BoardCanvas.tsx'
import { useReactFlow, type Connection, type FitViewOptions, type Node } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { analyseProblemTree } from '../../shared/method/problemTree.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import { ProblemCardNode } from './ProblemCardNode.tsx'
import { CanvasToolbar } from './CanvasToolbar.tsx'
import { ProblemInspector } from './ProblemInspector.tsx'
import { TreeReportContext, TreeWarnings } from './TreeWarnings.tsx'
import { useCanvasHandlers } from '../kit/useCanvasHandlers.ts'
import { useTreeEditing } from './useTreeEditing.ts'
import { useTreeKeyboard } from './useTreeKeyboard.ts'
import { useCardName, useTranslatedOnce } from '../kit/useFlowLabels.ts'
import { useAnimatedNodes } from '../kit/useAnimatedNodes.ts'
import { fitBelowToolbar } from '../kit/fitBelowToolbar.ts'
import { useFitAfterLayout } from '../kit/useFitAfterLayout.ts'
import { useStableCards } from '../kit/useStableCards.ts'
import { ProblemCardsContext, useProblemCardsValue } from './cardContext.ts'
import { CARD_W } from '../kit/placement.ts'
import { cardWidthStyle, useScreenLayout } from '../projector/useScreenLayout.ts'
import { useSpotlightOn } from '../projector/useSpotlightOn.ts'
import { SpotlightCaption } from '../projector/SpotlightCaption.tsx'
import { useFollowCanvas } from '../follow/useFollowCanvas.ts'
import { onPhone } from '../kit/phone.ts'
import { revealCard } from '../kit/treeWalk.ts'
import '../projector/projector.css'

const nodeTypes = { problem: ProblemCardNode }
const nodesSelector = (s: BoardState) => s.canvases.problems.nodes
const edgesSelector = (s: BoardState) => s.canvases.problems.edges
const syncedSelector = (s: BoardState) => s.synced
const projectorSelector = (s: BoardState) => s.role === 'viewer'

/** Fit the tree in view clear of the toolbar above it (two rows on a laptop). */
const FIT_EDITING: FitViewOptions = {
  padding: { top: '150px', left: '40px', right: '40px', bottom: '60px' },
  maxZoom: 1.2,
}
const FIT_PROJECTOR: FitViewOptions = { padding: 0.08, maxZoom: 1.5 }
/**
 * The zoom a phone opens the tree at, at least: a card's 14 px text is 11 px on the screen, two
 * cards side by side. A workshop's 25 cards fitted to a phone's width were at 0.11, specks.
 */
const PHONE_READING_ZOOM = 0.8

const minimapColor = (n: Node) =>
  n.data?.role === 'core' ? '#b3261e' : n.data?.role === 'effect' ? '#2f5fa8' : '#c77d00'

export function ProblemCanvas() {
  const { t } = useTranslation('board')
  const nodes = useBoard(nodesSelector)
  const edges = useBoard(edgesSelector)
  const synced = useBoard(syncedSelector)
  const editable = useBoard(canEdit)
  const projector = useBoard(projectorSelector)
  const { store, actions } = useBoardSession()
  const flow = useReactFlow()
  const fitted = useRef(false)
  const handlers = useCanvasHandlers('problems')
  const canvasRef = useRef<HTMLDivElement>(null)
  // Who lays the tree out sees all of it where it ended, none of it under the toolbar, once the
  // cards have glided there (the others keep their view: the layout keeps the core problem
  // where it was).
  const fitOptions = editable ? FIT_EDITING : FIT_PROJECTOR
  // below the toolbar when there is one (those who edit)
  const fitNow = useCallback(
    () => void flow.fitView(fitBelowToolbar(canvasRef.current, fitOptions)),
    [flow, fitOptions],
  )
  // after the cards are drawn; «Mostra tutto» fits at once (over React Flow's own fit, which
  // knows nothing of the toolbar)
  const fitTree = useCallback(() => requestAnimationFrame(fitNow), [fitNow])
  const fitAfterLayout = useFitAfterLayout(fitTree)
  const editing = useTreeEditing({ onLaidOut: fitAfterLayout.laidOut })
  useTreeKeyboard(editing)
  useFollowCanvas('problems')
  const spotlight = useSpotlightOn('problems')
  // the projector arranges the tree for the big screen; everyone else sees the board's places
  const screen = useScreenLayout(nodes, edges, projector, spotlight)
  const shownNodes = useAnimatedNodes(screen.nodes, fitAfterLayout.settled)

  // The checks depend on the tree's shape only: a drag (a new nodes array every frame) must not
  // recompute them, nor re-render every card through the context.
  const cards = useStableCards(nodes)
  const shape = useMemo(
    () =>
      cards.map((n) => `${n.id}:${String(n.data.role)}`).join('|') +
      '#' +
      edges.map((e) => `${e.id}:${e.source}>${e.target}`).join('|'),
    [cards, edges],
  )
  const cardsView = useProblemCardsValue()
  const name = useCardName()
  const kind = useTranslatedOnce('board')
  const cardName = useCallback(
    (n: Node) => name(kind(`problemRoles.${String(n.data.role)}`), String(n.data.label ?? '')),
    [name, kind],
  )
  const report = useMemo(
    () =>
      analyseProblemTree(
        store
          .getState()
          .canvases.problems.nodes.map((n) => ({ id: n.id, role: String(n.data.role) })),
        store.getState().canvases.problems.edges,
      ),
    [shape, store],
  )
  const shownEdges = useMemo(
    () =>
      edges.map((e) =>
        report.cycleLinkIds.has(e.id)
          ? { ...e, className: 'edge-cycle', animated: true }
          : report.reversedLinkIds.has(e.id)
            ? { ...e, className: 'edge-reversed' }
            : e,
      ),
    [edges, report],
  )

  // The tree as it opens: all of it, unless on a phone that would make its cards specks; then
  // the core problem in the middle at a zoom one reads at, its causes and effects around it as
  // far as the screen goes («Mostra tutto» still shows everything).
  const openTree = useCallback(
    () =>
      requestAnimationFrame(() => {
        void flow.fitView(fitBelowToolbar(canvasRef.current, fitOptions)).then(() => {
          if (!onPhone() || flow.getZoom() >= PHONE_READING_ZOOM) return
          const core = flow.getNodes().find((n) => n.data.role === 'core')
          const node = core && flow.getInternalNode(core.id)
          if (!node) return
          const card = { position: node.internals.positionAbsolute, measured: node.measured }
          revealCard(flow, canvasRef.current, card, PHONE_READING_ZOOM)
        })
      }),
    [flow, fitOptions],
  )
  useEffect(() => {
    if (projector || !synced || fitted.current) return
    fitted.current = true
    if (store.getState().canvases.problems.nodes.length) openTree()
  }, [projector, synced, store, openTree])

  const onConnect = useCallback(
    (c: Connection) => void actions.linkCauseToEffect(c.source, c.target),
    [actions],
  )

  const onDoubleClick = (e: MouseEvent) => {
    if (!editable || !(e.target as Element).classList.contains('react-flow__pane')) return
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
    const id = actions.addProblem({ x: at.x - CARD_W / 2, y: at.y - 30 }, editing.newCardRole())
    if (id) editing.startEditing(id)
  }
  const onMouseMove = (e: MouseEvent) =>
    handlers.onPointerMove(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))

  return (
    <ProblemCardsContext.Provider value={cardsView}>
      <TreeReportContext.Provider value={report}>
        <div
          ref={canvasRef}
          className={projector ? 'canvas projector-canvas' : 'canvas'}
          style={cardWidthStyle(screen.cardWidth)}
          onDoubleClick={onDoubleClick}
          onMouseMove={onMouseMove}
          onMouseLeave={handlers.onPointerLeave}
        >
          <BoardCanvas
            canvas="problems"
            nodes={shownNodes}
            edges={shownEdges}
            labelsFrom={cards}
            cardName={cardName}
            nodeTypes={nodeTypes}
            handlers={handlers}
            onConnect={onConnect}
            editable={editable}
            fitViewOptions={fitOptions}
            onFitView={fitNow}
            minimapColor={minimapColor}
            keyboardA11y={false}
            chrome={!projector}
          >
            {editable && <CanvasToolbar editing={editing} />}
            {editable && <ProblemInspector />}
          </BoardCanvas>
          {/* the projector shows the tree; the warnings are for those who edit it */}
          {!projector && <TreeWarnings report={report} cardCount={nodes.length} />}
          {projector && spotlight && <SpotlightCaption canvas="problems" id={spotlight} />}
          {synced && nodes.length === 0 && (
            <div className="canvas-hint" data-testid="canvas-empty">
              {/* who only watches (the projector) is told what will appear, not how to add */}
              <p>{t(editable ? 'toolbar.hintEmpty' : 'toolbar.hintEmptyWatch')}</p>
            </div>
          )}
        </div>
      </TreeReportContext.Provider>
    </ProblemCardsContext.Provider>
  )
}
