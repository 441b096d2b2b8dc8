import { useTranslation } from 'react-i18next'
import { BODY_LEVELS } from '../../../shared/schema/index.ts'
import type { Actor } from '../../../shared/stakeholders/actors.ts'
import { ACTOR_CATEGORIES } from '../../../shared/schema/index.ts'
import { CATEGORY_COLORS } from '../../stakeholders/visuals.tsx'
import type { Body } from '../data.ts'
import { LEVEL_COLORS } from './levels.ts'
import { wrapAtMost } from '../../../shared/render/svg.ts'

const BOX_W = 240
const GAP = 120
const PAD = 12
/** Between two boxes of a column. */
const SPACE = 12
const WIDTH = PAD * 2 + BOX_W * 2 + GAP
/**
 * Names are shown whole, in as many lines as they need up to this (the last then ends with «…»;
 * the tooltip has it all): the projector cut them at 24 characters, where «Cabina di regia
 * territo…» told the room nothing.
 */
const MAX_LINES = 4

const BODY_NAME = { size: 13, line: 16, inset: 10 }
const ACTOR_NAME = { size: 12.5, line: 15.5, inset: 14 }

/** Where the boxes of a column stand: the shorter column is centred against the longer. */
function stack(heights: number[], total: number): number[] {
  const own = heights.reduce((a, h) => a + h, 0) + SPACE * Math.max(0, heights.length - 1)
  let y = PAD + (total - own) / 2
  return heights.map((h) => {
    const at = y
    y += h + SPACE
    return at
  })
}

/** The lines of a text, one tspan each, the first baseline at `y`. */
function Lines({ lines, x, y, step }: { lines: string[]; x: number; y: number; step: number }) {
  return lines.map((line, i) => (
    <tspan key={i} x={x} y={y + i * step}>
      {line}
    </tspan>
  ))
}

/**
 * Who sits where: the bodies on the left (from the political level down), the actors that sit
 * in them on the right, a line for each seat; the lead actor's line is thick and starred.
 */
export function GovernanceDiagram({ bodies, actors }: { bodies: Body[]; actors: Actor[] }) {
  const { t } = useTranslation('pact')
  const byId = new Map(actors.map((a) => [a.id, a]))
  const shownBodies = [...bodies].sort(
    (a, b) => BODY_LEVELS.indexOf(a.level) - BODY_LEVELS.indexOf(b.level) || a.order - b.order,
  )
  const seated = new Set(bodies.flatMap((b) => b.members.filter((m) => byId.has(m))))
  const shownActors = actors
    .filter((a) => seated.has(a.id))
    .sort(
      (a, b) =>
        ACTOR_CATEGORIES.indexOf(a.category) - ACTOR_CATEGORIES.indexOf(b.category) ||
        a.label.localeCompare(b.label),
    )
  const bodyBoxes = shownBodies.map((b) => {
    const name = b.label || t('governance.unnamedBody')
    const lines = wrapAtMost(name, BOX_W - 2 * BODY_NAME.inset, BODY_NAME.size, MAX_LINES)
    // the name's lines, then the level and the number of members
    return { b, name, lines, h: 10 + lines.length * BODY_NAME.line + 16 }
  })
  const actorBoxes = shownActors.map((a) => {
    const name = a.label || t('unnamedActor')
    const leads = bodies.some((b) => b.lead === a.id)
    const lines = wrapAtMost(
      `${leads ? '★ ' : ''}${name}`,
      BOX_W - 2 * ACTOR_NAME.inset,
      ACTOR_NAME.size,
      MAX_LINES,
    )
    return { a, name, lines, h: 16 + lines.length * ACTOR_NAME.line }
  })
  const columnHeight = (boxes: { h: number }[]) =>
    boxes.reduce((sum, x) => sum + x.h, 0) + SPACE * Math.max(0, boxes.length - 1)
  const inner = Math.max(columnHeight(bodyBoxes), columnHeight(actorBoxes), 34)
  const height = PAD * 2 + inner
  const bodyTops = stack(
    bodyBoxes.map((x) => x.h),
    inner,
  )
  const actorTops = stack(
    actorBoxes.map((x) => x.h),
    inner,
  )
  // a seat's line joins the middles of its two boxes
  const bodyMid = new Map(bodyBoxes.map((x, i) => [x.b.id, bodyTops[i]! + x.h / 2]))
  const actorMid = new Map(actorBoxes.map((x, i) => [x.a.id, actorTops[i]! + x.h / 2]))
  const rightX = PAD + BOX_W + GAP

  return (
    <section className="pact-panel gov-diagram" aria-labelledby="gov-diagram-title">
      <h2 id="gov-diagram-title">{t('governance.diagram')}</h2>
      {shownBodies.length === 0 ? (
        <p className="pact-hint">{t('governance.diagramEmpty')}</p>
      ) : (
        // a box that scrolls sideways where the diagram keeps a width its names read at (a phone)
        <div className="gov-diagram-scroll">
          <svg
            viewBox={`0 0 ${WIDTH} ${height}`}
            width="100%"
            role="img"
            aria-label={t('governance.diagramLabel', {
              bodies: shownBodies.length,
              actors: shownActors.length,
            })}
            data-testid="gov-diagram"
          >
            {shownBodies.flatMap((b) =>
              b.members
                .filter((m) => actorMid.has(m))
                .map((m) => {
                  const y1 = bodyMid.get(b.id)!
                  const y2 = actorMid.get(m)!
                  const lead = b.lead === m
                  return (
                    <path
                      key={`${b.id}-${m}`}
                      d={`M ${PAD + BOX_W} ${y1} C ${PAD + BOX_W + GAP / 2} ${y1}, ${rightX - GAP / 2} ${y2}, ${rightX} ${y2}`}
                      fill="none"
                      stroke={LEVEL_COLORS[b.level]}
                      strokeWidth={lead ? 3.5 : 1.5}
                      strokeOpacity={lead ? 1 : 0.65}
                    />
                  )
                }),
            )}
            {bodyBoxes.map(({ b, name, lines, h }, i) => {
              const y = bodyTops[i]!
              return (
                <g key={b.id} data-diagram-body={b.id}>
                  <title>{`${name} · ${t(`levels.${b.level}`)}`}</title>
                  <rect
                    x={PAD}
                    y={y}
                    width={BOX_W}
                    height={h}
                    rx={6}
                    fill={LEVEL_COLORS[b.level]}
                  />
                  <text fill="#fff" fontSize={BODY_NAME.size} fontWeight={600}>
                    <Lines
                      lines={lines}
                      x={PAD + BODY_NAME.inset}
                      y={y + 6 + BODY_NAME.size}
                      step={BODY_NAME.line}
                    />
                  </text>
                  <text
                    x={PAD + BODY_NAME.inset}
                    y={y + h - 7}
                    fill="#fff"
                    fontSize={10}
                    opacity={0.9}
                  >
                    {t(`levels.${b.level}`)} ·{' '}
                    {t('governance.membersCount', { count: b.members.length })}
                  </text>
                </g>
              )
            })}
            {actorBoxes.map(({ a, name, lines, h }, i) => {
              const y = actorTops[i]!
              const colors = CATEGORY_COLORS[a.category]
              return (
                <g key={a.id} data-diagram-actor={a.id}>
                  <title>{name}</title>
                  <rect
                    x={rightX}
                    y={y}
                    width={BOX_W}
                    height={h}
                    rx={Math.min(17, h / 2)}
                    fill={colors.tint}
                    stroke={colors.ink}
                    strokeWidth={1.5}
                  />
                  <text fill={colors.ink} fontSize={ACTOR_NAME.size} fontWeight={600}>
                    <Lines
                      lines={lines}
                      x={rightX + ACTOR_NAME.inset}
                      y={y + 7 + ACTOR_NAME.size}
                      step={ACTOR_NAME.line}
                    />
                  </text>
                </g>
              )
            })}
          </svg>
        </div>
      )}
      <p className="gov-legend">
        {BODY_LEVELS.map((l) => (
          <span key={l}>
            <i style={{ background: LEVEL_COLORS[l] }} /> {t(`levels.${l}`)}
          </span>
        ))}
        <span>★ {t('governance.fields.lead')}</span>
      </p>
    </section>
  )
}
