import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  BaseEdge,
  EdgeLabelRenderer,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react'
import type { RelationKind } from '../../shared/schema/index.ts'
import type { LinkEdge } from '../store/projection.ts'
import { asRelationKind } from './data.ts'
import { useSelection } from './selection.tsx'
import { RELATION_STYLES } from './visuals.tsx'

type XY = { x: number; y: number }
/** Distance between the curves of parallel relations at their middle (labels: half of it). */
const LANE_GAP = 64

function box(node: InternalNode) {
  const w = node.measured.width ?? 0
  const h = node.measured.height ?? 0
  const { x, y } = node.internals.positionAbsolute
  return { cx: x + w / 2, cy: y + h / 2, hw: w / 2, hh: h / 2 }
}

/** Where the segment from a card's centre towards `to` leaves the card (plus a small gap). */
function border(b: ReturnType<typeof box>, to: XY, gap = 6): XY {
  const dx = to.x - b.cx
  const dy = to.y - b.cy
  if (dx === 0 && dy === 0) return { x: b.cx, y: b.cy }
  const t = Math.min(
    dx === 0 ? Infinity : (b.hw + gap) / Math.abs(dx),
    dy === 0 ? Infinity : (b.hh + gap) / Math.abs(dy),
  )
  return { x: b.cx + dx * t, y: b.cy + dy * t }
}

export function markerId(kind: RelationKind): string {
  return `relation-arrow-${kind}`
}

/**
 * A relationship between two actors on a free map: a "floating" line from border to border,
 * slightly curved so that A→B and B→A stay apart, drawn by kind (colour, dash pattern, glyph and
 * name), with an arrowhead for the kinds that have a direction.
 */
export const RelationEdge = memo(function RelationEdge({
  id,
  source,
  target,
  data,
  selected,
}: EdgeProps<LinkEdge>) {
  const { t } = useTranslation('stakeholders')
  const { selectRelation } = useSelection()
  const from = useInternalNode(source)
  const to = useInternalNode(target)
  if (!from || !to) return null
  const kind = asRelationKind(data?.kind)
  const style = RELATION_STYLES[kind]
  const a = box(from)
  const b = box(to)
  const s = border(a, { x: b.cx, y: b.cy })
  const e = border(b, { x: a.cx, y: a.cy }, style.directed ? 14 : 6)
  const len = Math.hypot(e.x - s.x, e.y - s.y) || 1
  // one relation: a slight curve (A→B and B→A bend apart); several between the same pair:
  // one lane each, on both sides of the straight line, the same sides whatever the direction
  const lanes = typeof data?.lanes === 'number' ? data.lanes : 1
  const lane = typeof data?.lane === 'number' ? data.lane : 0
  const bend =
    lanes > 1
      ? (lane - (lanes - 1) / 2) * LANE_GAP * (data?.reversed ? -1 : 1)
      : Math.min(40, len / 6)
  const c = {
    x: (s.x + e.x) / 2 + ((e.y - s.y) / len) * bend,
    y: (s.y + e.y) / 2 - ((e.x - s.x) / len) * bend,
  }
  const path = `M${s.x},${s.y} Q${c.x},${c.y} ${e.x},${e.y}`
  const mid = { x: 0.25 * s.x + 0.5 * c.x + 0.25 * e.x, y: 0.25 * s.y + 0.5 * c.y + 0.25 * e.y }
  const note = typeof data?.note === 'string' ? data.note : ''
  return (
    <>
      {selected && (
        <path
          d={path}
          fill="none"
          stroke="#0f6e63"
          strokeOpacity={0.25}
          strokeWidth={style.width + 8}
        />
      )}
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={18}
        markerEnd={style.directed ? `url(#${markerId(kind)})` : undefined}
        style={{
          stroke: style.color,
          strokeWidth: style.width,
          strokeDasharray: style.dash,
          strokeLinecap: 'round',
        }}
      />
      <EdgeLabelRenderer>
        <div
          className={`relation-label nodrag nopan${selected ? ' selected' : ''}`}
          data-kind={kind}
          style={{
            transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)`,
            borderColor: style.color,
            color: style.color,
          }}
          title={note || undefined}
          onClick={() => selectRelation(id)}
        >
          <span className="relation-glyph" style={{ background: style.color }} aria-hidden="true">
            {style.glyph}
          </span>
          {t(`relations.${kind}`)}
          {note && <span className="relation-note">{note}</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  )
})

/** The arrowheads, once per map, coloured by kind. */
export function RelationMarkers() {
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true">
      <defs>
        {(Object.keys(RELATION_STYLES) as RelationKind[]).map((kind) => (
          <marker
            key={kind}
            id={markerId(kind)}
            viewBox="0 0 10 10"
            refX="2"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 Z" fill={RELATION_STYLES[kind].color} />
          </marker>
        ))}
      </defs>
    </svg>
  )
}
