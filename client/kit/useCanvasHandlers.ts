import { useCallback, useEffect, useMemo } from 'react'
import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnDelete,
  type OnNodeDrag,
} from '@xyflow/react'
import type { CanvasName } from '../../shared/schema/index.ts'
import { useBoardSession } from '../store/context.tsx'
import type { CardNode } from '../store/projection.ts'
import { throttle } from '../lib/throttle.ts'
import { selectOnly } from '../store/selection.ts'
import { focusCardFrom } from './treeWalk.ts'

/** Awareness traffic for live positions: at most 30 messages a second while dragging… */
const LIVE_MS = 1000 / 30
/** …and 15 for a cursor, which 30 people move at once. */
const CURSOR_MS = 1000 / 15

const positionsOf = (dragged: Node[]) =>
  new Map(dragged.map((n) => [n.id, { x: n.position.x, y: n.position.y }]))

/**
 * React Flow's change handlers for one canvas of the board: selection and measured sizes stay in
 * the store (local), deletions go to the document (one write each), live drag positions go through awareness and
 * the final position is written once, on drop, for all dragged cards in one transaction.
 */
export function useCanvasHandlers(canvas: CanvasName) {
  const { store, actions } = useBoardSession()
  const sendDrag = useMemo(
    () =>
      throttle(
        (p: Map<string, { x: number; y: number }>) => actions.broadcastDrag(canvas, p),
        LIVE_MS,
      ),
    [actions, canvas],
  )
  const sendCursor = useMemo(
    () => throttle((p: { x: number; y: number }) => actions.broadcastCursor(canvas, p), CURSOR_MS),
    [actions, canvas],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      const local = changes.filter(
        (c) => c.type === 'select' || c.type === 'dimensions' || c.type === 'position',
      )
      if (local.length)
        store.setState((s) => ({
          canvases: {
            ...s.canvases,
            [canvas]: {
              ...s.canvases[canvas],
              nodes: applyNodeChanges(local, s.canvases[canvas].nodes),
            },
          },
        }))
      // Moves that are not a mouse drag (React Flow's arrow-key nudges) are final at once; at a
      // drag's end this writes the same values the drop handler writes, which changes nothing.
      const settled = new Map<string, { x: number; y: number }>()
      for (const c of changes)
        if (c.type === 'position' && c.dragging === false && c.position)
          settled.set(c.id, c.position)
      if (settled.size) actions.moveCards(canvas, settled)
    },
    [store, actions, canvas],
  )
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const local = changes.filter((c) => c.type === 'select')
      if (local.length)
        store.setState((s) => ({
          canvases: {
            ...s.canvases,
            [canvas]: {
              ...s.canvases[canvas],
              edges: applyEdgeChanges(local, s.canvases[canvas].edges),
            },
          },
        }))
    },
    [store, actions, canvas],
  )
  /**
   * Delete removes the selected cards and links, and the links of those cards, in one write:
   * one undo brings them all back. (React Flow reports the links' removal and the cards' as two
   * changes, links first: written as they came, the first undo brought the cards back alone.)
   */
  const onDelete: OnDelete<CardNode> = useCallback(
    ({ nodes, edges }) => {
      // One card deleted (the keyboard's Delete): the selection moves to a card it was linked to,
      // its effect first, so the arrows go on from there instead of from nowhere.
      const gone = new Set(nodes.map((n) => n.id))
      const links = store.getState().canvases[canvas].edges
      const next =
        nodes.length === 1
          ? (links.find((l) => gone.has(l.source) && !gone.has(l.target))?.target ??
            links.find((l) => gone.has(l.target) && !gone.has(l.source))?.source)
          : undefined
      // the keyboard's focus, on the card deleted, goes with the selection: not to the page
      const at = document.activeElement?.closest<HTMLElement>('.react-flow__node')
      const flowEl = at && gone.has(at.dataset.id ?? '') ? at.closest('.react-flow') : null
      actions.removeCards(
        canvas,
        nodes.map((n) => n.id),
        edges.map((e) => e.id),
      )
      if (next) selectOnly(store, canvas, next)
      if (next && flowEl) focusCardFrom(flowEl, next)
    },
    [actions, canvas, store],
  )
  const onNodeDragStart: OnNodeDrag<CardNode> = useCallback(() => actions.beginGesture(), [actions])
  const onNodeDrag: OnNodeDrag<CardNode> = useCallback(
    (_e, _n, dragged) => sendDrag(positionsOf(dragged)),
    [sendDrag],
  )
  const onNodeDragStop: OnNodeDrag<CardNode> = useCallback(
    (_e, _n, dragged) => {
      sendDrag.cancel()
      actions.moveCards(canvas, positionsOf(dragged))
      actions.broadcastDrag(canvas, null)
    },
    [actions, sendDrag, canvas],
  )
  const onPointerMove = useCallback(
    (flowPos: { x: number; y: number }) => sendCursor(flowPos),
    [sendCursor],
  )
  const onPointerLeave = useCallback(() => {
    sendCursor.cancel()
    actions.broadcastCursor(canvas, null)
  }, [sendCursor, actions, canvas])

  // Leaving the canvas (another tab, another board) must not leave a ghost cursor or drag.
  useEffect(
    () => () => {
      sendDrag.cancel()
      sendCursor.cancel()
      actions.broadcastDrag(canvas, null)
      actions.broadcastCursor(canvas, null)
    },
    [actions, canvas, sendDrag, sendCursor],
  )

  return {
    onNodesChange,
    onEdgesChange,
    onDelete,
    onNodeDragStart,
    onNodeDrag,
    onNodeDragStop,
    onPointerMove,
    onPointerLeave,
  }
}

/**
 * What editing allows on every document-bound canvas: dragging, linking, deleting with Delete.
 * Backspace is not a delete key here: right after writing a card it is the key a person presses
 * to fix a typo, so it opens the card's text instead (see `editWithKey`). A viewer gets none of
 * it. Double-click is the canvases' own (it adds a card).
 */
export function editableFlowProps(editable: boolean) {
  return {
    nodesDraggable: editable,
    nodesConnectable: editable,
    edgesFocusable: editable,
    deleteKeyCode: editable ? 'Delete' : null,
    zoomOnDoubleClick: false,
    minZoom: 0.1,
    maxZoom: 2.5,
  }
}
