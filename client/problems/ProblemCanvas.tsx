import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardCanvas } from '../kit/BoardCanvas.tsx'
import { usePhone } from '../kit/phone.ts'
import { useReactFlow, type Connection, type FitViewOptions, type Node } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { analyseProblemTree } from '../../shared/method/problemTree.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { isViewer, canEdit, type BoardState } from '../store/boardStore.ts'
import { ProblemCardNode } from './ProblemCardNode.tsx'
import { CanvasToolbar } from './CanvasToolbar.tsx'
import { ProblemInspector } from './ProblemInspector.tsx'
import { CycleCardsProvider, TreeWarnings, useCycleCards } from './TreeWarnings.tsx'
import { useCanvasHandlers } from '../kit/useCanvasHandlers.ts'
import { useTreeEditing } from './useTreeEditing.ts'
import { useTreeKeyboard } from './useTreeKeyboard.ts'
import { useCardName, useTranslatedOnce } from '../kit/useFlowLabels.ts'
import { useAnimatedNodes } from '../kit/useAnimatedNodes.ts'
import { useFitAfterLayout } from '../kit/useFitAfterLayout.ts'
import { useStableCards } from '../kit/useStableCards.ts'
import { ProblemCardsContext, useProblemCardsValue } from './cardContext.ts'
import { CARD_W } from '../kit/placement.ts'
import { cardWidthStyle, useScreenLayout } from '../projector/useScreenLayout.ts'
import { useSpotlightOn } from '../projector/useSpotlightOn.ts'
import { SpotlightCaption } from '../projector/SpotlightCaption.tsx'
import { useFollowCanvas } from '../follow/useFollowCanvas.ts'
import { useTreeFraming } from '../kit/useTreeFraming.ts'
import { useClearOfPanels } from '../kit/useClearOfPanels.ts'
import { useVoteOpen } from '../facilitation/VoteDots.tsx'
import { VoteZoomPrompt } from '../facilitation/VoteZoomPrompt.tsx'
import '../projector/projector.css'

const nodeTypes = { problem: ProblemCardNode }
const nodesSelector = (s: BoardState) => s.canvases.problems.nodes
const edgesSelector = (s: BoardState) => s.canvases.problems.edges
/** The board is on screen: its document, or its preview (client/sync/preview.ts). */
const shownSelector = (s: BoardState) => s.synced || s.preview

/** Fit the tree in view clear of the toolbar above it (two rows on a laptop). */
const FIT_EDITING: FitViewOptions = {
  padding: { top: '150px', left: '40px', right: '40px', bottom: '60px' },
  maxZoom: 1.2,
}
const FIT_PROJECTOR: FitViewOptions = { padding: 0.08, maxZoom: 1.5 }

const minimapColor = (n: Node) =>
  n.data?.role === 'core' ? '#b3261e' : n.data?.role === 'effect' ? '#2f5fa8' : '#c77d00'

export function ProblemCanvas() {
  const { t } = useTranslation('board')
  const nodes = useBoard(nodesSelector)
  const edges = useBoard(edgesSelector)
  const shown = useBoard(shownSelector)
  const editable = useBoard(canEdit)
  const phone = usePhone()
  const projector = useBoard(isViewer)
  const voting = useVoteOpen('problems')
  const { store, actions } = useBoardSession()
  const flow = useReactFlow()
  const fitted = useRef(false)
  const handlers = useCanvasHandlers('problems')
  const canvasRef = useRef<HTMLDivElement>(null)
  // Who lays the tree out sees it where it ended, none of it under the toolbar, once the cards
  // have glided there, as the tree opens: all of it, or on a phone the core problem at a zoom
  // one reads at (the others keep their view: the layout keeps the core problem where it was).
  const fitOptions = editable ? FIT_EDITING : FIT_PROJECTOR
  const canvasEl = useCallback(() => canvasRef.current, [])
  const coreId = useCallback(() => flow.getNodes().find((n) => n.data.role === 'core')?.id, [flow])
  const { all, open: openTree } = useTreeFraming(flow, canvasEl, fitOptions, coreId)
  // «Mostra tutto»: all of it at once (over React Flow's own fit, which knows nothing of the
  // toolbar)
  const fitNow = useCallback(() => void all(), [all])
  // the vote's ranking, come over cards, has the tree framed again left of it
  useClearOfPanels(all, canvasEl, !projector)
  const fitAfterLayout = useFitAfterLayout(openTree)
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
  const cycleCards = useCycleCards(report)
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

  // Framed once, as the tree opens with cards: on a board opened empty (the room opens the link
  // before anyone writes), when the first cards come, written where someone else's screen was
  // (off a phone's, which showed an empty canvas). A first card this page writes itself is
  // where its person looks: left there.
  const hasCards = nodes.length > 0
  useEffect(() => {
    if (projector || !shown || fitted.current || !hasCards) return
    fitted.current = true
    if (!store.getState().editingId) openTree()
  }, [projector, shown, hasCards, store, openTree])

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
      <CycleCardsProvider value={cycleCards}>
        <div
          ref={canvasRef}
          className={projector ? 'canvas projector-canvas' : 'canvas'}
          data-voting={voting || undefined}
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
            <VoteZoomPrompt canvas="problems" />
          </BoardCanvas>
          {/* the projector shows the tree; the warnings are for those who edit it */}
          {!projector && <TreeWarnings report={report} cardCount={nodes.length} />}
          {projector && spotlight && <SpotlightCaption canvas="problems" id={spotlight} />}
          {shown && nodes.length === 0 && (
            <div className="canvas-hint" data-testid="canvas-empty">
              {/* who only watches (the projector) is told what will appear, not how to add; a
                  phone is told what its thumb does */}
              <p>
                {t(
                  !editable
                    ? 'toolbar.hintEmptyWatch'
                    : phone
                      ? 'toolbar.hintEmptyPhone'
                      : 'toolbar.hintEmpty',
                )}
              </p>
            </div>
          )}
        </div>
      </CycleCardsProvider>
    </ProblemCardsContext.Provider>
  )
}
