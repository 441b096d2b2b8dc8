/**
 * Actors × objectives: who contributes to what. An objective nobody covers is a gap in the pact;
 * an actor with no objective is at the table without a task. Discarded objectives don't count.
 */
export interface CoverageActor {
  id: string
  label: string
  objectives?: readonly string[]
}
export interface CoverageObjective {
  id: string
  label: string
  status?: string
}

export interface CoverageMatrix<A extends CoverageActor, O extends CoverageObjective> {
  actors: A[]
  /** The objectives that count, in the given order. */
  objectives: O[]
  /** cells[i][j]: actor i contributes to objective j. */
  cells: boolean[][]
  /** For each objective id, the ids of the actors contributing to it. */
  contributors: Map<string, string[]>
  uncoveredObjectives: string[]
  actorsWithoutObjective: string[]
}

export function countsAsObjective(o: CoverageObjective): boolean {
  return o.status !== 'discarded'
}

export function coverageMatrix<A extends CoverageActor, O extends CoverageObjective>(
  actors: readonly A[],
  objectives: readonly O[],
): CoverageMatrix<A, O> {
  const live = objectives.filter(countsAsObjective)
  const contributors = new Map<string, string[]>(live.map((o) => [o.id, []]))
  const cells = actors.map((actor) => {
    const linked = new Set(actor.objectives ?? [])
    return live.map((o) => {
      const covers = linked.has(o.id)
      if (covers) contributors.get(o.id)!.push(actor.id)
      return covers
    })
  })
  return {
    actors: [...actors],
    objectives: live,
    cells,
    contributors,
    uncoveredObjectives: live.filter((o) => contributors.get(o.id)!.length === 0).map((o) => o.id),
    // links to a discarded or deleted objective leave the actor without a task
    actorsWithoutObjective: actors.filter((_, i) => !cells[i]!.some(Boolean)).map((a) => a.id),
  }
}
