import type { Redis } from 'ioredis'

/** Takes the lease when free, or extends it when this server holds it; 1 when held after. */
const ACQUIRE_OR_EXTEND = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
elseif holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`

/** Gives the lease up, only if this server still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`

/**
 * One server at a time compacts (and so unloads with a final snapshot) a board: the one that
 * holds the board's lease, a Redis key with an expiry. The holder extends it while the board
 * is loaded there; when the holder dies, the key expires and another server takes it at its
 * next compaction. Compaction stays correct without it (it merges a snapshot it did not write
 * and deletes only rows it holds): the lease keeps the work, and the writes, to one server.
 */
export class Leases {
  private readonly held = new Set<string>()
  /** Boards whose lease another server held: not asked again before this time. */
  private readonly refusedUntil = new Map<string, number>()
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly redis: Redis,
    private readonly holder: string,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly onLost: (boardId: string) => void = () => {},
  ) {
    this.timer = setInterval(() => void this.extendAll(), Math.max(100, ttlMs / 3))
    this.timer.unref()
  }

  private key(boardId: string): string {
    return `${this.prefix}:lease:${boardId}`
  }

  holds(boardId: string): boolean {
    return this.held.has(boardId)
  }

  /** Whether this server holds the board's lease now (taking it when free). */
  async acquire(boardId: string): Promise<boolean> {
    const until = this.refusedUntil.get(boardId) ?? 0
    if (!this.held.has(boardId) && Date.now() < until) return false
    const ok = (await this.redis.eval(
      ACQUIRE_OR_EXTEND,
      1,
      this.key(boardId),
      this.holder,
      this.ttlMs,
    )) as number
    if (ok === 1) {
      this.held.add(boardId)
      this.refusedUntil.delete(boardId)
      return true
    }
    if (this.held.delete(boardId)) this.onLost(boardId)
    this.refusedUntil.set(boardId, Date.now() + Math.min(1_000, this.ttlMs / 2))
    return false
  }

  async release(boardId: string): Promise<void> {
    this.refusedUntil.delete(boardId)
    if (!this.held.delete(boardId)) return
    await this.redis.eval(RELEASE, 1, this.key(boardId), this.holder)
  }

  private async extendAll(): Promise<void> {
    for (const boardId of [...this.held]) {
      try {
        await this.acquire(boardId)
      } catch {
        // Redis unreachable: the lease may expire; the next compaction asks again.
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await Promise.allSettled([...this.held].map((id) => this.release(id)))
  }
}
