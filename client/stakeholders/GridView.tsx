import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useCardName, useCardRoleAttributes, useFlowAriaLabels } from '../kit/useFlowLabels.ts'
import { FLOW_PRO_OPTIONS, FlowCredit } from '../kit/FlowCredit.tsx'
import { FlowZoomVar } from '../kit/FlowZoomVar.tsx'
import {
  Controls,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Node,
  type NodeProps,
  type OnMoveStart,
  type OnNodeDrag,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { sameCard } from '../kit/sameCard.ts'
import { useStakeholderActions } from './useStakeholderActions.ts'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import {
  GRID,
  GRID_CARD,
  gridPosition,
  inTray,
  trayLayout,
  powerInterestAt,
  quadrantAt,
  quadrantOf,
  spreadGridCards,
  type PowerInterest,
  type Quadrant,
  type XY,
} from '../../shared/stakeholders/grid.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { isViewer, canEdit, type BoardState } from '../store/boardStore.ts'
import type { Peer } from '../sync/awareness.ts'
import { throttle } from '../lib/throttle.ts'
import { ActorCard } from './ActorCard.tsx'
import { GridBackdrop, GridHint, GridTray } from './GridBackdrop.tsx'
import { useSelection } from './selection.tsx'
import { useLocalFlow } from './useLocalFlow.ts'
import { phoneFocus, useGridFraming, useGridRefit, type GridFit } from './useGridFraming.ts'
import { onPhone, usePhone } from '../kit/phone.ts'

/**
 * Live grid drags travel through awareness like every drag, under the stakeholder canvas, but
 * with ids prefixed so they never move the relationship map's cards, and in power/interest
 * units (x = interest, y = power) so every screen places them alike.
 */
export const GRID_DRAG_PREFIX = 'grid:'
const LIVE_MS = 1000 / 30
const BACKDROP_ID = '__grid-backdrop'
const TRAY_ID = '__grid-tray'
const FIXED = new Set([BACKDROP_ID, TRAY_ID])
/** The view frames the grid itself (with its axes) and the tray, whatever the cards do. */
const FIT: GridFit = { padding: 0.06, nodes: [{ id: BACKDROP_ID }, { id: TRAY_ID }] }
/** The projector once everyone is placed: the grid alone, without the empty tray. */
const FIT_GRID: GridFit = { padding: 0.06, nodes: [{ id: BACKDROP_ID }] }
/**
 * On a laptop, as FIT, a column clear on the left for the view's controls (the zoom's buttons
 * and «Mostra tutto», React Flow's, 15 px from the edge and 26 px wide, at the bottom): framed
 * at 0.06 the tray began 28 px from the edge at 1024 px, under them.
 */
const FIT_WITH_CONTROLS: GridFit = {
  ...FIT,
  padding: { top: 0.06, right: 0.06, bottom: 0.06, left: '52px' },
}
const ZOOM = { min: 0.2, max: 2 }
/**
 * Room under the grid for its "interesse →" axis (drawn 8 px below it, 20 px type): counted in
 * the backdrop's size so the framed view holds it, not only the quadrants.
 */
const AXIS_BELOW = 40

type GridActorData = {
  actor: Actor
  /** null while the actor waits in the tray. */
  quadrant: Quadrant | null
  showAlignment: boolean
  mover: string | undefined
}
type GridActorNode = Node<GridActorData, 'gridActor'>

const GridActor = memo(function GridActor({ data, selected }: NodeProps<GridActorNode>) {
  return (
    <ActorCard
      actor={data.actor}
      selected={!!selected}
      variant="grid"
      quadrant={data.quadrant ?? undefined}
      showAlignment={data.showAlignment}
      mover={data.mover}
    />
  )
}, sameCard)

const nodeTypes = { backdrop: GridBackdrop, tray: GridTray, gridActor: GridActor }
const peersSelector = (s: BoardState) => s.peers

function remoteGridDrags(peers: Peer[]): Map<string, { at: PowerInterest; name: string }> {
  const out = new Map<string, { at: PowerInterest; name: string }>()
  for (const p of peers)
    if (p.drag?.canvas === 'stakeholders')
      for (const [key, pos] of Object.entries(p.drag.nodes))
        if (key.startsWith(GRID_DRAG_PREFIX))
          out.set(key.slice(GRID_DRAG_PREFIX.length), {
            at: { interest: pos.x, power: pos.y },
            name: p.user.name,
          })
  return out
}

const toWire = (positions: Map<string, XY>) =>
  new Map(
    [...positions].map(([id, pos]) => {
      const v = powerInterestAt(pos)
      return [GRID_DRAG_PREFIX + id, { x: v.interest, y: v.power }]
    }),
  )

/**
 * Mendelow's power/interest grid. A card's place is its power and interest: dragging it shows
 * the move to everyone live, and the new power and interest are written once, on drop.
 */
export function GridView({ actors, showAlignment }: { actors: Actor[]; showAlignment: boolean }) {
  const { t } = useTranslation('stakeholders')
  const editable = useBoard(canEdit)
  const peers = useBoard(peersSelector)
  const actions = useBoardActions()
  const stakeholders = useStakeholderActions()
  const { actorId } = useSelection()
  const flow = useLocalFlow(FIXED)
  const remote = useMemo(() => remoteGridDrags(peers), [peers])
  const rf = useReactFlow()
  const frame = useRef<HTMLDivElement>(null)
  // an actor's card is announced as a card with the actor's name, not as an English "node"
  const name = useCardName()
  const cardRole = useCardRoleAttributes()
  const phone = usePhone()
  const projector = useBoard(isViewer)
  // the view's controls (the zoom's buttons, «Mostra tutto») for everyone but the projector,
  // which shows the grid alone, framed whole, as it shows the trees; on a laptop the grid is
  // framed clear of them, as a tree is (a phone keeps its view: the controls over the grid)
  const controls = phone || !projector
  // the projector leaves the tray out once the room has placed every actor: «Da collocare (0)»
  // took a sixth of the big screen from the grid (the others keep it: they drop actors there)
  const trayShown = !projector || actors.some((a) => !a.placed)
  const fit = !trayShown ? FIT_GRID : controls && !phone ? FIT_WITH_CONTROLS : FIT
  const latest = useRef(actors)
  latest.current = actors
  const frameGrid = useGridFraming(
    rf,
    useCallback(() => frame.current, []),
    fit,
    useCallback(() => latest.current, []),
  )

  // on a phone, once the first actors are drawn, on some of them at a size one reads
  // (useGridFraming); React Flow's own fit, before, showed the grid whole, as elsewhere
  const drawn = useNodesInitialized()
  const hasActors = actors.length > 0
  const opened = useRef(false)
  // the actors the phone is framed on (phoneFocus) and where they are; while its person has not
  // moved the view, it goes with them: the tray placed on the quadrants by the laptops, it goes
  // to the busiest quadrant (it stayed on the empty tray)
  const focus = useMemo(() => {
    const ids = new Set(phoneFocus(actors))
    return actors
      .filter((a) => ids.has(a.id))
      .map((a) => (a.placed ? `${a.id}@${a.power},${a.interest}` : `${a.id}@tray`))
      .join(' ')
  }, [actors])
  const framedFocus = useRef('')
  const ownView = useRef(false)
  useEffect(() => {
    if (opened.current || !drawn || !hasActors || !onPhone()) return
    opened.current = true
    framedFocus.current = focus
    frameGrid()
  }, [drawn, hasActors, frameGrid, focus])

  // the tray's columns hold every actor nobody has placed yet, each card as tall as its name
  // makes it; one being dragged keeps its place until it is dropped, so the tray does not
  // change (nor the view reframe) while someone carries a card
  const waitingActors = useMemo(() => actors.filter((a) => !a.placed), [actors])
  const tray = useMemo(
    () => trayLayout(waitingActors.map((a) => flow.sizes.get(a.id)?.height ?? GRID_CARD.height)),
    [waitingActors, flow.sizes],
  )
  const waiting = waitingActors.length

  // where each card is drawn when not being dragged: its power/interest point, or beside the
  // cards that share it; an actor nobody has placed yet waits in the tray
  const shown = useMemo(() => {
    const out = spreadGridCards(
      actors
        .filter((a) => a.placed || remote.has(a.id))
        .map((a) => {
          const live = remote.get(a.id)
          const height = flow.sizes.get(a.id)?.height
          return { id: a.id, height, ...gridPosition(live ? live.at : a) }
        }),
    )
    waitingActors.forEach((a, i) => {
      if (!remote.has(a.id)) out.set(a.id, tray.slots[i]!)
    })
    return out
  }, [actors, waitingActors, tray, remote, flow.sizes])

  // more or fewer columns in the tray: frame it again with the grid, so the room sees every
  // actor without anyone scrolling the projector; not in the middle of this person's drag
  const busy = flow.dragging.size > 0
  // the window resized, the card's sheet opened: framed again (not under the person's hand)
  const refit = useGridRefit(rf, frame, fit, ZOOM, busy)
  const onMoveStart: OnMoveStart = useCallback(
    (event, viewport) => {
      // a pan or a zoom of the person's own (a framing moves with no event)
      if (event) ownView.current = true
      refit.onMoveStart(event, viewport)
    },
    [refit],
  )
  // a card this person carries makes the view theirs too: on a phone the drop moved the actor
  // in the quadrant the view was framed on, and the view went after it, zooming out and back
  // in elsewhere (the card seemed to jump back where it was)
  useEffect(() => {
    if (busy) ownView.current = true
  }, [busy])
  const trayWidth = trayShown ? tray.width : 0
  const framedTray = useRef(trayWidth)
  useEffect(() => {
    if (busy || framedTray.current === trayWidth) return
    framedTray.current = trayWidth
    // a phone's view is its person's once they moved it (see below)
    if (onPhone() && ownView.current) return
    frameGrid(150)
  }, [frameGrid, trayWidth, busy])
  // a phone goes with the actors it is framed on, while its person has not moved the view
  useEffect(() => {
    if (!opened.current || ownView.current || busy || !onPhone()) return
    if (framedFocus.current === focus) return
    framedFocus.current = focus
    frameGrid(300)
  }, [focus, busy, frameGrid])

  const nodes = useMemo((): Node[] => {
    const backdrop: Node = {
      id: BACKDROP_ID,
      type: 'backdrop',
      position: { x: 0, y: 0 },
      origin: [0, 0],
      width: GRID.width,
      height: GRID.height + AXIS_BELOW,
      measured: { width: GRID.width, height: GRID.height + AXIS_BELOW },
      draggable: false,
      selectable: false,
      deletable: false,
      focusable: false,
      className: 'grid-backdrop-node',
      data: {},
      zIndex: -1,
    }
    const trayNode: Node = {
      id: TRAY_ID,
      type: 'tray',
      position: { x: tray.x, y: tray.y },
      origin: [0, 0],
      width: tray.width,
      height: tray.height,
      measured: { width: tray.width, height: tray.height },
      draggable: false,
      selectable: false,
      deletable: false,
      focusable: false,
      className: 'grid-backdrop-node',
      data: { count: waiting, hint: editable, width: tray.width, height: tray.height },
      zIndex: -1,
    }
    return [
      backdrop,
      ...(trayShown ? [trayNode] : []),
      ...actors.map((actor): GridActorNode => {
        const live = remote.get(actor.id)
        const dragged = flow.dragging.get(actor.id)
        const position = dragged ?? shown.get(actor.id)!
        const measured = flow.sizes.get(actor.id)
        return {
          id: actor.id,
          type: 'gridActor',
          position,
          ...(measured ? { measured } : {}),
          selected: actor.id === actorId,
          draggable: editable,
          ariaLabel: name(t('card.kind'), actor.label || t('card.unnamed')),
          domAttributes: cardRole,
          data: {
            actor,
            quadrant: dragged
              ? inTray(dragged, tray.x)
                ? null
                : quadrantAt(dragged)
              : actor.placed || live
                ? quadrantOf(live ? live.at : actor)
                : null,
            showAlignment,
            mover: live?.name,
          },
        }
      }),
    ]
  }, [
    actors,
    remote,
    shown,
    tray,
    waiting,
    trayShown,
    flow.dragging,
    flow.sizes,
    actorId,
    editable,
    showAlignment,
    name,
    cardRole,
    t,
  ])

  const sendDrag = useMemo(
    () =>
      throttle((p: Map<string, XY>) => actions.broadcastDrag('stakeholders', toWire(p)), LIVE_MS),
    [actions],
  )
  const onNodeDragStart: OnNodeDrag = useCallback(() => actions.beginGesture(), [actions])
  const onNodeDrag: OnNodeDrag = useCallback(
    (_e, _node, dragged) =>
      sendDrag(new Map(dragged.map((n) => [n.id, { x: n.position.x, y: n.position.y }]))),
    [sendDrag],
  )
  const onNodeDragStop: OnNodeDrag = useCallback(
    (_e, _node, dragged) => {
      sendDrag.cancel()
      const finals = flow.takeDragged()
      for (const n of dragged) if (!finals.has(n.id)) finals.set(n.id, n.position)
      finals.delete(BACKDROP_ID)
      finals.delete(TRAY_ID)
      stakeholders.placeOnGrid(finals, tray.x)
      actions.broadcastDrag('stakeholders', null)
    },
    [actions, stakeholders, flow, sendDrag, tray.x],
  )

  const ariaLabels = useFlowAriaLabels()
  return (
    <div
      className="sh-canvas grid-canvas"
      data-testid="stakeholder-grid"
      ref={frame}
      onPointerDownCapture={flow.onPointerDownCapture}
    >
      <ReactFlow
        nodes={nodes}
        edges={[]}
        ariaLabelConfig={ariaLabels}
        proOptions={FLOW_PRO_OPTIONS}
        nodeTypes={nodeTypes}
        nodeOrigin={[0.5, 0.5]}
        onNodesChange={flow.onNodesChange}
        onDelete={flow.onDelete}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        nodesDraggable={editable}
        selectNodesOnDrag={false}
        nodesConnectable={false}
        deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        zoomOnDoubleClick={false}
        fitView
        fitViewOptions={fit}
        onMoveStart={onMoveStart}
        onMoveEnd={refit.onMoveEnd}
        minZoom={ZOOM.min}
        maxZoom={ZOOM.max}
      >
        {/* «Mostra tutto» frames the grid as it opens (the grid, its axes and the tray), after
            a zoom or a pan; a phone, which opens on a few actors, shows all of it so too */}
        {controls && <Controls showInteractive={false} fitViewOptions={fit} />}
        {/* last, where React Flow puts its own: the keyboard reaches it after the controls */}
        <FlowCredit />
        {/* (a vote's control on the cards, a thumb's size on a phone: facilitation.css) */}
        <FlowZoomVar />
      </ReactFlow>
      {editable && actors.length === 0 && <GridHint text={t('empty.grid')} />}
    </div>
  )
}
