import type { ReactNode } from 'react'
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeTypes,
  type FitViewOptions,
  type GetMiniMapNodeAttribute,
  type Node,
  type NodeTypes,
  type OnBeforeDelete,
  type OnDelete,
  useStore,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { FitAllButton } from './FitAllButton.tsx'
import { FLOW_PRO_OPTIONS, FlowCredit } from './FlowCredit.tsx'
import type { CanvasName } from '../../shared/schema/index.ts'
import type { CardNode, LinkEdge } from '../store/projection.ts'
import { RemoteCursors } from './RemoteCursors.tsx'
import { editableFlowProps, type useCanvasHandlers } from './useCanvasHandlers.ts'
import { useFlowAriaLabels, useNamedEdges, useNamedNodes } from './useFlowLabels.ts'
import './canvas.css'
import './toolbar.css'
import './canvasPhone.css'

/**
 * The minimap's other per-node attributes as functions made once. Left out, React Flow makes a
 * new function for each at every render of the minimap's list, and every minimap node is drawn
 * again for it: on each card added or removed, one per card of the board.
 */
const MINIMAP_NO_CLASS: GetMiniMapNodeAttribute = () => ''
// what React Flow's own default returns: no stroke of the node's own (its CSS gives it one)
const MINIMAP_CSS_STROKE = (() => undefined) as unknown as GetMiniMapNodeAttribute

/** Shift-click adds to the selection too, as people expect from other tools. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']

/**
 * From this many cards, only the cards and links in view are in the page (React Flow draws
 * every card once, to measure it, then keeps those in view). With thousands of cards, laying
 * out, layering and hit-testing the whole tree at every frame of a drag was most of its cost;
 * a workshop's tree of a few dozen cards stays whole in the page (find in page, readers).
 */
export const VIEW_ONLY_FROM = 300

/**
 * The board's canvas, one for every document-bound tree: React Flow with the background, the
 * controls and minimap, other people's cursors, the editing props of the role (drag, link,
 * delete with Delete, zoom bounds), multi-select keys, the fit policy, and React Flow's words,
 * cards and links named in the reader's language. A canvas adds its cards, its links and its own
 * panels (children).
 */
export function BoardCanvas({
  canvas,
  nodes,
  edges,
  labelsFrom,
  cardName,
  nodeTypes,
  edgeTypes,
  handlers,
  onConnect,
  onBeforeDelete,
  onDelete,
  editable,
  fitViewOptions,
  onFitView,
  minimapColor,
  keyboardA11y = true,
  chrome = true,
  children,
}: {
  canvas: CanvasName
  nodes: CardNode[]
  edges: LinkEdge[]
  /** The cards whose texts name the links for screen readers (the store's, not animated). */
  labelsFrom: CardNode[]
  /** What a card is called for screen readers: its kind and its text (stable, see useNamedNodes). */
  cardName: (n: CardNode) => string
  nodeTypes: NodeTypes
  edgeTypes?: EdgeTypes
  handlers: ReturnType<typeof useCanvasHandlers>
  onConnect: (c: Connection) => void
  onBeforeDelete?: OnBeforeDelete<CardNode, LinkEdge>
  /** What a deletion writes, when it is more than the cards' and links' removal. */
  onDelete?: OnDelete<CardNode, LinkEdge>
  editable: boolean
  fitViewOptions: FitViewOptions
  /**
   * «Mostra tutto» frames the cards again this way (clear of the toolbars and the warnings),
   * instead of React Flow's own fit with `fitViewOptions`.
   */
  onFitView?: () => void
  minimapColor: (n: Node) => string
  /** React Flow's own arrow-key moves; off where the arrows walk the tree instead. */
  keyboardA11y?: boolean
  /** The zoom controls and the minimap; the projector shows the tree alone. */
  chrome?: boolean
  children?: ReactNode
}) {
  // with its own keys off React Flow still writes the help a card is read with (the tree's keys,
  // useFlowAriaLabels) but no longer points the cards to it: they do
  const rfId = useStore((s) => s.rfId)
  const namedNodes = useNamedNodes(
    nodes,
    cardName,
    keyboardA11y ? undefined : `react-flow__node-desc-${rfId}`,
  )
  const namedEdges = useNamedEdges(edges, labelsFrom)
  const ariaLabels = useFlowAriaLabels(!keyboardA11y)
  return (
    <ReactFlow
      nodes={namedNodes}
      edges={namedEdges}
      ariaLabelConfig={ariaLabels}
      proOptions={FLOW_PRO_OPTIONS}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={handlers.onNodesChange}
      onEdgesChange={handlers.onEdgesChange}
      onDelete={onDelete ?? handlers.onDelete}
      onNodeDragStart={handlers.onNodeDragStart}
      onNodeDrag={handlers.onNodeDrag}
      onNodeDragStop={handlers.onNodeDragStop}
      onConnect={onConnect}
      onBeforeDelete={onBeforeDelete}
      {...editableFlowProps(editable)}
      disableKeyboardA11y={!keyboardA11y}
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      fitViewOptions={fitViewOptions}
      onlyRenderVisibleElements={nodes.length >= VIEW_ONLY_FROM}
    >
      <Background gap={24} color="#d9d6cc" />
      {chrome && (
        <Controls showInteractive={false} showFitView={!onFitView} fitViewOptions={fitViewOptions}>
          {onFitView && <FitAllButton onClick={onFitView} />}
        </Controls>
      )}
      {chrome && (
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeClassName={MINIMAP_NO_CLASS}
          nodeStrokeColor={MINIMAP_CSS_STROKE}
        />
      )}
      <RemoteCursors canvas={canvas} />
      {children}
      {/* last, where React Flow puts its own: the keyboard reaches it after the canvas's tools */}
      <FlowCredit />
    </ReactFlow>
  )
}
