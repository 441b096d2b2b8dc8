import { describe, expect, it } from 'vitest'
import { capacityOf, median, stepResult, type Row } from '../../bench/ladderRounds.ts'
import type { Summary } from '../../bench/report.ts'

/** A run of `boards` boards with this p99, losing `lost` updates and converging `converged`. */
function run(boards: number, p99: number, lost = 0, converged = boards): Row {
  const summary = {
    latencyMs: { count: 1, mean: 1, p50: p99 / 10, p90: p99 / 2, p99, max: p99 * 2 },
    deliveries: { received: 100 - lost, expected: 100, lost, duplicates: 0 },
    convergedBoards: converged,
    server: {
      idleRssMb: 60,
      idleHeapMb: 20,
      peakRssMb: 150,
      peakHeapMb: 60,
      drainedRssMb: 100,
      drainedHeapAfterGcMb: 40,
      cpuPercentMeasured: p99,
      loopP99Ms: 10,
      loopMaxMs: 20,
      dataDirMb: null,
    },
    foreignCpuPercent: 0,
  } as unknown as Summary
  return { boards, target: 'trama', load1: 1, load5: 1, summary, ok: p99 < 50 }
}

describe('the ladder judges a step on the median of its runs', () => {
  it('takes the median p99: one slow run among three does not fail the step', () => {
    const r = stepResult(75, 'trama', [run(75, 47), run(75, 80), run(75, 48)], 0, 50)!
    expect(r.row.summary.latencyMs.p99).toBe(48)
    expect(r.row.ok).toBe(true)
    expect(r.p99s).toEqual([47, 80, 48])
    // and two slow runs of three do
    expect(stepResult(75, 'trama', [run(75, 47), run(75, 80), run(75, 74)], 0, 50)!.row.ok).toBe(
      false,
    )
  })

  it('never averages a loss away: an update lost in any run fails the step', () => {
    const r = stepResult(50, 'trama', [run(50, 10), run(50, 10, 1), run(50, 10)], 0, 50)!
    expect(r.row.summary.deliveries.lost).toBe(1)
    expect(r.row.ok).toBe(false)
    expect(stepResult(50, 'trama', [run(50, 10), run(50, 10, 0, 49)], 0, 50)!.row.ok).toBe(false)
  })

  it('counts a run whose server stopped answering as the slowest', () => {
    const one = stepResult(50, 'trama', [run(50, 10), run(50, 20)], 1, 50)!
    expect(one.p99s).toEqual([10, 20, Infinity])
    expect(one.row.summary.latencyMs.p99).toBe(20)
    expect(one.row.ok).toBe(true)
    expect(stepResult(50, 'trama', [run(50, 10)], 2, 50)!.row.ok).toBe(false)
    expect(stepResult(50, 'trama', [], 3, 50)).toBeNull()
  })

  it('gives the capacity as the largest step passed', () => {
    const steps = [
      stepResult(25, 'trama', [run(25, 5)], 0, 50)!,
      stepResult(50, 'trama', [run(50, 30)], 0, 50)!,
      stepResult(75, 'trama', [run(75, 60)], 0, 50)!,
    ].map((s) => s.row)
    expect(capacityOf(steps, 'trama')).toBe(50)
    expect(capacityOf(steps, 'reference')).toBe(0)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
