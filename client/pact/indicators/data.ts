import { useMemo } from 'react'
import {
  COMMITMENT_STATUSES,
  LOGFRAME_LEVELS,
  type CommitmentStatus,
  type LogframeLevel,
} from '../../../shared/schema/index.ts'
import { readLogframeRows } from '../../../shared/method/logframeRows.ts'
import {
  readAdaptations,
  readIndicators,
  readMeasurements,
  readRounds,
} from '../../../shared/pact/monitoring.ts'
import { useBoard } from '../../store/context.tsx'
import { useActorIds } from '../../stakeholders/data.ts'
import type { BoardState } from '../../store/boardStore.ts'

const indicatorItems = (s: BoardState) => s.lists['pact.indicators']
const roundItems = (s: BoardState) => s.lists['pact.rounds']
const measurementItems = (s: BoardState) => s.lists['pact.measurements']
const adaptationItems = (s: BoardState) => s.lists['pact.adaptations']
const commitmentItems = (s: BoardState) => s.lists['pact.commitments']
const bodyItems = (s: BoardState) => s.lists['pact.bodies']
const rowItems = (s: BoardState) => s.lists['logframe.rows']
const actorNodes = (s: BoardState) => s.canvases.stakeholders.nodes
const objectiveNodes = (s: BoardState) => s.canvases.objectives.nodes

export const useIndicators = () => {
  const items = useBoard(indicatorItems)
  return useMemo(() => readIndicators(items), [items])
}
export const useRounds = () => {
  const items = useBoard(roundItems)
  return useMemo(() => readRounds(items), [items])
}
export const useMeasurements = () => {
  const items = useBoard(measurementItems)
  return useMemo(() => readMeasurements(items), [items])
}
export const useAdaptations = () => {
  const items = useBoard(adaptationItems)
  return useMemo(() => readAdaptations(items), [items])
}

/** A named thing of the board another record can point to. */
export interface Named {
  id: string
  label: string
}

export interface CommitmentSummary extends Named {
  actor: string
  status: CommitmentStatus
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** The commitments of the ledger, as the monitoring needs them (who, what, status). */
export function useCommitments(): CommitmentSummary[] {
  const items = useBoard(commitmentItems)
  const actors = useActorIds()
  return useMemo(
    () =>
      items
        // an actor's commitments go with it, as in the exports (useActorIds)
        .filter((c) => typeof c.actor === 'string' && actors.has(c.actor))
        .map((c) => ({
          id: c.id,
          label: str(c.what),
          actor: str(c.actor),
          status: (COMMITMENT_STATUSES as readonly unknown[]).includes(c.status)
            ? (c.status as CommitmentStatus)
            : 'proposed',
          order: typeof c.order === 'number' ? c.order : 0,
        }))
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
        .map(({ order: _order, ...c }) => c),
    [items, actors],
  )
}

export function useBodies(): Named[] {
  const items = useBoard(bodyItems)
  return useMemo(() => items.map((b) => ({ id: b.id, label: str(b.label) })), [items])
}

/** The register's actors by name. */
export function useActorNames(): Named[] {
  const nodes = useBoard(actorNodes)
  return useMemo(
    () =>
      nodes
        .filter((n) => n.data.kind === 'actor')
        .map((n) => ({ id: n.id, label: n.data.label }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [nodes],
  )
}

/** Objectives that count (not discarded), top to bottom as on the tree. */
export function useObjectiveNames(): Named[] {
  const nodes = useBoard(objectiveNodes)
  return useMemo(
    () =>
      nodes
        .filter((n) => n.data.kind === 'objective' && n.data.status !== 'discarded')
        .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)
        .map((n) => ({ id: n.id, label: n.data.label })),
    [nodes],
  )
}

export interface RowName extends Named {
  level: LogframeLevel
}

/** The logframe's rows in table order. */
export function useLogframeRowNames(): RowName[] {
  const items = useBoard(rowItems)
  return useMemo(
    () =>
      readLogframeRows(items)
        .filter((r) => LOGFRAME_LEVELS.includes(r.level))
        .map((r) => ({ id: r.id, label: r.text, level: r.level })),
    [items],
  )
}

/** Names by id, for the lookups of a view. */
export function nameMap(list: readonly Named[]): Map<string, string> {
  return new Map(list.map((n) => [n.id, n.label]))
}
