/**
 * The client benchmark's baseline: the same problem tree drawn by React Flow alone — local React
 * state, applyNodeChanges for drags, no Yjs, no zustand, no sync, no i18n. It reads a Trama
 * export from `?board=<url>` (default /board.json); `?chrome=1` adds the Background, Controls and
 * MiniMap that Trama's canvas shows.
 */
import { StrictMode, memo, useCallback, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import './baseline.css'

type Role = 'core' | 'cause' | 'effect'
type CardNode = Node<{ label: string; role: Role }, 'problem'>

interface ExportedBoard {
  canvases: {
    problems: {
      nodes: { id: string; label: string; role: Role; x: number; y: number }[]
      edges: { id: string; source: string; target: string }[]
    }
  }
}

const ROLE_LABELS: Record<Role, string> = {
  core: 'Problema centrale',
  cause: 'Causa',
  effect: 'Effetto',
}

const ProblemCard = memo(function ProblemCard({ data, selected }: NodeProps<CardNode>) {
  return (
    <div className={`problem-card role-${data.role}${selected ? ' selected' : ''}`}>
      <Handle type="target" position={Position.Bottom} />
      <div className="card-role">{ROLE_LABELS[data.role]}</div>
      <div className="card-label">{data.label}</div>
      <Handle type="source" position={Position.Top} />
    </div>
  )
})

const params = new URLSearchParams(location.search)
const BOARD_URL = params.get('board') ?? '/board.json'
const CHROME = params.get('chrome') === '1'

const nodeTypes = { problem: ProblemCard }
const fitViewOptions = { padding: 0.2, maxZoom: 1.2 }
const minimapColor = (n: Node) =>
  n.data?.role === 'core' ? '#b3261e' : n.data?.role === 'effect' ? '#2f5fa8' : '#c77d00'

function toFlow(board: ExportedBoard): { nodes: CardNode[]; edges: Edge[] } {
  const { nodes, edges } = board.canvases.problems
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: 'problem',
      position: { x: n.x, y: n.y },
      data: { label: n.label, role: n.role },
    })),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    })),
  }
}

function Board({ initial, chrome }: { initial: ReturnType<typeof toFlow>; chrome: boolean }) {
  const [nodes, setNodes] = useState(initial.nodes)
  const [edges, setEdges] = useState(initial.edges)
  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  )
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  )
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      fitViewOptions={fitViewOptions}
      disableKeyboardA11y
      zoomOnDoubleClick={false}
      minZoom={0.1}
      maxZoom={2.5}
    >
      {chrome && <Background gap={24} color="#d9d6cc" />}
      {chrome && <Controls showInteractive={false} />}
      {chrome && <MiniMap pannable zoomable nodeColor={minimapColor} />}
    </ReactFlow>
  )
}

function App() {
  const [board, setBoard] = useState<ReturnType<typeof toFlow> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetch(BOARD_URL)
      .then((res) => {
        if (!res.ok) throw new Error(`board: HTTP ${res.status}`)
        return res.json() as Promise<ExportedBoard>
      })
      .then((json) => setBoard(toFlow(json)))
      .catch((err: Error) => setError(err.message))
  }, [])
  if (error) return <p className="baseline-error">{error}</p>
  return board ? <Board initial={board} chrome={CHROME} /> : null
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
