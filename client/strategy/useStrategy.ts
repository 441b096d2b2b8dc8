import { useMemo } from 'react'
import {
  objectiveGraph,
  rankCandidates,
  type Candidate,
  type CandidateRanking,
  type Criterion,
  type ObjectiveGraph,
  type Score,
} from '../../shared/method/strategy.ts'
import {
  readCandidates,
  readCriteria,
  readLink,
  readObjective,
  readScores,
} from '../../shared/method/strategyRecords.ts'
import type { BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'

const objectiveNodes = (s: BoardState) => s.canvases.objectives.nodes
const objectiveEdges = (s: BoardState) => s.canvases.objectives.edges
const candidateItems = (s: BoardState) => s.lists['strategy.candidates']
const criterionItems = (s: BoardState) => s.lists['strategy.criteria']
const scoreItems = (s: BoardState) => s.lists['strategy.scores']
const chosenSelector = (s: BoardState) => s.chosenStrategy

/** The live objective tree, without discarded objectives. */
export function useObjectiveGraph(): ObjectiveGraph {
  const nodes = useBoard(objectiveNodes)
  const edges = useBoard(objectiveEdges)
  return useMemo(
    () =>
      objectiveGraph(
        nodes
          .filter((n) => n.data.kind === 'objective')
          .map((n) => readObjective(n.id, n.data, n.position)),
        edges.map(readLink),
      ),
    [nodes, edges],
  )
}

export interface StrategyData {
  graph: ObjectiveGraph
  candidates: Candidate[]
  criteria: Criterion[]
  scores: Score[]
  ranking: CandidateRanking[]
  /** The chosen candidate, if it still exists. */
  chosen: Candidate | null
}

/** Everything the strategy views show, derived from the store's slices. */
export function useStrategy(): StrategyData {
  const graph = useObjectiveGraph()
  const candidateList = useBoard(candidateItems)
  const criterionList = useBoard(criterionItems)
  const scoreList = useBoard(scoreItems)
  const chosenId = useBoard(chosenSelector)
  const candidates = useMemo(() => readCandidates(candidateList), [candidateList])
  const criteria = useMemo(() => readCriteria(criterionList), [criterionList])
  const scores = useMemo(() => readScores(scoreList), [scoreList])
  const ranking = useMemo(
    () => rankCandidates(candidates, criteria, scores),
    [candidates, criteria, scores],
  )
  const chosen = useMemo(
    () => candidates.find((c) => c.id === chosenId) ?? null,
    [candidates, chosenId],
  )
  return { graph, candidates, criteria, scores, ranking, chosen }
}
