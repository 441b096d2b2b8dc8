import { ViewportPortal, useStore as useFlowStore } from '@xyflow/react'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import type { CanvasName } from '../../shared/schema/index.ts'

const peersSelector = (s: BoardState) => s.peers
const zoomSelector = (s: { transform: [number, number, number] }) => s.transform[2]

/** Other people's cursors, placed in flow coordinates and kept the same size at any zoom. */
export function RemoteCursors({ canvas }: { canvas: CanvasName }) {
  const peers = useBoard(peersSelector)
  // On the projector thirty name labels would cover the tree the room is looking at.
  const projector = useBoard((s: BoardState) => s.role === 'viewer')
  const zoom = useFlowStore(zoomSelector)
  if (projector) return null
  return (
    <ViewportPortal>
      {peers.map((p) =>
        p.cursor?.canvas === canvas ? (
          <div
            key={p.clientId}
            className="remote-cursor"
            data-name={p.user.name}
            style={{
              transform: `translate(${p.cursor.x}px, ${p.cursor.y}px) scale(${1 / zoom})`,
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
        ) : null,
      )}
    </ViewportPortal>
  )
}
