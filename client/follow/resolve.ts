/** Who a person follows, as their presence says (null: nobody). */
export interface Follower {
  clientId: number
  follow?: number | null
}

/**
 * Whose view `me` ends up showing when it follows `target`: following someone who follows
 * someone else is following the last one of the chain (A → B → C shows C's view). A chain
 * that comes back on itself (A → B → A, or B → C → B further on) would have its members copy
 * each other's view for ever; the member of the loop with the smallest id leads it instead
 * (shows its own view) and the others follow that one. Null: follow nobody (no target, the
 * target has left, or `me` leads the loop).
 */
export function resolveLeader(
  me: number,
  target: number | null,
  peers: readonly Follower[],
): number | null {
  if (target === null || target === me) return null
  const byId = new Map(peers.map((p) => [p.clientId, p]))
  if (!byId.has(target)) return null
  const path: number[] = [me]
  let at: number = target
  for (;;) {
    const loopAt = path.indexOf(at)
    if (loopAt >= 0) {
      const loop = path.slice(loopAt)
      const leader = Math.min(...loop)
      return leader === me ? null : leader
    }
    const next = byId.get(at)?.follow
    // the end of the chain: someone who follows nobody, or follows someone who has left
    if (next === null || next === undefined || (next !== me && !byId.has(next))) return at
    path.push(at)
    at = next
  }
}
