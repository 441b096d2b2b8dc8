/**
 * The learning cycle of the pact as plain data: indicators, monitoring rounds, the value of each
 * indicator in each round, adaptations; and what the health screen counts. Readers tolerate
 * records a stock client wrote half-way (what is missing reads as empty).
 */
import {
  ADAPTATION_TARGETS,
  COMMITMENT_STATUSES,
  FREQUENCIES,
  type AdaptationTarget,
  type CommitmentStatus,
  type Frequency,
  type IndicatorDirection,
} from '../schema/vocabulary.ts'
import {
  assessMeasurement,
  dayNumber,
  type Assessment,
  type TrajectoryState,
} from './trajectory.ts'

type Loose = { id: string } & Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const id = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const date = (v: unknown): string | null => (dayNumber(str(v)) === null ? null : str(v))
const isIn = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v)
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export interface Indicator {
  id: string
  label: string
  unit: string
  direction: IndicatorDirection
  baseline: number | null
  baselineDate: string | null
  target: number | null
  targetDate: string | null
  source: string
  frequency: Frequency
  /** The actor (stakeholders.nodes) who measures it. */
  responsible: string | null
  /** The objective (objectives.nodes) or the logframe row (logframe.rows) it measures. */
  objective: string | null
  activity: string | null
  preset: string | null
  order: number
}

export interface MonitoringRound {
  id: string
  label: string
  date: string
  feedback: string
}

export interface Measurement {
  id: string
  round: string
  indicator: string
  value: number | null
}

export interface Adaptation {
  id: string
  round: string
  what: string
  who: string | null
  due: string | null
  targetKind: AdaptationTarget | null
  target: string | null
  done: boolean
}

/** The id of one indicator's value in one round: one record per pair, whoever writes it. */
export function measurementId(round: string, indicator: string): string {
  return `${round}|${indicator}`
}

/** Indicators in the order the room set. */
export function readIndicators(items: readonly Loose[]): Indicator[] {
  return items
    .map((r) => ({
      id: r.id,
      label: str(r.label),
      unit: str(r.unit),
      direction: r.direction === 'decrease' ? ('decrease' as const) : ('increase' as const),
      baseline: num(r.baseline),
      baselineDate: date(r.baselineDate),
      target: num(r.target),
      targetDate: date(r.targetDate),
      source: str(r.source),
      frequency: isIn(FREQUENCIES, r.frequency) ? r.frequency : 'half-yearly',
      responsible: id(r.responsible),
      objective: id(r.objective),
      activity: id(r.activity),
      preset: id(r.preset),
      order: num(r.order) ?? 0,
    }))
    .sort((a, b) => a.order - b.order || byId(a, b))
}

/** Rounds by date, oldest first. */
export function readRounds(items: readonly Loose[]): MonitoringRound[] {
  return items
    .map((r) => ({ id: r.id, label: str(r.label), date: str(r.date), feedback: str(r.feedback) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a, b)))
}

/** Measurements by `round|indicator` (read from their fields, whatever their ids). */
export function readMeasurements(items: readonly Loose[]): Map<string, Measurement> {
  const out = new Map<string, Measurement>()
  for (const r of items) {
    const round = id(r.round)
    const indicator = id(r.indicator)
    if (!round || !indicator) continue
    const m = { id: r.id, round, indicator, value: num(r.value) }
    const key = measurementId(round, indicator)
    // two records for one pair (a stock client's ids): the one with Trama's id wins
    if (!out.has(key) || r.id === key) out.set(key, m)
  }
  return out
}

export function readAdaptations(items: readonly Loose[]): Adaptation[] {
  return items
    .map((r) => ({
      id: r.id,
      round: str(r.round),
      what: str(r.what),
      who: id(r.who),
      due: date(r.due),
      targetKind: isIn(ADAPTATION_TARGETS, r.targetKind) ? r.targetKind : null,
      target: id(r.target),
      done: r.done === true,
    }))
    .sort((a, b) => {
      const da = a.due ?? '9999'
      const db = b.due ?? '9999'
      return da < db ? -1 : da > db ? 1 : byId(a, b)
    })
}

export interface SeriesPoint {
  round: MonitoringRound
  value: number
  assessment: Assessment
}

/** An indicator's measured values across the rounds (those with a value), oldest first. */
export function indicatorSeries(
  indicator: Indicator,
  rounds: readonly MonitoringRound[],
  measurements: ReadonlyMap<string, Measurement>,
): SeriesPoint[] {
  const points: SeriesPoint[] = []
  for (const round of rounds) {
    const value = measurements.get(measurementId(round.id, indicator.id))?.value
    if (typeof value !== 'number') continue
    points.push({ round, value, assessment: assessMeasurement(indicator, round.date, value) })
  }
  return points
}

export type HealthState = TrajectoryState | 'unmeasured' | 'no-state'

export interface IndicatorHealth {
  indicator: Indicator
  /** The latest value measured, if any. */
  latest: SeriesPoint | null
  state: HealthState
}

/**
 * Each indicator's state at its latest measurement: one of the trajectory's states, `no-state`
 * when its plan is incomplete, `unmeasured` when no round has a value for it.
 */
export function indicatorHealth(
  indicators: readonly Indicator[],
  rounds: readonly MonitoringRound[],
  measurements: ReadonlyMap<string, Measurement>,
): IndicatorHealth[] {
  return indicators.map((indicator) => {
    const series = indicatorSeries(indicator, rounds, measurements)
    const latest = series.at(-1) ?? null
    const state: HealthState = !latest ? 'unmeasured' : (latest.assessment.state ?? 'no-state')
    return { indicator, latest, state }
  })
}

export const HEALTH_STATES: readonly HealthState[] = [
  'critical',
  'warning',
  'on-track',
  'no-state',
  'unmeasured',
]

/** How many commitments are in each status (every status present, zeros included). */
export function commitmentsByStatus(
  commitments: readonly { status?: unknown }[],
): Record<CommitmentStatus, number> {
  const out = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<
    CommitmentStatus,
    number
  >
  for (const c of commitments) if (isIn(COMMITMENT_STATUSES, c.status)) out[c.status]++
  return out
}

/** Adaptations not done yet, in the order given (read ones come by date, undated last). */
export function openAdaptations(adaptations: readonly Adaptation[]): Adaptation[] {
  return adaptations.filter((a) => !a.done)
}

/** Whether an open adaptation's date has passed on `today` (`YYYY-MM-DD`). */
export function isOverdue(a: Adaptation, today: string): boolean {
  return !a.done && a.due !== null && a.due < today
}
