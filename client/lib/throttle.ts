/**
 * Calls `fn` at most once per `ms`, always delivering the latest arguments (trailing call), so
 * the last cursor or drag position is never lost.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let last = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: A | null = null
  const run = () => {
    timer = null
    last = Date.now()
    const args = pending!
    pending = null
    fn(...args)
  }
  const throttled = (...args: A) => {
    pending = args
    const wait = ms - (Date.now() - last)
    if (wait <= 0 && !timer) run()
    else if (!timer) timer = setTimeout(run, Math.max(0, wait))
  }
  /** Drops a pending trailing call (e.g. when the gesture ended and its end was sent). */
  throttled.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
    pending = null
  }
  return throttled
}
