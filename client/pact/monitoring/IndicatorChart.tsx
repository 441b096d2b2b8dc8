import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { HealthState, Indicator, SeriesPoint } from '../../../shared/pact/monitoring.ts'
import { dayNumber, trajectoryLine } from '../../../shared/pact/trajectory.ts'
import { formatNumber } from '../indicators/fields.tsx'
import { formatDay } from '../../../shared/document/labels.ts'
import { STATE_COLORS } from './StateBadge.tsx'

const W = 520
const H = 230
const M = { left: 58, right: 18, top: 14, bottom: 36 }
const DAY_MS = 86_400_000

/** Round steps of 1, 2 or 5 × 10ⁿ covering [min, max] in about `count` steps. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const raw = (max - min) / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
  const ticks: number[] = []
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    ticks.push(Math.round(v / step) * step)
  return ticks
}

function dayLabel(day: number, lang: string, short: boolean): string {
  return new Date(day * DAY_MS).toLocaleDateString(lang.startsWith('en') ? 'en-GB' : 'it-IT', {
    timeZone: 'UTC',
    ...(short
      ? { day: '2-digit', month: '2-digit', year: '2-digit' }
      : { month: 'short', year: 'numeric' }),
  })
}

function Marker({ state, x, y }: { state: HealthState; x: number; y: number }) {
  const fill = STATE_COLORS[state]
  if (state === 'warning')
    return <path d={`M${x},${y - 6} L${x + 6},${y + 5} L${x - 6},${y + 5} Z`} fill={fill} />
  if (state === 'critical') return <rect x={x - 5} y={y - 5} width={10} height={10} fill={fill} />
  if (state === 'on-track') return <circle cx={x} cy={y} r={5.5} fill={fill} />
  return <circle cx={x} cy={y} r={5} fill="#fff" stroke={fill} strokeWidth={2} />
}

/**
 * One indicator across the rounds, in plain SVG: the straight trajectory from baseline to target
 * (held after the target date), the measured values coloured and shaped by their state, axes
 * with dates and values, and a title and description for screen readers.
 */
export function IndicatorChart({
  indicator,
  points,
}: {
  indicator: Indicator
  points: SeriesPoint[]
}) {
  const { t, i18n } = useTranslation('pactMonitoring')
  const lang = i18n.language
  const id = useId()
  const line = trajectoryLine(indicator)
  const plan = 'reason' in line ? null : line
  const num = (v: number) => formatNumber(v, lang)
  const name = indicator.label || t('indicators.unnamed')

  const days = points.map((p) => dayNumber(p.round.date)).filter((d): d is number => d !== null)
  const values = points.map((p) => p.value)
  if (plan) {
    days.push(plan.from, plan.to)
    values.push(plan.baseline, plan.target)
  }
  const title = t('chart.title', { label: name })
  const desc = plan
    ? t('chart.desc', {
        baseline: num(plan.baseline),
        baselineDate: formatDay(indicator.baselineDate, lang),
        target: num(plan.target),
        targetDate: formatDay(indicator.targetDate, lang),
        count: points.length,
      })
    : t('chart.descNoPlan', {
        reason: t(`reasons.${'reason' in line ? line.reason : 'no-value'}`),
        count: points.length,
      })

  let x0 = Math.min(...days)
  let x1 = Math.max(...days)
  if (!days.length) [x0, x1] = [0, 1]
  else if (x0 === x1) [x0, x1] = [x0 - 30, x1 + 30]
  let y0 = values.length ? Math.min(...values) : 0
  let y1 = values.length ? Math.max(...values) : 1
  if (y0 === y1)
    [y0, y1] = [y0 - Math.max(1, Math.abs(y0) * 0.1), y1 + Math.max(1, Math.abs(y1) * 0.1)]
  // a little air above and below, and zero in view when the values are not far from it
  const pad = (y1 - y0) * 0.08
  y0 = y0 >= 0 && y0 - pad < y1 * 0.35 ? 0 : y0 - pad
  y1 += pad
  const yTicks = niceTicks(y0, y1)
  y0 = Math.min(y0, yTicks[0] ?? y0)
  y1 = Math.max(y1, yTicks.at(-1) ?? y1)

  const sx = (d: number) => M.left + ((d - x0) / (x1 - x0)) * (W - M.left - M.right)
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom)
  const xTicks = Array.from({ length: 5 }, (_, i) => Math.round(x0 + ((x1 - x0) * i) / 4))
  const short = x1 - x0 < 500

  return (
    <figure className="pm-chart" data-indicator-id={indicator.id} data-points={points.length}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="pm-chart-svg"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <g className="pm-axis" fontSize={11} fill="#5b6472">
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} stroke="#ebe8e0" />
              <text x={M.left - 6} y={sy(v) + 4} textAnchor="end">
                {num(v)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#9aa0a8" />
          <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#9aa0a8" />
          {days.length > 0 &&
            xTicks.map((d, i) => (
              <g key={i}>
                <line
                  x1={sx(d)}
                  x2={sx(d)}
                  y1={H - M.bottom}
                  y2={H - M.bottom + 4}
                  stroke="#9aa0a8"
                />
                <text
                  x={sx(d)}
                  y={H - M.bottom + 16}
                  textAnchor={i === 0 ? 'start' : i === 4 ? 'end' : 'middle'}
                >
                  {dayLabel(d, lang, short)}
                </text>
              </g>
            ))}
          {indicator.unit && (
            <text x={M.left} y={M.top - 3} fontSize={10}>
              {indicator.unit}
            </text>
          )}
        </g>
        {plan && (
          <g className="pm-trajectory" data-testid="trajectory">
            <line
              x1={sx(plan.from)}
              y1={sy(plan.baseline)}
              x2={sx(plan.to)}
              y2={sy(plan.target)}
              stroke="#0f6e63"
              strokeWidth={2}
              strokeDasharray="6 4"
            />
            {x1 > plan.to && (
              <line
                x1={sx(plan.to)}
                y1={sy(plan.target)}
                x2={sx(x1)}
                y2={sy(plan.target)}
                stroke="#0f6e63"
                strokeWidth={1.5}
                strokeDasharray="2 4"
              />
            )}
            <circle cx={sx(plan.from)} cy={sy(plan.baseline)} r={3.5} fill="#0f6e63" />
            <circle cx={sx(plan.to)} cy={sy(plan.target)} r={3.5} fill="#0f6e63" />
          </g>
        )}
        {points.length > 1 && (
          <polyline
            fill="none"
            stroke="#5b6472"
            strokeWidth={1.2}
            points={points
              .map((p) => `${sx(dayNumber(p.round.date) ?? x0)},${sy(p.value)}`)
              .join(' ')}
          />
        )}
        {points.map((p) => {
          const state: HealthState = p.assessment.state ?? 'no-state'
          const x = sx(dayNumber(p.round.date) ?? x0)
          const y = sy(p.value)
          return (
            <g key={p.round.id} className="pm-point" data-state={state} data-round-id={p.round.id}>
              <title>
                {t('chart.point', {
                  round: p.round.label,
                  date: formatDay(p.round.date, lang),
                  value: num(p.value),
                  state: t(`states.${state}`),
                })}
              </title>
              <Marker state={state} x={x} y={y} />
            </g>
          )
        })}
        {!points.length && (
          <text x={W / 2} y={H / 2} textAnchor="middle" fontSize={12} fill="#5b6472">
            {t('chart.noPoints')}
          </text>
        )}
      </svg>
      <figcaption>
        <strong>{name}</strong>
        <span className="pm-legend">
          <svg width="26" height="8" aria-hidden="true">
            <line
              x1="0"
              y1="4"
              x2="26"
              y2="4"
              stroke="#0f6e63"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
          </svg>
          {t('chart.trajectory')}
        </span>
      </figcaption>
    </figure>
  )
}
