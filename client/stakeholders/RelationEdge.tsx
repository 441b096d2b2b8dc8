import { memo, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps } from '@xyflow/react'
import type { RelationKind } from '../../shared/schema/index.ts'
import type { LinkEdge } from '../store/projection.ts'
import type { Rect } from '../../shared/stakeholders/route.ts'
import { laneLabelAt } from '../../shared/stakeholders/routeGeometry.ts'
import { asRelationKind } from './data.ts'
import { useSelection } from './selection.tsx'
import { rectOf, useRelationRoute } from './useRelationRoute.ts'
import { RELATION_STYLES } from './visuals.tsx'

type XY = { x: number; y: number }

/** A card's rectangle as the label's placing reads it: centre and half sizes. */
const boxOf = (r: Rect) => ({
  cx: r.x + r.width / 2,
  cy: r.y + r.height / 2,
  hw: r.width / 2,
  hh: r.height / 2,
})

type Box = ReturnType<typeof boxOf>
/** Room kept between a relation's label and a card (flow units): the name, the glyph alone. */
const LABEL_CLEARANCE = { full: 4, compact: 2 }
/** The label reduced to its glyph: the glyph's circle, the border and padding around it. */
const COMPACT = { w: 24, h: 22 }

/** Whether a label of size `size` centred at `at` comes within `m` of the card `b`. */
function covers(b: Box, at: XY, size: { w: number; h: number }, m: number): boolean {
  return (
    Math.abs(at.x - b.cx) < b.hw + size.w / 2 + m && Math.abs(at.y - b.cy) < b.hh + size.h / 2 + m
  )
}

/**
 * Where a relation's label goes, and whether it shows its name: at the middle of the link, whole
 * when it lies clear of every card; else its glyph alone (two cards closer than the name is long:
 * the name lay over both and hid their stance), and that glyph moved along the link's normal,
 * away from the cards, when even it would touch one (cards side by side, nearly touching).
 */
export function placeLabel(
  a: Box,
  b: Box,
  mid: XY,
  normal: XY,
  full: { w: number; h: number } | null,
  others: readonly Box[] = [],
): { at: XY; compact: boolean } {
  const clear = (at: XY, size: { w: number; h: number }, m: number) =>
    !covers(a, at, size, m) && !covers(b, at, size, m)
  // the full size unknown yet (not measured): shown whole, to be measured; whole too when it
  // lies clear of every card (a name over a third card hid it, as the lines did)
  if (
    !full ||
    (clear(mid, full, LABEL_CLEARANCE.full) &&
      !others.some((o) => covers(o, mid, full, LABEL_CLEARANCE.full)))
  )
    return { at: mid, compact: false }
  for (let d = 0; d <= 400; d += 4) {
    for (const sign of [1, -1]) {
      const at = { x: mid.x + normal.x * d * sign, y: mid.y + normal.y * d * sign }
      if (clear(at, COMPACT, LABEL_CLEARANCE.compact)) return { at, compact: true }
    }
  }
  return { at: mid, compact: true }
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
  const kind = asRelationKind(data?.kind)
  const style = RELATION_STYLES[kind]
  // bent around the other cards, so that it never passes under one it does not join (the room
  // read a line under a card as ending there)
  const lane = {
    lane: typeof data?.lane === 'number' ? data.lane : 0,
    lanes: typeof data?.lanes === 'number' ? data.lanes : 1,
    reversed: !!data?.reversed,
  }
  const route = useRelationRoute({ source, target, ...lane, directed: style.directed })
  const name = t(`relations.${kind}`)
  const note = typeof data?.note === 'string' ? data.note : ''
  // the whole label's size (flow units: the label is drawn inside the viewport's zoom), measured
  // once, while it shows whole (not at every frame of a drag); again when its words change
  const words = `${name}\u0000${note}`
  const label = useRef<HTMLDivElement>(null)
  const [full, setFull] = useState<{ words: string; w: number; h: number } | null>(null)
  const fullSize = full?.words === words ? full : null
  const compactNow = useRef(false)
  useLayoutEffect(() => {
    const el = label.current
    if (!el || compactNow.current || full?.words === words) return
    const w = el.offsetWidth
    const h = el.offsetHeight
    if (w) setFull({ words, w, h })
  })
  if (!from || !to || !route) return null
  const fromRect = rectOf(from)
  const toRect = rectOf(to)
  const a = boxOf(fromRect)
  const b = boxOf(toRect)
  const { path, normal } = route
  // the labels of relations between the same two actors apart along the line (their routes may
  // meet where both labels would sit), as the picture's glyphs are (shared/render/stakeholders.ts)
  const mid = laneLabelAt(route.mid, fromRect, toRect, lane, fullSize ?? COMPACT)
  const place = placeLabel(a, b, mid, normal, fullSize, route.near.map(boxOf))
  compactNow.current = place.compact
  const title = note ? `${name}: ${note}` : name
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
          ref={label}
          className={`relation-label nodrag nopan${selected ? ' selected' : ''}${place.compact ? ' compact' : ''}`}
          data-kind={kind}
          data-compact={place.compact || undefined}
          style={{
            transform: `translate(-50%, -50%) translate(${place.at.x}px, ${place.at.y}px)`,
            borderColor: style.color,
            color: style.color,
          }}
          // the name and note in the tooltip: the glyph alone shows no name
          title={place.compact || note ? title : undefined}
          onClick={() => selectRelation(id)}
        >
          <span className="relation-glyph" style={{ background: style.color }} aria-hidden="true">
            {style.glyph}
          </span>
          {/* glyph alone: the name still read by a screen reader */}
          <span className={place.compact ? 'visually-hidden' : undefined}>{name}</span>
          {note && (
            <span className={place.compact ? 'visually-hidden' : 'relation-note'}>{note}</span>
          )}
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
