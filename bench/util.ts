/** Small helpers of the load driver. */
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'

/** mulberry32: a small seeded PRNG, so both servers receive the same edits. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** CPU time of the whole machine so far (ms, summed over cores). */
export function machineCpu(): { busy: number; total: number } {
  let busy = 0
  let total = 0
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle
    busy += all - times.idle
    total += all
  }
  return { busy, total }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) return false
    await sleep(20)
  }
  return true
}
