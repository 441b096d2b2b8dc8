import { useMemo } from 'react'
import { RELATION_KINDS, type RelationKind } from '../../shared/schema/index.ts'
import { readActor, type Actor } from '../../shared/stakeholders/actors.ts'
import { countsAsObjective } from '../../shared/stakeholders/coverage.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

const actorNodes = (s: BoardState) => s.canvases.stakeholders.nodes
const relationEdges = (s: BoardState) => s.canvases.stakeholders.edges
const objectiveNodes = (s: BoardState) => s.canvases.objectives.nodes

/**
 * The ids of the actors on the board. A commitment whose actor was deleted goes with it, as in
 * every export (the JSON, the pact's document, the CSVs): the pact's views count and list only
 * these actors' commitments, which come back with the actor (undo, the bin).
 */
export function useActorIds(): ReadonlySet<string> {
  const nodes = useBoard(actorNodes)
  return useMemo(
    () => new Set(nodes.filter((n) => n.data.kind === 'actor').map((n) => n.id)),
    [nodes],
  )
}

/** The actors of the board as plain data, in the order they were added. */
export function useActors(): Actor[] {
  const nodes = useBoard(actorNodes)
  return useMemo(
    () =>
      nodes
        .filter((n) => n.data.kind === 'actor')
        .map((n) => readActor(n.id, { ...n.data, x: n.position.x, y: n.position.y })),
    [nodes],
  )
}

export interface ObjectiveSummary {
  id: string
  label: string
  status: string
}

/** Objectives that count (not discarded), read top to bottom and left to right as on the tree. */
export function useObjectives(): ObjectiveSummary[] {
  const nodes = useBoard(objectiveNodes)
  return useMemo(
    () =>
      nodes
        .filter((n) => n.data.kind === 'objective')
        .map((n) => ({
          id: n.id,
          label: n.data.label,
          status: typeof n.data.status === 'string' ? n.data.status : '',
          y: n.position.y,
          x: n.position.x,
        }))
        .filter(countsAsObjective)
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map(({ id, label, status }) => ({ id, label, status })),
    [nodes],
  )
}

export interface Relation {
  id: string
  source: string
  target: string
  kind: RelationKind
  note: string
}

export function asRelationKind(v: unknown): RelationKind {
  return (RELATION_KINDS as readonly unknown[]).includes(v) ? (v as RelationKind) : 'cooperation'
}

export function useRelations(): Relation[] {
  const edges = useBoard(relationEdges)
  return useMemo(
    () =>
      edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        kind: asRelationKind(e.data?.kind),
        note: typeof e.data?.note === 'string' ? e.data.note : '',
      })),
    [edges],
  )
}
