import { useEffect, useReducer, useRef } from 'react'
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react'
import { useBoard } from '../store/context.tsx'
import { isViewer, type BoardState } from '../store/boardStore.ts'
import type { CanvasName } from '../../shared/schema/index.ts'

const peersSelector = (s: BoardState) => s.peers

/**
 * A cursor that has not moved for this long fades and loses its name: a phone's last tap, or a
 * mouse left on a card, stayed over its text and its votes for as long as the person stayed.
 */
export const IDLE_CURSOR_MS = 4_000
const transformSelector = (s: ReactFlowState) => s.transform

/**
 * Other people's cursors, placed in flow coordinates and kept the same size at any zoom. They
 * sit in a layer of their own that follows the canvas's pan and zoom (React Flow's
 * ViewportPortal finds its target with a query of the whole canvas at every store update: with
 * thousands of cards, a few milliseconds at every frame of a drag).
 */
export function RemoteCursors({ canvas }: { canvas: CanvasName }) {
  const peers = useBoard(peersSelector)
  // On the projector thirty name labels would cover the tree the room is looking at.
  const projector = useBoard(isViewer)
  const [x, y, zoom] = useFlowStore(transformSelector)
  const here = peers.filter((p) => p.cursor?.canvas === canvas)
  // when each cursor last moved (as this page saw it)
  const moved = useRef(new Map<number, { x: number; y: number; at: number }>())
  const now = Date.now()
  for (const p of here) {
    const last = moved.current.get(p.clientId)
    if (!last || last.x !== p.cursor!.x || last.y !== p.cursor!.y)
      moved.current.set(p.clientId, { x: p.cursor!.x, y: p.cursor!.y, at: now })
  }
  for (const id of moved.current.keys())
    if (!here.some((p) => p.clientId === id)) moved.current.delete(id)
  const idle = (clientId: number) => now - moved.current.get(clientId)!.at >= IDLE_CURSOR_MS
  // drawn again when the next moving cursor turns idle
  const [, tick] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const next = Math.min(
      ...here.map((p) => moved.current.get(p.clientId)!.at + IDLE_CURSOR_MS).filter((t) => t > now),
    )
    if (!Number.isFinite(next)) return
    const timer = setTimeout(tick, next - now + 20)
    return () => clearTimeout(timer)
  })
  if (projector || !here.length) return null
  return (
    <div
      className="remote-cursors"
      style={{ transform: `translate(${x}px, ${y}px) scale(${zoom})` }}
    >
      {here.map((p) => (
        <div
          key={p.clientId}
          className={`remote-cursor${idle(p.clientId) ? ' idle' : ''}`}
          data-name={p.user.name}
          style={{
            transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px) scale(${1 / zoom})`,
            color: p.user.color,
          }}
        >
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
            <path
              d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z"
              fill="currentColor"
              stroke="#fff"
              strokeWidth="1.2"
            />
          </svg>
          <span className="remote-cursor-name" style={{ background: p.user.color }}>
            {p.user.name}
          </span>
        </div>
      ))}
    </div>
  )
}
