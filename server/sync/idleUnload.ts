/**
 * When an idle room unloads: `delayMs` after its last connection left and the last reader that
 * held it (`hold`: a page's preview waiting for the board's slices, an export) let go.
 */
export class IdleUnload {
  private timer: NodeJS.Timeout | null = null
  private holds = 0

  constructor(
    private readonly delayMs: number,
    /** Whether the room is in use (connections) or gone: no unload to schedule. */
    private readonly busy: () => boolean,
    private readonly onIdle: () => void,
  ) {}

  /** Unloads after the delay, unless someone connects or holds the room meanwhile. */
  schedule(): void {
    if (this.busy() || this.holds > 0) return
    this.cancel()
    this.timer = setTimeout(() => {
      if (this.holds === 0) this.onIdle()
    }, this.delayMs)
    this.timer.unref()
  }

  /** Keeps the room loaded while `work` runs, then lets it unload as usual. */
  async hold<T>(work: () => T | Promise<T>): Promise<T> {
    this.holds += 1
    try {
      return await work()
    } finally {
      this.holds -= 1
      this.schedule()
    }
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
