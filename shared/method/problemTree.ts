/**
 * Checks of the problem tree the board warns about: exactly one core problem, no cycles
 * (a cause cannot, through its effects, cause itself), links that run the wrong way, cards
 * linked to nothing, and cards linked among themselves but not, through any path, to the core.
 */
export interface TreeCard {
  id: string
  role: string
}
export interface TreeLink {
  id: string
  source: string
  target: string
}

export interface ProblemTreeReport {
  coreIds: string[]
  /** Links that belong to a cycle. */
  cycleLinkIds: Set<string>
  /** Cards that belong to a cycle. */
  cycleCardIds: Set<string>
  /** Links from an effect down to a cause or into the core from above: probably reversed. */
  reversedLinkIds: Set<string>
  /** Cards linked to nothing while the tree has other cards: not yet part of the tree. */
  unlinkedIds: string[]
  /**
   * Cards with links that lead, whichever way they are followed, nowhere near the one core
   * problem: a branch of their own, which the objective tree, the strategies and the pact's
   * document would take for another tree. Empty unless the tree has exactly one core problem.
   */
  detachedIds: string[]
  /**
   * The detached card to link to the tree: the top of the first detached branch (a card none
   * of whose links go up to another card there), for the warning to name.
   */
  detachedLead: string | null
}

/** Union-find over cards 0…n-1: the representative of each card's group. */
function groups(n: number, from: Int32Array, to: Int32Array): (v: number) => number {
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const find = (v: number): number => {
    let root = v
    while (parent[root] !== root) root = parent[root]!
    while (parent[v] !== root) {
      const up = parent[v]!
      parent[v] = root
      v = up
    }
    return root
  }
  for (let i = 0; i < from.length; i++) {
    const s = from[i]!
    const t = to[i]!
    if (s >= 0 && t >= 0) parent[find(s)] = find(t)
  }
  return find
}

/**
 * Strongly connected components (Tarjan) of cards 0…n-1, as each card's component number;
 * iterative so a long chain cannot overflow the stack. `next[i]` lists the cards i points to.
 * Numbers in typed arrays, not maps of ids: it runs as a board opens, before the JIT has warmed.
 */
function components(n: number, next: number[][]): { of: Int32Array; sizes: number[] } {
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const of = new Int32Array(n)
  const stack: number[] = []
  const sizes: number[] = []
  // the depth-first walk: a card and how many of its successors it has tried
  const work: number[] = []
  const tried: number[] = []
  let counter = 0
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue
    index[start] = low[start] = counter++
    stack.push(start)
    onStack[start] = 1
    work.push(start)
    tried.push(0)
    while (work.length) {
      const top = work.length - 1
      const v = work[top]!
      const succ = next[v]!
      if (tried[top]! < succ.length) {
        const w = succ[tried[top]!++]!
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          stack.push(w)
          onStack[w] = 1
          work.push(w)
          tried.push(0)
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      work.pop()
      tried.pop()
      if (work.length) {
        const parent = work[work.length - 1]!
        low[parent] = Math.min(low[parent]!, low[v]!)
      }
      if (low[v] === index[v]) {
        const comp = sizes.length
        let size = 0
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          of[w] = comp
          size++
        } while (w !== v)
        sizes.push(size)
      }
    }
  }
  return { of, sizes }
}

export function analyseProblemTree(cards: TreeCard[], links: TreeLink[]): ProblemTreeReport {
  const at = new Map<string, number>()
  for (const c of cards) if (!at.has(c.id)) at.set(c.id, at.size)
  const n = at.size
  const roles: string[] = new Array<string>(n)
  for (const c of cards) roles[at.get(c.id)!] = c.role
  // each link's two ends as card numbers (-1: a link to a card that is not there)
  const from = new Int32Array(links.length)
  const to = new Int32Array(links.length)
  const next: number[][] = Array.from({ length: n }, () => [])
  const linked = new Uint8Array(n)
  links.forEach((l, i) => {
    const s = at.get(l.source) ?? -1
    const t = at.get(l.target) ?? -1
    from[i] = s
    to[i] = t
    if (s >= 0) linked[s] = 1
    if (t >= 0) linked[t] = 1
    if (s >= 0 && t >= 0) next[s]!.push(t)
  })
  const { of, sizes } = components(n, next)
  const inCycle = new Uint8Array(n)
  for (let v = 0; v < n; v++) if (sizes[of[v]!]! > 1) inCycle[v] = 1
  const cycleLinkIds = new Set<string>()
  const reversedLinkIds = new Set<string>()
  links.forEach((l, i) => {
    const s = from[i]!
    const t = to[i]!
    if (s < 0 || t < 0) return
    if (s === t || (of[s] === of[t] && inCycle[s])) {
      cycleLinkIds.add(l.id)
      inCycle[s] = 1
    }
    const a = roles[s]
    const b = roles[t]
    if ((a === 'effect' && b !== 'effect') || (a === 'core' && b === 'cause'))
      reversedLinkIds.add(l.id)
  })
  const cycleCardIds = new Set<string>()
  for (const [id, v] of at) if (inCycle[v]) cycleCardIds.add(id)
  const coreIds = cards.filter((c) => c.role === 'core').map((c) => c.id)
  const detachedIds: string[] = []
  let detachedLead: string | null = null
  if (coreIds.length === 1) {
    const groupOf = groups(n, from, to)
    const coreGroup = groupOf(at.get(coreIds[0]!)!)
    for (const [id, v] of at) {
      if (!linked[v] || groupOf(v) === coreGroup) continue
      detachedIds.push(id)
      // no link up from it (its links all lead to its own group: a link to itself at most)
      const top = next[v]!.every((w) => w === v)
      if (top && detachedLead === null) detachedLead = id
    }
    detachedLead ??= detachedIds[0] ?? null
  }
  return {
    coreIds,
    unlinkedIds:
      cards.length > 1 ? cards.filter((c) => !linked[at.get(c.id)!]).map((c) => c.id) : [],
    detachedIds,
    detachedLead,
    cycleLinkIds,
    cycleCardIds,
    reversedLinkIds,
  }
}
