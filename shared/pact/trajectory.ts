/**
 * Where an indicator of the pact should be at a date, and whether a measured value keeps the
 * promise: the straight trajectory from the baseline (value, date) to the target (value, date).
 * Pure functions, shared by the monitoring views, the health screen and the CSV of rounds.
 */
import type { IndicatorDirection } from '../schema/vocabulary.ts'

/** In linea: the value has made at least this share of the progress expected by the date. */
export const ON_TRACK_RATIO = 0.9
/** Attenzione: at least this share (and less than {@link ON_TRACK_RATIO}); critico below it. */
export const WARNING_RATIO = 0.7

export const TRAJECTORY_STATES = ['on-track', 'warning', 'critical'] as const
export type TrajectoryState = (typeof TRAJECTORY_STATES)[number]

/** Why a measurement has no state: what the indicator or the round is missing. */
export const NO_STATE_REASONS = [
  'no-baseline',
  'no-baseline-date',
  'no-target',
  'no-target-date',
  'dates-reversed',
  'target-against-direction',
  'no-value',
] as const
export type NoStateReason = (typeof NO_STATE_REASONS)[number]

/** What the trajectory needs of an indicator (its stored fields). */
export interface TrajectoryPlan {
  direction: IndicatorDirection
  baseline?: number | null
  baselineDate?: string | null
  target?: number | null
  targetDate?: string | null
}

export type Assessment =
  | {
      state: TrajectoryState
      /** The value the trajectory expects at the date. */
      expected: number
      /**
       * The share of the expected progress the value made (1 = exactly on the line; more is
       * ahead). Mirrored for indicators that should decrease.
       */
      ratio: number
      /** The target date had passed: the value was compared with the target itself. */
      pastTarget: boolean
    }
  | { state: null; reason: NoStateReason }

/** A calendar day `YYYY-MM-DD` as a day number (UTC), or null when it is not one. */
export function dayNumber(date: string | null | undefined): number | null {
  if (typeof date !== 'string') return null
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const back = new Date(ms)
  // 2027-02-30 is not a day
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null
  return Math.round(ms / 86_400_000)
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

type Line = { baseline: number; from: number; target: number; to: number }

/** The plan's straight line, or why there is none. */
export function trajectoryLine(plan: TrajectoryPlan): Line | { reason: NoStateReason } {
  if (!isNumber(plan.baseline)) return { reason: 'no-baseline' }
  const from = dayNumber(plan.baselineDate)
  if (from === null) return { reason: 'no-baseline-date' }
  if (!isNumber(plan.target)) return { reason: 'no-target' }
  const to = dayNumber(plan.targetDate)
  if (to === null) return { reason: 'no-target-date' }
  if (to <= from) return { reason: 'dates-reversed' }
  const sign = plan.direction === 'decrease' ? -1 : 1
  if (sign * (plan.target - plan.baseline) < 0) return { reason: 'target-against-direction' }
  return { baseline: plan.baseline, from, target: plan.target, to }
}

/**
 * The value the straight trajectory expects at `date`: the baseline up to the baseline date,
 * the target from the target date on, the straight line between. Null when the plan is
 * incomplete (see {@link trajectoryLine}) or the date is not a day.
 */
export function expectedValue(plan: TrajectoryPlan, date: string): number | null {
  const line = trajectoryLine(plan)
  const day = dayNumber(date)
  if ('reason' in line || day === null) return null
  return expectedOnLine(line, day)
}

/** Digits after the decimal point in a number as people write it (12 → 0, 0.25 → 2). */
function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0
  const [digits = '', exponent] = String(n).toLowerCase().split('e')
  const fraction = digits.split('.')[1]?.length ?? 0
  return Math.max(0, fraction - Number(exponent ?? 0))
}

/**
 * The expected value as a person reads it beside the plan: with as many decimals as the plan's
 * baseline and target have (at most two). A plan of 40 → 140 people expects 65 people, not
 * 64.79; one of 0.5 → 0.75 expects 0.63. Only for showing: the state is judged on the exact line.
 */
export function shownExpected(
  plan: Pick<TrajectoryPlan, 'baseline' | 'target'>,
  expected: number,
): number {
  const decimals = Math.min(
    2,
    Math.max(decimalsOf(plan.baseline ?? 0), decimalsOf(plan.target ?? 0)),
  )
  const scale = 10 ** decimals
  return Math.round(expected * scale) / scale
}

function expectedOnLine(line: Line, day: number): number {
  const t = Math.min(1, Math.max(0, (day - line.from) / (line.to - line.from)))
  return line.baseline + (line.target - line.baseline) * t
}

function stateOf(ratio: number): TrajectoryState {
  // a hair under a threshold from floating point (0.8999999) still counts as reaching it
  const r = ratio + 1e-9
  return r >= ON_TRACK_RATIO ? 'on-track' : r >= WARNING_RATIO ? 'warning' : 'critical'
}

/**
 * The state of a value measured at `date` against the plan: the progress it made from the
 * baseline, as a share of the progress the trajectory expects by then (in linea ≥ 90 %,
 * attenzione ≥ 70 %, critico below). For an indicator that should decrease, progress is the
 * fall. After the target date the expected progress is the whole way to the target.
 *
 * When no progress is expected yet (on or before the baseline date) the share cannot be taken:
 * a value at or beyond the baseline is in linea, and a fall back is measured against the whole
 * planned change (a fall of 10 % of it is 90 %). A target equal to the baseline (hold the
 * level) measures a fall back against the baseline itself; from a baseline of zero any fall
 * back is critico.
 */
export function assessMeasurement(
  plan: TrajectoryPlan,
  date: string,
  value: number | null | undefined,
): Assessment {
  const line = trajectoryLine(plan)
  if ('reason' in line) return { state: null, reason: line.reason }
  const day = dayNumber(date)
  if (day === null) return { state: null, reason: 'no-value' }
  if (!isNumber(value)) return { state: null, reason: 'no-value' }
  const sign = plan.direction === 'decrease' ? -1 : 1
  const expected = expectedOnLine(line, day)
  const gain = sign * (value - line.baseline)
  const expectedGain = sign * (expected - line.baseline)
  const plannedGain = sign * (line.target - line.baseline)
  let ratio: number
  if (expectedGain > 0) ratio = gain / expectedGain
  else if (gain >= 0) ratio = 1
  else if (plannedGain > 0) ratio = 1 + gain / plannedGain
  else if (line.baseline !== 0) ratio = 1 + gain / Math.abs(line.baseline)
  else ratio = 0
  return { state: stateOf(ratio), expected, ratio, pastTarget: day >= line.to }
}
