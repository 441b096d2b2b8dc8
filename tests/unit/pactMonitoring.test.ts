import { describe, expect, it } from 'vitest'
import { readCsv } from '../../shared/stakeholders/csvCore.ts'
import {
  commitmentsByStatus,
  indicatorHealth,
  indicatorSeries,
  isOverdue,
  measurementId,
  readAdaptations,
  readIndicators,
  readMeasurements,
  readRounds,
} from '../../shared/pact/monitoring.ts'
import {
  INDICATOR_COLUMNS,
  ROUND_COLUMNS,
  indicatorsToCsv,
  roundsToCsv,
  type MonitoringCsvNames,
} from '../../shared/pact/monitoringCsv.ts'

const indicators = readIndicators([
  {
    id: 'jobs',
    label: 'Persone occupate a 6 mesi',
    unit: '%',
    direction: 'increase',
    baseline: 40,
    baselineDate: '2027-01-01',
    target: 60,
    targetDate: '2028-01-01',
    order: 1,
  },
  // written half-way by a stock client: no plan, an unknown frequency, a formula for a name
  { id: 'raw', label: '=SOMMA(A1:A9)', frequency: 'hourly', order: 0 },
])
const rounds = readRounds([
  { id: 'r2', label: 'Secondo', date: '2027-12-31', feedback: '' },
  { id: 'r1', label: 'Primo; «giugno»', date: '2027-07-02' },
])
const measurements = readMeasurements([
  { id: measurementId('r1', 'jobs'), round: 'r1', indicator: 'jobs', value: 50.5 },
  { id: measurementId('r2', 'jobs'), round: 'r2', indicator: 'jobs', value: 50 },
  { id: measurementId('r1', 'raw'), round: 'r1', indicator: 'raw', value: 3 },
  { id: 'orphan', round: 'r1' },
])

describe('reading the learning cycle', () => {
  it('orders indicators as set and rounds by date, and fills what a stock client left out', () => {
    expect(indicators.map((i) => i.id)).toEqual(['raw', 'jobs'])
    expect(indicators[0]).toMatchObject({ frequency: 'half-yearly', baseline: null, unit: '' })
    expect(rounds.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(measurements.size).toBe(3)
  })

  it('follows an indicator across rounds with each value’s state', () => {
    const jobs = indicators.find((i) => i.id === 'jobs')!
    const series = indicatorSeries(jobs, rounds, measurements)
    expect(series.map((p) => [p.round.id, p.value, p.assessment.state])).toEqual([
      ['r1', 50.5, 'on-track'],
      ['r2', 50, 'critical'],
    ])
  })

  it('says each indicator’s state at its latest round, and which have none', () => {
    const health = indicatorHealth(indicators, rounds, measurements)
    expect(health.map((h) => [h.indicator.id, h.state])).toEqual([
      ['raw', 'no-state'],
      ['jobs', 'critical'],
    ])
    const unmeasured = indicatorHealth(indicators, rounds, new Map())
    expect(unmeasured.every((h) => h.state === 'unmeasured')).toBe(true)
  })

  it('counts commitments by status and finds overdue adaptations', () => {
    expect(
      commitmentsByStatus([{ status: 'kept' }, { status: 'kept' }, { status: 'odd' }, {}]),
    ).toEqual({ proposed: 0, confirmed: 0, ongoing: 0, kept: 2, broken: 0 })
    const [late, undated] = readAdaptations([
      { id: 'b', round: 'r1', what: 'x', done: false },
      { id: 'a', round: 'r1', what: 'y', due: '2028-01-31', done: false },
    ])
    expect(late!.id).toBe('a')
    expect(isOverdue(late!, '2028-02-01')).toBe(true)
    expect(isOverdue(late!, '2028-01-31')).toBe(false)
    expect(isOverdue(undated!, '2099-01-01')).toBe(false)
  })
})

const names: MonitoringCsvNames = {
  decimalComma: true,
  direction: (d) => (d === 'increase' ? 'Da aumentare' : 'Da ridurre'),
  frequency: (f) => f,
  actor: () => '',
  linked: () => '',
  state: (s) => `stato:${s}`,
}

describe('the CSV of indicators and rounds', () => {
  it('writes indicators for Italian Excel: BOM, ; and decimal commas, formulas guarded', () => {
    const header = Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, `H-${c}`])) as Record<
      (typeof INDICATOR_COLUMNS)[number],
      string
    >
    const csv = indicatorsToCsv(indicators, header, names)
    expect(csv.startsWith('\uFEFFH-label;H-unit;')).toBe(true)
    const read = readCsv(csv)
    if (!read.ok) throw new Error('unreadable')
    expect(read.separator).toBe(';')
    expect(read.records[1]!.fields[0]).toBe("'=SOMMA(A1:A9)")
    expect(read.records[2]!.fields.slice(0, 7)).toEqual([
      'Persone occupate a 6 mesi',
      '%',
      'Da aumentare',
      '40',
      '2027-01-01',
      '60',
      '2028-01-01',
    ])
  })

  it('writes one line per round and measured indicator, with expected value, state and progress', () => {
    const header = Object.fromEntries(ROUND_COLUMNS.map((c) => [c, c])) as Record<
      (typeof ROUND_COLUMNS)[number],
      string
    >
    const read = readCsv(roundsToCsv(rounds, indicators, measurements, header, names))
    if (!read.ok) throw new Error('unreadable')
    const lines = read.records.map((r) => r.fields)
    expect(lines[0]).toEqual([...ROUND_COLUMNS])
    expect(lines.slice(1).map((l) => [l[0], l[2], l[4], l[6]])).toEqual([
      ['Primo; «giugno»', '=SOMMA(A1:A9)'.replace(/^/, "'"), '3', 'stato:no-baseline'],
      ['Primo; «giugno»', 'Persone occupate a 6 mesi', '50,5', 'stato:on-track'],
      ['Secondo', 'Persone occupate a 6 mesi', '50', 'stato:critical'],
    ])
    // 2027-07-02 is day 182 of 365: the line expects 49,97; 10,5 of 9,97 is 105 %
    expect(lines[2]!.slice(5)).toEqual(['49,9726', 'stato:on-track', '105%'])
  })
})
