/**
 * A fixed-window counter per client address: enough to keep one misbehaving script from filling
 * the disk with boards, invisible to a facilitator who creates a handful.
 */
export function createRateLimit(perMinute: number): (key: string) => boolean {
  const windows = new Map<string, { start: number; count: number }>()
  return (key) => {
    const now = Date.now()
    const w = windows.get(key)
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear()
      windows.set(key, { start: now, count: 1 })
      return true
    }
    w.count += 1
    return w.count <= perMinute
  }
}
