/** What thinning needs to know of a version. */
export interface ThinnableVersion {
  id: number
  at: number
  /** Named versions are kept whatever their age. */
  name: string | null
  bytes: number
}

export interface ThinningPolicy {
  /** Younger than this, every version is kept. */
  keepAllMs: number
  /** Until this age, one version per hour (the newest of each hour); older, one per day. */
  hourlyUntilMs: number
  /** Bound on one board's versions; the oldest unnamed ones go first. */
  maxBytes: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

export const DEFAULT_THINNING: ThinningPolicy = {
  keepAllMs: DAY,
  hourlyUntilMs: 7 * DAY,
  maxBytes: 64 * 1024 * 1024,
}

/**
 * The versions to delete at `now`: all of the last day are kept, one per hour for a week, one
 * per day after that; named versions and the newest one are always kept. Then, while the rest
 * passes `maxBytes`, the oldest unnamed versions go (never the newest).
 */
export function versionsToThin(
  versions: readonly ThinnableVersion[],
  now: number,
  policy: ThinningPolicy = DEFAULT_THINNING,
): number[] {
  const newestFirst = [...versions].sort((a, b) => b.at - a.at || b.id - a.id)
  const newest = newestFirst[0]
  const seen = new Set<string>()
  const drop = new Set<number>()
  for (const v of newestFirst) {
    if (v.name !== null) continue
    const age = now - v.at
    const hour = `h${Math.floor(v.at / HOUR)}`
    const day = `d${Math.floor(v.at / DAY)}`
    const bucket = age < policy.hourlyUntilMs ? hour : day
    // newest first: the first version met in a bucket is the one kept
    if (v !== newest && age >= policy.keepAllMs && seen.has(bucket)) {
      drop.add(v.id)
      continue
    }
    seen.add(hour)
    seen.add(day)
  }
  let bytes = newestFirst.reduce((sum, v) => sum + (drop.has(v.id) ? 0 : v.bytes), 0)
  for (let i = newestFirst.length - 1; i > 0 && bytes > policy.maxBytes; i--) {
    const v = newestFirst[i]!
    if (drop.has(v.id) || v.name !== null) continue
    drop.add(v.id)
    bytes -= v.bytes
  }
  return [...drop]
}
