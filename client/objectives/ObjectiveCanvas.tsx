import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardCanvas } from '../kit/BoardCanvas.tsx'
import {
  Panel,
  useReactFlow,
  type Connection,
  type FitViewOptions,
  type Node,
  type OnBeforeDelete,
  type OnDelete,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import type { MergeReport } from '../../shared/method/objectiveTree.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { isViewer, canEdit, isFacilitator, type BoardState } from '../store/boardStore.ts'
import type { CardNode, LinkEdge } from '../store/projection.ts'
import { useCanvasHandlers } from '../kit/useCanvasHandlers.ts'
import { useTreeFraming } from '../kit/useTreeFraming.ts'
import { useClearOfPanels } from '../kit/useClearOfPanels.ts'
import { useAnimatedNodes } from '../kit/useAnimatedNodes.ts'
import { useFitAfterLayout } from '../kit/useFitAfterLayout.ts'
import { CARD_W } from '../kit/placement.ts'
import { useCardName, useTranslatedOnce } from '../kit/useFlowLabels.ts'
import { nodeById } from '../store/nodeIndex.ts'
import { objectiveRoleOf } from '../../shared/method/objectiveCards.ts'
import type { ProblemRole } from '../../shared/schema/index.ts'
import { ObjectiveCardNode } from './ObjectiveCardNode.tsx'
import { MeansEndEdge } from './MeansEndEdge.tsx'
import { ObjectiveToolbar, deletableObjective } from './ObjectiveToolbar.tsx'
import { MergeReportMessage } from './MergeReportMessage.tsx'
import { ObjectiveDisplayContext } from './objectiveDisplay.ts'
import { objectiveOf, useObjectiveActions } from './useObjectiveActions.ts'
import { useObjectiveShortcuts } from './useObjectiveShortcuts.ts'
import { useObjectiveLayout } from './useObjectiveLayout.ts'
import { cardWidthStyle, useScreenLayout } from '../projector/useScreenLayout.ts'
import { useSpotlightOn } from '../projector/useSpotlightOn.ts'
import { SpotlightCaption } from '../projector/SpotlightCaption.tsx'
import { useFollowCanvas } from '../follow/useFollowCanvas.ts'
import { useVoteOpen } from '../facilitation/VoteDots.tsx'
import { VoteZoomPrompt } from '../facilitation/VoteZoomPrompt.tsx'
import { usePhone } from '../kit/phone.ts'
import '../projector/projector.css'

const nodeTypes = { objective: ObjectiveCardNode }
// the binding gives objective links no type: they use React Flow's 'default' slot
const edgeTypes = { default: MeansEndEdge }
const nodesSelector = (s: BoardState) => s.canvases.objectives.nodes
const edgesSelector = (s: BoardState) => s.canvases.objectives.edges
/** The board is on screen: its document, or its preview (client/sync/preview.ts). */
const shownSelector = (s: BoardState) => s.synced || s.preview
const hasProblemsSelector = (s: BoardState) => s.canvases.problems.nodes.length > 0
/** Every problem's role, as one string: it changes when a role does, not when a card moves. */
const rolesByList = new WeakMap<readonly CardNode[], string>()
const problemRolesSelector = (s: BoardState) => {
  const problems = s.canvases.problems.nodes
  let roles = rolesByList.get(problems)
  if (roles === undefined) {
    roles = problems.map((n) => `${n.id}:${String(n.data.role ?? '')}`).join('\n')
    rolesByList.set(problems, roles)
  }
  return roles
}

const STATUS_COLORS: Record<string, string> = {
  'to-reword': '#d99a1e',
  reworded: '#2e8b57',
  added: '#5b5fc7',
  discarded: '#b5b9bf',
}
const REPORT_MS = 20_000
/** Room for the toolbar above the tree. */
const FIT: FitViewOptions = {
  padding: { top: '90px', bottom: '40px', left: '40px', right: '40px' },
  maxZoom: 1.2,
}
const minimapColor = (n: Node) => STATUS_COLORS[String(n.data?.status)] ?? '#999'

/** The objective tree: the problem tree inverted, reworded and checked by the group. */
export function ObjectiveCanvas() {
  const { t } = useTranslation('objectives')
  const nodes = useBoard(nodesSelector)
  const edges = useBoard(edgesSelector)
  const shown = useBoard(shownSelector)
  const hasProblems = useBoard(hasProblemsSelector)
  const editable = useBoard(canEdit)
  const facilitator = useBoard(isFacilitator)
  const viewer = useBoard(isViewer)
  const voting = useVoteOpen('objectives')
  const phone = usePhone()
  const { store, actions } = useBoardSession()
  const objectives = useObjectiveActions()
  const flow = useReactFlow()
  const fitted = useRef(false)
  const handlers = useCanvasHandlers('objectives')
  const [report, setReport] = useState<MergeReport | null>(null)
  // the projector shows the objectives alone, large; the problems are a click away elsewhere
  const [showProblems, setShowProblems] = useState(!viewer)
  const display = useMemo(() => ({ showProblems }), [showProblems])
  const layout = useObjectiveLayout()
  useFollowCanvas('objectives')
  const spotlight = useSpotlightOn('objectives')
  // the projector arranges the tree for the big screen; everyone else sees the board's places
  const screen = useScreenLayout(nodes, edges, viewer, spotlight)
  // framed as the problem tree is: all of it, or on a phone the central objective (the core
  // problem's) at a zoom one reads at, as it opens, after generating and after «Disponi albero»;
  // «Mostra tutto» shows it all
  const canvasEl = useCallback(() => document.querySelector('.objective-canvas'), [])
  const centralId = useCallback(() => {
    const { problems, objectives } = store.getState().canvases
    const core = problems.nodes.find((n) => n.data.role === 'core')
    return core && objectives.nodes.find((n) => n.data.derivedFrom === core.id)?.id
  }, [store])
  const { all, open: fit } = useTreeFraming(flow, canvasEl, FIT, centralId)
  const fitNow = useCallback(() => void all(), [all])
  // the vote's ranking, come over cards, has the tree framed again left of it
  useClearOfPanels(all, canvasEl, !viewer)
  const fitAfterLayout = useFitAfterLayout(fit)
  const shownNodes = useAnimatedNodes(screen.nodes, fitAfterLayout.settled)
  useObjectiveShortcuts()

  // Framed once there is something to frame: on opening, or when the first objectives arrive
  // (the tree someone else generated: the page had fitted an empty canvas and showed 2 of 6).
  const hasNodes = nodes.length > 0
  useEffect(() => {
    if (viewer || !shown || fitted.current || !hasNodes) return
    fitted.current = true
    fit()
  }, [viewer, shown, hasNodes, fit])

  // the message is for the moment after pressing: it leaves by itself
  useEffect(() => {
    if (!report) return
    const timer = setTimeout(() => setReport(null), REPORT_MS)
    return () => clearTimeout(timer)
  }, [report])

  const onGenerated = (r: MergeReport) => {
    setReport(r)
    fitted.current = true
    // a frame later: the report above the canvas has made it shorter by then (fitted at once,
    // the tree ran past its foot)
    if (r.added > 0) requestAnimationFrame(fit)
  }

  // the cards glide to their places first: fit the tree where it ends up
  const onLayout = () => void layout().then(fitAfterLayout.laidOut)

  const onConnect = useCallback(
    (c: Connection) => void objectives.linkMeansToEnd(c.source, c.target),
    [objectives],
  )

  /**
   * Objectives that came from a problem, discarded by the deletion under way: written with it,
   * so one undo brings back both what was deleted and what was discarded.
   */
  const discarding = useRef<string[]>([])

  /** Deleting an objective that came from a problem discards it: the trace stays. */
  const onBeforeDelete: OnBeforeDelete<CardNode, LinkEdge> = useCallback(
    async ({ nodes: doomed, edges: doomedEdges }) => {
      const discard = doomed.filter((n) => !deletableObjective(objectiveOf(n))).map((n) => n.id)
      const kept = new Set(discard)
      const removed = doomed.filter((n) => !kept.has(n.id))
      const gone = new Set(removed.map((n) => n.id))
      // links go with a deleted card, or when selected themselves
      const edges = doomedEdges.filter(
        (e) => e.selected || gone.has(e.source) || gone.has(e.target),
      )
      if (!removed.length && !edges.length) {
        // nothing to delete: React Flow reports no deletion, the discard is the whole step
        if (discard.length) objectives.discard(discard)
      } else if (discard.length) {
        discarding.current = discard
        // should React Flow report no deletion after all, the discard still happens
        setTimeout(() => {
          if (discarding.current !== discard) return
          discarding.current = []
          objectives.discard(discard)
        })
      }
      return { nodes: removed, edges }
    },
    [objectives],
  )

  const onDeleted = handlers.onDelete
  const onDelete: OnDelete<CardNode, LinkEdge> = useCallback(
    (deleted) => {
      const discard = discarding.current
      discarding.current = []
      actions.transact(() => {
        if (discard.length) objectives.discard(discard)
        onDeleted(deleted)
      })
    },
    [actions, objectives, onDeleted],
  )

  const onDoubleClick = (e: MouseEvent) => {
    if (!editable || !(e.target as Element).classList.contains('react-flow__pane')) return
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
    const id = objectives.add({ x: at.x - CARD_W / 2, y: at.y - 30 })
    if (id) actions.setEditing(id)
  }
  const onMouseMove = (e: MouseEvent) =>
    handlers.onPointerMove(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))

  // an objective is named by its place in the tree, which the problem it came from gives: a
  // change of any problem's role names the objectives again (names are kept by card data)
  const name = useCardName()
  const kind = useTranslatedOnce('objectives')
  const problemRoles = useBoard(problemRolesSelector)
  const cardName = useCallback(
    (n: CardNode) => {
      const from = typeof n.data.derivedFrom === 'string' ? n.data.derivedFrom : null
      const problem = from ? nodeById(store.getState().canvases.problems.nodes, from) : undefined
      const role = objectiveRoleOf(problem?.data.role as ProblemRole | undefined)
      return name(kind(role ? `roles.${role}` : 'compare.objective'), n.data.label)
    },
    // problemRoles is read through the store; it is here so that a role's change renames
    [name, kind, store, problemRoles],
  )

  const empty = shown && nodes.length === 0
  const toggle = (
    <label className="toolbar-check">
      <input
        type="checkbox"
        checked={showProblems}
        onChange={(e) => setShowProblems(e.target.checked)}
      />
      {t('toolbar.showProblems')}
    </label>
  )
  // A phone, a vote open: the toggle is drawn under the tree, not over its foot (kit/
  // canvasPhone.css), where it hid the «+●» of a low card
  const footStrip = !viewer && phone && voting
  return (
    <ObjectiveDisplayContext.Provider value={display}>
      <div className="objective-view">
        {/* above the canvas, not over it: the cards stay reachable while it is shown */}
        {report && <MergeReportMessage report={report} onDismiss={() => setReport(null)} />}
        <div
          className={`canvas objective-canvas${viewer ? ' projector-canvas' : ''}`}
          data-voting={voting || undefined}
          style={cardWidthStyle(screen.cardWidth)}
          onDoubleClick={onDoubleClick}
          onMouseMove={onMouseMove}
          onMouseLeave={handlers.onPointerLeave}
        >
          <BoardCanvas
            canvas="objectives"
            nodes={shownNodes}
            edges={edges}
            labelsFrom={nodes}
            cardName={cardName}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            handlers={handlers}
            onConnect={onConnect}
            onBeforeDelete={onBeforeDelete}
            onDelete={onDelete}
            editable={editable}
            fitViewOptions={FIT}
            onFitView={fitNow}
            minimapColor={minimapColor}
            keyboardA11y={false}
            chrome={!viewer}
          >
            {editable && (
              <ObjectiveToolbar
                onGenerated={onGenerated}
                onLayout={facilitator ? onLayout : undefined}
              />
            )}
            {!viewer && !footStrip && (
              <Panel position="top-right" className="toolbar display-toggle">
                {toggle}
              </Panel>
            )}
            <VoteZoomPrompt canvas="objectives" />
          </BoardCanvas>
          {footStrip && <div className="toolbar display-toggle">{toggle}</div>}
          {viewer && spotlight && <SpotlightCaption canvas="objectives" id={spotlight} />}
          {empty && (
            <div className="canvas-hint">
              <p>
                {!editable
                  ? t('hint.readOnly')
                  : hasProblems
                    ? t('hint.empty')
                    : t('hint.noProblems')}
              </p>
            </div>
          )}
        </div>
      </div>
    </ObjectiveDisplayContext.Provider>
  )
}
