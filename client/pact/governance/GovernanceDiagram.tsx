import { useTranslation } from 'react-i18next'
import { BODY_LEVELS } from '../../../shared/schema/index.ts'
import type { Actor } from '../../../shared/stakeholders/actors.ts'
import { ACTOR_CATEGORIES } from '../../../shared/schema/index.ts'
import { CATEGORY_COLORS } from '../../stakeholders/visuals.tsx'
import type { Body } from '../data.ts'
import { LEVEL_COLORS } from './levels.ts'

const BOX_W = 210
const BOX_H = 34
const ROW = 46
const GAP = 150
const PAD = 12
const WIDTH = PAD * 2 + BOX_W * 2 + GAP
const MAX_CHARS = 24

function clip(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text
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
  const rows = Math.max(shownBodies.length, shownActors.length, 1)
  const height = PAD * 2 + rows * ROW - (ROW - BOX_H)
  // the shorter column is centred against the longer one
  const top = (n: number) => PAD + ((rows - n) * ROW) / 2
  const bodyY = new Map(shownBodies.map((b, i) => [b.id, top(shownBodies.length) + i * ROW]))
  const actorY = new Map(shownActors.map((a, i) => [a.id, top(shownActors.length) + i * ROW]))
  const rightX = PAD + BOX_W + GAP

  return (
    <section className="pact-panel gov-diagram" aria-labelledby="gov-diagram-title">
      <h2 id="gov-diagram-title">{t('governance.diagram')}</h2>
      {shownBodies.length === 0 ? (
        <p className="pact-hint">{t('governance.diagramEmpty')}</p>
      ) : (
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
              .filter((m) => actorY.has(m))
              .map((m) => {
                const y1 = bodyY.get(b.id)! + BOX_H / 2
                const y2 = actorY.get(m)! + BOX_H / 2
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
          {shownBodies.map((b) => {
            const y = bodyY.get(b.id)!
            const name = b.label || t('governance.unnamedBody')
            return (
              <g key={b.id} data-diagram-body={b.id}>
                <title>{`${name} · ${t(`levels.${b.level}`)}`}</title>
                <rect
                  x={PAD}
                  y={y}
                  width={BOX_W}
                  height={BOX_H}
                  rx={6}
                  fill={LEVEL_COLORS[b.level]}
                />
                <text x={PAD + 10} y={y + 15} fill="#fff" fontSize={13} fontWeight={600}>
                  {clip(name)}
                </text>
                <text x={PAD + 10} y={y + 28} fill="#fff" fontSize={10} opacity={0.9}>
                  {t(`levels.${b.level}`)} ·{' '}
                  {t('governance.membersCount', { count: b.members.length })}
                </text>
              </g>
            )
          })}
          {shownActors.map((a) => {
            const y = actorY.get(a.id)!
            const colors = CATEGORY_COLORS[a.category]
            const leads = bodies.filter((b) => b.lead === a.id).length
            const name = a.label || t('unnamedActor')
            return (
              <g key={a.id} data-diagram-actor={a.id}>
                <title>{name}</title>
                <rect
                  x={rightX}
                  y={y}
                  width={BOX_W}
                  height={BOX_H}
                  rx={17}
                  fill={colors.tint}
                  stroke={colors.ink}
                  strokeWidth={1.5}
                />
                <text
                  x={rightX + 14}
                  y={y + 21.5}
                  fill={colors.ink}
                  fontSize={12.5}
                  fontWeight={600}
                >
                  {leads ? '★ ' : ''}
                  {clip(name)}
                </text>
              </g>
            )
          })}
        </svg>
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
