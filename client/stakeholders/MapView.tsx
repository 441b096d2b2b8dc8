import { memo, useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react'
import { useFollowCanvas } from '../follow/useFollowCanvas.ts'
import { useTranslation } from 'react-i18next'
import {
  useCardName,
  useFlowAriaLabels,
  useNamedEdges,
  useNamedNodes,
} from '../kit/useFlowLabels.ts'
import { FLOW_PRO_OPTIONS, FlowCredit } from '../kit/FlowCredit.tsx'
import {
  Controls,
  Handle,
  Panel,
  Position,
  ReactFlow,
  useReactFlow,
  type Connection,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react'
import { FlowZoomVar } from '../kit/FlowZoomVar.tsx'
import { usePhone } from '../kit/phone.ts'
import '@xyflow/react/dist/style.css'
import { sameCard } from '../kit/sameCard.ts'
import { RELATION_KINDS, type RelationKind } from '../../shared/schema/index.ts'
import { readActor } from '../../shared/stakeholders/actors.ts'
import { relationLanes } from '../../shared/stakeholders/layout.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { isViewer, canEdit, type BoardState } from '../store/boardStore.ts'
import type { CardNode } from '../store/projection.ts'
import { RemoteCursors } from '../kit/RemoteCursors.tsx'
import { useCanvasHandlers } from '../kit/useCanvasHandlers.ts'
import { ActorCard } from './ActorCard.tsx'
import { RelationEdge, RelationMarkers } from './RelationEdge.tsx'
import { useSelection } from './selection.tsx'
import { useLocalFlow } from './useLocalFlow.ts'
import { useMapFraming } from './useMapFraming.ts'
import { ActorLinkMenu } from './ActorLinkMenu.tsx'
import { RelationSample } from './visuals.tsx'
import { useRelationName } from './relationName.ts'

const MapActor = memo(function MapActor({ id, data, selected }: NodeProps<CardNode>) {
  const { t } = useTranslation('stakeholders')
  const editable = useBoard(canEdit)
  const actor = useMemo(() => readActor(id, data), [id, data])
  return (
    <ActorCard actor={actor} selected={!!selected} variant="map">
      {/* the whole card takes a relation dropped on it; only the dot starts one */}
      <Handle
        type="target"
        position={Position.Left}
        className="actor-drop-handle"
        isConnectable={editable}
        isConnectableStart={false}
      />
      <Handle
        type="source"
        position={Position.Right}
        className="actor-link-handle"
        isConnectable={editable}
        title={t('card.linkHandle')}
      />
    </ActorCard>
  )
}, sameCard)

const nodeTypes = { actor: MapActor }
/**
 * The whole map, as it opens and after «Mostra tutto»: every actor, room around them, at most a
 * little over their size (React Flow's own fit, without it, framed two actors at 2.5×).
 */
const FIT = { padding: 0.2, maxZoom: 1.1 }
/** The projector's: the map alone on a large screen, its cards read from the back of the room. */
const PROJECTOR_FIT = { padding: 0.12, maxZoom: 1.6 }
const edgeTypes = { relation: RelationEdge }
const nodesSelector = (s: BoardState) => s.canvases.stakeholders.nodes
const edgesSelector = (s: BoardState) => s.canvases.stakeholders.edges

interface Pending {
  source: string
  target: string
}

function RelationChooser({
  pending,
  onChoose,
  onCancel,
}: {
  pending: Pending
  onChoose(kind: RelationKind): void
  onCancel(): void
}) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation('common')
  const nodes = useBoard(nodesSelector)
  const name = (id: string) => nodes.find((n) => n.id === id)?.data.label || t('card.unnamed')
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onCancel])
  return (
    <Panel
      position="top-center"
      className="relation-chooser"
      role="dialog"
      aria-label={t('chooser.title')}
    >
      <p>{t('chooser.question', { source: name(pending.source), target: name(pending.target) })}</p>
      <div className="relation-chooser-kinds">
        {RELATION_KINDS.map((kind) => (
          <button key={kind} data-kind={kind} onClick={() => onChoose(kind)}>
            <RelationSample kind={kind} width={36} /> {t(`relations.${kind}`)}
          </button>
        ))}
        <button className="sh-link-button" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </Panel>
  )
}

/**
 * The relationship map: actors placed freely (their x, y), typed relations between them. A
 * relation is drawn by dragging from an actor's dot onto another actor, then choosing its kind.
 */
export function MapView() {
  const { t } = useTranslation('stakeholders')
  const storeNodes = useBoard(nodesSelector)
  const storeEdges = useBoard(edgesSelector)
  const editable = useBoard(canEdit)
  const { store, actions } = useBoardSession()
  const { actorId, relationId, selectActor, selectRelation } = useSelection()
  const handlers = useCanvasHandlers('stakeholders')
  const local = useLocalFlow()
  const flow = useReactFlow()
  useFollowCanvas('stakeholders', 'map')
  // the zoom's buttons for everyone but the projector, which shows the map alone, as it shows
  // the grid and the trees (a phone keeps them: the projector's link opened on a phone)
  const phone = usePhone()
  const projector = useBoard(isViewer) && !phone
  const fit = projector ? PROJECTOR_FIT : FIT
  const framing = useMapFraming({ fit, projector, phone, nodes: storeNodes })
  const [pending, setPending] = useState<Pending | null>(null)

  // selection is the phase's (shared by every view), not React Flow's
  const nodes = useMemo(
    () =>
      storeNodes.map((n) =>
        !!n.selected === (n.id === actorId) ? n : { ...n, selected: n.id === actorId },
      ),
    [storeNodes, actorId],
  )
  // relations between the same two actors are drawn side by side (see RelationEdge)
  const lanes = useMemo(() => relationLanes(storeEdges), [storeEdges])
  const edges = useMemo(
    () =>
      storeEdges.map((e) => {
        const lane = lanes.get(e.id)
        const selected = e.id === relationId
        if (!!e.selected === selected && (!lane || lane.lanes === 1)) return e
        return { ...e, selected, data: { ...e.data, ...(lane && lane.lanes > 1 ? lane : {}) } }
      }),
    [storeEdges, relationId, lanes],
  )
  const relationName = useRelationName()
  const namedEdges = useNamedEdges(edges, storeNodes, relationName)
  const name = useCardName()
  const actorName = useCallback(
    (n: CardNode) => name(t('card.kind'), n.data.label || t('card.unnamed')),
    [name, t],
  )
  const namedNodes = useNamedNodes(nodes, actorName)
  const ariaLabels = useFlowAriaLabels()

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      handlers.onNodesChange(
        changes.filter((c) => c.type === 'position' || c.type === 'dimensions'),
      )
      local.onNodesChange(changes.filter((c) => c.type === 'select'))
    },
    [handlers, local],
  )
  const onConnect = useCallback((c: Connection) => {
    if (c.source !== c.target) setPending({ source: c.source, target: c.target })
  }, [])
  const choose = (kind: RelationKind) => {
    if (!pending) return
    const id = actions.link('stakeholders', pending.source, pending.target, { kind })
    const existing = store
      .getState()
      .canvases.stakeholders.edges.find(
        (e) => e.source === pending.source && e.target === pending.target,
      )
    setPending(null)
    const chosen = id ?? existing?.id ?? null
    if (chosen) selectRelation(chosen)
  }
  const cancel = useCallback(() => setPending(null), [])

  useEffect(() => () => actions.broadcastCursor('stakeholders', null), [actions])
  const onMouseMove = (e: MouseEvent) =>
    handlers.onPointerMove(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))

  return (
    <div
      className="sh-canvas map-canvas"
      data-testid="stakeholder-map"
      onPointerDownCapture={local.onPointerDownCapture}
      onMouseMove={onMouseMove}
      onMouseLeave={handlers.onPointerLeave}
    >
      <RelationMarkers />
      <ReactFlow
        nodes={namedNodes}
        edges={namedEdges}
        ariaLabelConfig={ariaLabels}
        proOptions={FLOW_PRO_OPTIONS}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={local.onEdgesChange}
        onDelete={local.onDelete}
        onNodeDragStart={handlers.onNodeDragStart}
        onNodeDrag={handlers.onNodeDrag}
        onNodeDragStop={handlers.onNodeDragStop}
        onConnect={onConnect}
        onPaneClick={() => {
          selectActor(null)
          selectRelation(null)
        }}
        connectionRadius={40}
        nodesDraggable={editable}
        selectNodesOnDrag={false}
        nodesConnectable={editable}
        edgesFocusable={editable}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
        zoomOnDoubleClick={false}
        fitView
        fitViewOptions={fit}
        minZoom={0.1}
        maxZoom={2.5}
      >
        {!projector && (
          <Controls showInteractive={false} fitViewOptions={FIT} onFitView={framing.onFitView} />
        )}
        <FlowZoomVar />
        <RemoteCursors canvas="stakeholders" />
        {editable && !projector && storeNodes.length > 1 && (
          <Panel position="top-left" className="toolbar map-tools">
            <ActorLinkMenu />
          </Panel>
        )}
        {editable && pending && (
          <RelationChooser pending={pending} onChoose={choose} onCancel={cancel} />
        )}
        {editable && !pending && storeNodes.length > 1 && storeEdges.length === 0 && (
          <Panel position="top-center" className="map-hint">
            {t('toolbar.linkHint')}
          </Panel>
        )}
        <FlowCredit />
      </ReactFlow>
    </div>
  )
}
