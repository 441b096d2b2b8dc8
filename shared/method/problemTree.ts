/**
 * Checks of the problem tree the board warns about: exactly one core problem, no cycles
 * (a cause cannot, through its effects, cause itself), links that run the wrong way.
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
}

/** Strongly connected components (Tarjan), iterative so a long chain cannot overflow the stack. */
function components(ids: string[], next: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const out: string[][] = []
  for (const start of ids) {
    if (index.has(start)) continue
    const work: { id: string; i: number }[] = [{ id: start, i: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length) {
      const frame = work[work.length - 1]!
      const succ = next.get(frame.id) ?? []
      if (frame.i < succ.length) {
        const w = succ[frame.i++]!
        if (!index.has(w)) {
          index.set(w, counter)
          low.set(w, counter++)
          stack.push(w)
          onStack.add(w)
          work.push({ id: w, i: 0 })
        } else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!))
      if (low.get(frame.id) === index.get(frame.id)) {
        const comp: string[] = []
        let w: string
        do {
          w = stack.pop()!
          onStack.delete(w)
          comp.push(w)
        } while (w !== frame.id)
        out.push(comp)
      }
    }
  }
  return out
}

export function analyseProblemTree(cards: TreeCard[], links: TreeLink[]): ProblemTreeReport {
  const ids = cards.map((c) => c.id)
  const known = new Set(ids)
  const role = new Map(cards.map((c) => [c.id, c.role]))
  const next = new Map<string, string[]>()
  for (const l of links) {
    if (!known.has(l.source) || !known.has(l.target)) continue
    if (!next.has(l.source)) next.set(l.source, [])
    next.get(l.source)!.push(l.target)
  }
  const compOf = new Map<string, number>()
  const cycleCardIds = new Set<string>()
  components(ids, next).forEach((comp, i) => {
    for (const id of comp) compOf.set(id, i)
    if (comp.length > 1) for (const id of comp) cycleCardIds.add(id)
  })
  const cycleLinkIds = new Set<string>()
  const reversedLinkIds = new Set<string>()
  for (const l of links) {
    if (!known.has(l.source) || !known.has(l.target)) continue
    if (
      l.source === l.target ||
      (compOf.get(l.source) === compOf.get(l.target) && cycleCardIds.has(l.source))
    ) {
      cycleLinkIds.add(l.id)
      cycleCardIds.add(l.source)
    }
    const from = role.get(l.source)
    const to = role.get(l.target)
    if ((from === 'effect' && to !== 'effect') || (from === 'core' && to === 'cause'))
      reversedLinkIds.add(l.id)
  }
  const linked = new Set<string>()
  for (const l of links) {
    linked.add(l.source)
    linked.add(l.target)
  }
  return {
    coreIds: cards.filter((c) => c.role === 'core').map((c) => c.id),
    unlinkedIds: cards.length > 1 ? cards.filter((c) => !linked.has(c.id)).map((c) => c.id) : [],
    cycleLinkIds,
    cycleCardIds,
    reversedLinkIds,
  }
}
