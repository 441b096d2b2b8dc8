import { describe, expect, it } from 'vitest'
import type { AwarenessEntry } from '../../server/sync/frames.ts'
import {
  PresenceBudget,
  PresenceGate,
  entryBytes,
  ownEntries,
  ownersOf,
} from '../../server/sync/presence.ts'

const conn = (...ids: number[]) => ({ awarenessIds: new Set(ids) })
const entry = (clientId: number, clock: number, state: unknown = { x: clock }): AwarenessEntry => ({
  clientId,
  clock,
  state,
})

describe('presence ownership', () => {
  it('keeps ids the sender holds or nobody holds; refuses ids another connection holds', () => {
    const a = conn(1)
    const b = conn(2, 3)
    const owners = ownersOf([a, b])
    const { kept, refused } = ownEntries(
      [entry(1, 5), entry(2, 9, { name: 'finto' }), entry(3, 9, null), entry(7, 1)],
      a,
      owners,
    )
    expect(kept.map((e) => e.clientId)).toEqual([1, 7])
    expect(refused.map((e) => e.clientId)).toEqual([2, 3]) // overwrite and removal alike
    expect(ownEntries([entry(2, 1)], b, owners).kept).toHaveLength(1)
  })
})

describe('presence budget', () => {
  it("splits the board's rate between its connections and lets one big frame through into debt", () => {
    const budget = new PresenceBudget<object>(1000)
    const a = {}
    // 4 connections: 250 bytes/s each, one second of burst
    expect(budget.charge(a, 200, 4, 0)).toBe(0)
    expect(budget.charge(a, 200, 4, 0)).toBe(0) // 50 left: still positive, goes to -150
    const wait = budget.charge(a, 10, 4, 0)
    expect(wait).toBeGreaterThan(590) // 151 bytes at 250/s
    expect(wait).toBeLessThan(620)
    expect(budget.charge(a, 10, 4, wait)).toBe(0)
    // another connection has its own share
    expect(budget.charge({}, 200, 4, 0)).toBe(0)
  })
})

describe('presence gate', () => {
  function harness(bytesPerSecond: number, sharers = 2) {
    let now = 0
    const timers: { at: number; fn: () => void }[] = []
    const applied: { from: object; entries: AwarenessEntry[] }[] = []
    const gate = new PresenceGate<object>(bytesPerSecond, {
      sharers: () => sharers,
      apply: (from, entries) => applied.push({ from, entries }),
      now: () => now,
      setTimer: (fn, ms) => timers.push({ at: now + ms, fn }),
    })
    const advance = (ms: number) => {
      now += ms
      for (const t of timers.splice(0).sort((x, y) => x.at - y.at)) {
        if (t.at <= now) t.fn()
        else timers.push(t)
      }
    }
    return { gate, applied, advance, timers }
  }

  it('passes presence within the share at once', () => {
    const { gate, applied } = harness(1_000_000)
    gate.offer(conn, [entry(1, 1)])
    gate.offer(conn, [entry(1, 2)])
    expect(applied.map((a) => a.entries[0]!.clock)).toEqual([1, 2])
  })

  it('past the share, coalesces to the newest state per id and releases it later', () => {
    const state = { cursor: 'x'.repeat(100) }
    const size = entryBytes(entry(1, 1, state)) * 2 // two recipients
    const { gate, applied, advance } = harness(size * 2, 2) // share: one state per second
    const a = {}
    gate.offer(a, [entry(1, 1, state)]) // passes, bucket now in debt
    for (let clock = 2; clock <= 50; clock++)
      gate.offer(a, [entry(1, clock, state), entry(9, clock)])
    expect(applied).toHaveLength(1)
    expect(gate.heldCount(a)).toBe(2)
    advance(5_000)
    expect(applied).toHaveLength(2)
    expect(applied[1]!.entries.map((e) => [e.clientId, e.clock])).toEqual([
      [1, 50],
      [9, 50],
    ])
    expect(gate.heldCount(a)).toBe(0)
    // another connection was never held back by the first one's flood
    const b = {}
    gate.offer(b, [entry(2, 1)])
    expect(applied.at(-1)!.from).toBe(b)
  })

  it('total fan-out stays within the budget under a flood', () => {
    const bytesPerSecond = 100_000
    const { gate, applied, advance } = harness(bytesPerSecond, 10)
    const a = {}
    const state = { blob: 'y'.repeat(4_000) }
    for (let i = 1; i <= 2_000; i++) {
      gate.offer(a, [entry(1, i, state)])
      advance(5) // 200 messages/s for 10 s
    }
    advance(2_000)
    const fanned = applied.length * entryBytes(entry(1, 1, state)) * 10
    // one connection of ten gets a tenth of the budget: 12 s + 1 s of burst + one frame in debt
    // (unthrottled, the flood would have fanned out 800 MB)
    expect(fanned).toBeLessThanOrEqual((bytesPerSecond / 10) * 13 + 41_000)
    expect(applied.at(-1)!.entries[0]!.clock).toBe(2_000) // the last state is never lost
  })
})
