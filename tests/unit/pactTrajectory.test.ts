import { describe, expect, it } from 'vitest'
import {
  assessMeasurement,
  dayNumber,
  expectedValue,
  shownExpected,
  type TrajectoryPlan,
} from '../../shared/pact/trajectory.ts'

// 40 pathways in 2027 → 140 by 2029-01-01 (731 days): halfway on 2028-01-01 (365 days in)
const pathways: TrajectoryPlan = {
  direction: 'increase',
  baseline: 40,
  baselineDate: '2027-01-01',
  target: 140,
  targetDate: '2028-12-31',
}
// long-term unemployed in the district: 500 → 300 over two years
const unemployed: TrajectoryPlan = {
  direction: 'decrease',
  baseline: 500,
  baselineDate: '2027-01-01',
  target: 300,
  targetDate: '2029-01-01',
}
const HALFWAY = '2028-01-01'

describe('the expected value on the straight trajectory', () => {
  it('is the baseline at the start, the target at the end, the straight line between', () => {
    expect(expectedValue(pathways, '2027-01-01')).toBe(40)
    expect(expectedValue(pathways, '2028-12-31')).toBe(140)
    expect(expectedValue(unemployed, HALFWAY)).toBeCloseTo(500 - 200 * (365 / 731), 6)
  })
  it('stays at the baseline before the baseline date and at the target after the target date', () => {
    expect(expectedValue(pathways, '2026-06-01')).toBe(40)
    expect(expectedValue(pathways, '2031-06-01')).toBe(140)
  })
  it('is null for an incomplete plan or a date that is not a day', () => {
    expect(expectedValue({ ...pathways, target: null }, HALFWAY)).toBeNull()
    expect(expectedValue(pathways, '2027-02-30')).toBeNull()
    expect(dayNumber('2027-02-28')! - dayNumber('2027-01-01')!).toBe(58)
  })
})

describe('the expected value as shown beside the plan', () => {
  it('keeps the decimals the plan is written with, at most two', () => {
    // 40 → 140 people: 64.79… on the line, shown as a whole number
    const midway = expectedValue(pathways, '2027-07-01')!
    expect(midway).not.toBe(Math.round(midway))
    expect(shownExpected(pathways, midway)).toBe(Math.round(midway))
    expect(shownExpected({ baseline: 0.5, target: 0.75 }, 0.6251)).toBe(0.63)
    expect(shownExpected({ baseline: 12.5, target: 20 }, 16.26)).toBe(16.3)
    expect(shownExpected({ baseline: 1.125, target: 2 }, 1.5678)).toBe(1.57)
    expect(shownExpected({ baseline: 1e-7, target: 1 }, 0.123456)).toBe(0.12)
  })
})

describe('the state of a measurement', () => {
  const at = (plan: TrajectoryPlan, date: string, value: number) =>
    assessMeasurement(plan, date, value)

  it('is on track at 90 % or more of the expected progress, ahead included', () => {
    const expected = expectedValue(pathways, HALFWAY)!
    const exact = at(pathways, HALFWAY, expected)
    expect(exact).toMatchObject({ state: 'on-track', pastTarget: false })
    expect(exact.state && exact.ratio).toBeCloseTo(1, 9)
    // 90 % of the expected gain, exactly on the threshold
    expect(at(pathways, HALFWAY, 40 + 0.9 * (expected - 40)).state).toBe('on-track')
    expect(at(pathways, HALFWAY, 200).state).toBe('on-track')
  })

  it('is a warning between 70 % and 90 %, critical below 70 %', () => {
    const gain = expectedValue(pathways, HALFWAY)! - 40
    expect(at(pathways, HALFWAY, 40 + 0.89 * gain).state).toBe('warning')
    expect(at(pathways, HALFWAY, 40 + 0.7 * gain).state).toBe('warning')
    expect(at(pathways, HALFWAY, 40 + 0.69 * gain).state).toBe('critical')
    // going backwards is critical
    expect(at(pathways, HALFWAY, 30).state).toBe('critical')
  })

  it('mirrors indicators that should decrease: progress is the fall', () => {
    const expected = expectedValue(unemployed, HALFWAY)! // about 400
    expect(at(unemployed, HALFWAY, expected).state).toBe('on-track')
    expect(at(unemployed, HALFWAY, 350).state).toBe('on-track')
    const fall = 500 - expected
    expect(at(unemployed, HALFWAY, 500 - 0.8 * fall).state).toBe('warning')
    expect(at(unemployed, HALFWAY, 500 - 0.5 * fall).state).toBe('critical')
    // rising is the wrong way
    expect(at(unemployed, HALFWAY, 520).state).toBe('critical')
  })

  it('compares with the target itself once the target date has passed', () => {
    const late = '2030-06-30'
    expect(at(pathways, late, 140)).toMatchObject({
      state: 'on-track',
      expected: 140,
      pastTarget: true,
    })
    // 125 of 140 is 85 % of the way from 40: a warning, though it was on track in 2028
    expect(at(pathways, late, 125)).toMatchObject({ state: 'warning', expected: 140 })
    expect(at(pathways, '2028-06-01', 125).state).toBe('on-track')
    expect(at(pathways, late, 100).state).toBe('critical')
    expect(at(unemployed, late, 310)).toMatchObject({ state: 'on-track', pastTarget: true })
    expect(at(unemployed, late, 380).state).toBe('critical')
  })

  it('has no state, and says why, when the baseline, the target or their dates are missing', () => {
    const cases: [Partial<TrajectoryPlan>, string][] = [
      [{ baseline: null }, 'no-baseline'],
      [{ baseline: undefined }, 'no-baseline'],
      [{ baselineDate: null }, 'no-baseline-date'],
      [{ target: null }, 'no-target'],
      [{ targetDate: '' }, 'no-target-date'],
      [{ targetDate: '2026-12-31' }, 'dates-reversed'],
      [{ target: 20 }, 'target-against-direction'],
    ]
    for (const [patch, reason] of cases)
      expect(assessMeasurement({ ...pathways, ...patch }, HALFWAY, 90)).toEqual({
        state: null,
        reason,
      })
    expect(assessMeasurement(pathways, HALFWAY, null)).toEqual({ state: null, reason: 'no-value' })
  })

  it('before any progress is expected, holding the baseline is on track and a fall back counts against the whole plan', () => {
    expect(at(pathways, '2027-01-01', 40).state).toBe('on-track')
    expect(at(pathways, '2026-10-01', 35).state).toBe('on-track') // 5 of 100 back: 95 %
    expect(at(pathways, '2027-01-01', 25).state).toBe('warning') // 85 %
    expect(at(pathways, '2027-01-01', 0).state).toBe('critical') // 60 %
  })

  it('a target that holds the baseline measures a fall back against the baseline', () => {
    const hold: TrajectoryPlan = { ...pathways, baseline: 80, target: 80 }
    expect(at(hold, HALFWAY, 80).state).toBe('on-track')
    expect(at(hold, HALFWAY, 68).state).toBe('warning') // 85 % of 80
    expect(at(hold, HALFWAY, 40).state).toBe('critical')
    expect(at({ ...hold, baseline: 0, target: 0 }, HALFWAY, -1).state).toBe('critical')
  })
})
