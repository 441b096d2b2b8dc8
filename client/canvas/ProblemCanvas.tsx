import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import type { ProblemNode } from '../store/projection.ts'
import { throttle } from '../lib/throttle.ts'
import { ProblemCardNode } from './ProblemCardNode.tsx'
import { RemoteCursors } from './RemoteCursors.tsx'
import { CanvasToolbar } from './CanvasToolbar.tsx'
import { useBoardShortcuts } from './useBoardShortcuts.ts'
import { CARD_W } from './placement.ts'
import './canvas.css'

const nodeTypes = { problem: ProblemCardNode }
const nodesSelector = (s: BoardState) => s.nodes
const edgesSelector = (s: BoardState) => s.edges
const syncedSelector = (s: BoardState) => s.synced
/** Awareness traffic for live positions: at most 30 messages a second. */
const LIVE_MS = 1000 / 30

const minimapColor = (n: Node) =>
  n.data?.role === 'core' ? '#b3261e' : n.data?.role === 'effect' ? '#2f5fa8' : '#c77d00'

export function ProblemCanvas() {
  const { t } = useTranslation('board')
  const nodes = useBoard(nodesSelector)
  const edges = useBoard(edgesSelector)
  const synced = useBoard(syncedSelector)
  const editable = useBoard(canEdit)
  const { store, actions } = useBoardSession()
  const flow = useReactFlow()
  const fitted = useRef(false)
  useBoardShortcuts()

  const sendDrag = useMemo(() => throttle(actions.broadcastDrag, LIVE_MS), [actions])
  const sendCursor = useMemo(() => throttle(actions.broadcastCursor, LIVE_MS), [actions])

  useEffect(() => {
    if (!synced || fitted.current) return
    fitted.current = true
    if (store.getState().nodes.length)
      requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1.2 }))
  }, [synced, store, flow])

  const onNodesChange = useCallback(
    (changes: NodeChange<ProblemNode>[]) => {
      const local = changes.filter(
        (c) => c.type === 'select' || c.type === 'dimensions' || c.type === 'position',
      )
      if (local.length) store.setState((s) => ({ nodes: applyNodeChanges(local, s.nodes) }))
      const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []))
      if (removed.length) actions.remove(removed)
    },
    [store, actions],
  )
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const local = changes.filter((c) => c.type === 'select')
      if (local.length) store.setState((s) => ({ edges: applyEdgeChanges(local, s.edges) }))
      const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []))
      if (removed.length) actions.remove([], removed)
    },
    [store, actions],
  )
  const positionsOf = (dragged: Node[]) =>
    new Map(dragged.map((n) => [n.id, { x: n.position.x, y: n.position.y }]))
  const onNodeDragStart: OnNodeDrag<ProblemNode> = useCallback(
    () => actions.beginGesture(),
    [actions],
  )
  const onNodeDrag: OnNodeDrag<ProblemNode> = useCallback(
    (_e, _n, dragged) => sendDrag(positionsOf(dragged)),
    [sendDrag],
  )
  const onNodeDragStop: OnNodeDrag<ProblemNode> = useCallback(
    (_e, _n, dragged) => {
      sendDrag.cancel()
      actions.moveCards(positionsOf(dragged))
      actions.broadcastDrag(null)
    },
    [actions, sendDrag],
  )
  const onConnect = useCallback((c: Connection) => void actions.link(c.source, c.target), [actions])

  const onDoubleClick = (e: MouseEvent) => {
    if (!editable || !(e.target as Element).classList.contains('react-flow__pane')) return
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
    const hasCore = store.getState().nodes.some((n) => n.data.role === 'core')
    const id = actions.addProblem(
      { x: at.x - CARD_W / 2, y: at.y - 30 },
      hasCore ? 'cause' : 'core',
    )
    if (id) actions.setEditing(id)
  }
  const onMouseMove = (e: MouseEvent) =>
    sendCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
  const onMouseLeave = () => {
    sendCursor.cancel()
    actions.broadcastCursor(null)
  }

  return (
    <div
      className="canvas"
      onDoubleClick={onDoubleClick}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        nodesDraggable={editable}
        nodesConnectable={editable}
        edgesFocusable={editable}
        deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
        zoomOnDoubleClick={false}
        minZoom={0.1}
        maxZoom={2.5}
      >
        <Background gap={24} color="#d9d6cc" />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={minimapColor} />
        <RemoteCursors />
        {editable && <CanvasToolbar />}
      </ReactFlow>
      {editable && synced && nodes.length === 0 && (
        <div className="canvas-hint">
          <p>{t('toolbar.hintEmpty')}</p>
        </div>
      )}
    </div>
  )
}
