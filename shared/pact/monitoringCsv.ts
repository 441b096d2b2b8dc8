/**
 * The pact's indicators and monitoring rounds as CSV, written the way Italian Excel opens it
 * (as the register: `;` separators, UTF-8 with a BOM, CRLF), with the words the UI shows. Text
 * cells are guarded against formulas; numbers use the language's decimal mark.
 */
import { writeCsv } from '../stakeholders/csvCore.ts'
import { protect } from '../stakeholders/csvRow.ts'
import type { Indicator, Measurement, MonitoringRound } from './monitoring.ts'
import { indicatorSeries } from './monitoring.ts'

export const INDICATOR_COLUMNS = [
  'label',
  'unit',
  'direction',
  'baseline',
  'baselineDate',
  'target',
  'targetDate',
  'source',
  'frequency',
  'responsible',
  'linkedTo',
] as const
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number]

export const ROUND_COLUMNS = [
  'round',
  'date',
  'indicator',
  'unit',
  'value',
  'expected',
  'state',
  'progress',
] as const
export type RoundColumn = (typeof ROUND_COLUMNS)[number]

/** The words of the file, in the language of the person exporting. */
export interface MonitoringCsvNames {
  decimalComma: boolean
  direction(d: Indicator['direction']): string
  frequency(f: Indicator['frequency']): string
  /** An actor's, an objective's or a logframe row's name by id ('' when unknown). */
  actor(id: string): string
  linked(indicator: Indicator): string
  state(state: string): string
}

function numberCell(v: number | null | undefined, decimalComma: boolean): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return ''
  // at most 4 decimals, no trailing zeros, no thousands separator
  const s = String(Math.round(v * 10_000) / 10_000)
  return decimalComma ? s.replace('.', ',') : s
}

const BOM = '\uFEFF'

export function indicatorsToCsv(
  indicators: readonly Indicator[],
  header: Record<IndicatorColumn, string>,
  names: MonitoringCsvNames,
): string {
  const n = (v: number | null) => numberCell(v, names.decimalComma)
  const rows = indicators.map((i) =>
    INDICATOR_COLUMNS.map((c): string => {
      switch (c) {
        case 'direction':
          return names.direction(i.direction)
        case 'frequency':
          return names.frequency(i.frequency)
        case 'baseline':
        case 'target':
          return n(i[c])
        case 'baselineDate':
        case 'targetDate':
          return i[c] ?? ''
        case 'responsible':
          return protect(i.responsible ? names.actor(i.responsible) : '')
        case 'linkedTo':
          return protect(names.linked(i))
        default:
          return protect(i[c])
      }
    }),
  )
  return BOM + writeCsv([INDICATOR_COLUMNS.map((c) => protect(header[c])), ...rows], ';')
}

/**
 * One line per round and indicator measured in it (the long form a pivot table reads): the
 * value, the value the trajectory expected at the round's date, the state and the share of the
 * expected progress made.
 */
export function roundsToCsv(
  rounds: readonly MonitoringRound[],
  indicators: readonly Indicator[],
  measurements: ReadonlyMap<string, Measurement>,
  header: Record<RoundColumn, string>,
  names: MonitoringCsvNames,
): string {
  const n = (v: number | null) => numberCell(v, names.decimalComma)
  const lines: string[][] = []
  const series = new Map(
    indicators.map((i) => [
      i.id,
      new Map(indicatorSeries(i, rounds, measurements).map((p) => [p.round.id, p])),
    ]),
  )
  for (const round of rounds)
    for (const indicator of indicators) {
      const point = series.get(indicator.id)?.get(round.id)
      if (!point) continue
      const a = point.assessment
      lines.push([
        protect(round.label),
        round.date,
        protect(indicator.label),
        protect(indicator.unit),
        n(point.value),
        a.state ? n(a.expected) : '',
        names.state(a.state ?? a.reason),
        a.state ? `${n(Math.round(a.ratio * 100))}%` : '',
      ])
    }
  return BOM + writeCsv([ROUND_COLUMNS.map((c) => protect(header[c])), ...lines], ';')
}
