import { useEffect, useState } from 'react'

/**
 * The server's clock as this page sees it. The room's timer ends at an instant of the server's
 * clock, so every screen counts the same seconds whatever its own clock says: the page asks the
 * server its time a few times (NTP-style, keeping the sample with the shortest round trip) and
 * keeps the offset. Measured again every few minutes; until the first answer, the offset is 0.
 */
let offsetMs = 0
let measuring: Promise<void> | null = null
let lastMeasured = 0
const listeners = new Set<() => void>()
const REMEASURE_MS = 5 * 60_000
const SAMPLES = 5

/** The server's time now, in epoch milliseconds. */
export function serverNow(): number {
  return Date.now() + offsetMs
}

export function serverOffset(): number {
  return offsetMs
}

async function sample(): Promise<{ offset: number; rtt: number }> {
  const sent = Date.now()
  const start = performance.now()
  const res = await fetch('/api/time', { cache: 'no-store' })
  const { now } = (await res.json()) as { now: unknown }
  const rtt = performance.now() - start
  if (!res.ok || typeof now !== 'number') throw new Error('no server time')
  // the server read its clock about halfway through the round trip
  return { offset: now - (sent + rtt / 2), rtt }
}

/** Measures the offset (once at a time); resolves when done, failures keep the last one. */
export function measureServerClock(): Promise<void> {
  measuring ??= (async () => {
    let best: { offset: number; rtt: number } | null = null
    for (let i = 0; i < SAMPLES; i++) {
      try {
        const s = await sample()
        if (!best || s.rtt < best.rtt) best = s
      } catch {
        break
      }
    }
    if (best) {
      offsetMs = Math.round(best.offset)
      lastMeasured = performance.now()
      listeners.forEach((l) => l())
    }
  })().finally(() => {
    measuring = null
  })
  return measuring
}

/** The offset, measured when first used and again every few minutes; re-renders on change. */
export function useServerClock(): number {
  const [offset, setOffset] = useState(offsetMs)
  useEffect(() => {
    const onChange = () => setOffset(offsetMs)
    listeners.add(onChange)
    if (!lastMeasured || performance.now() - lastMeasured > REMEASURE_MS) void measureServerClock()
    const again = setInterval(() => void measureServerClock(), REMEASURE_MS)
    return () => {
      listeners.delete(onChange)
      clearInterval(again)
    }
  }, [])
  return offset
}
