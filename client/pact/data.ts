import { useMemo } from 'react'
import {
  BODY_LEVELS,
  DECISION_RULES,
  FREQUENCIES,
  PACT_INFO_ID,
  type BodyLevel,
  type DecisionRule,
  type Frequency,
} from '../../shared/schema/index.ts'
import { readCommitments, type Commitment } from '../../shared/pact/ledger.ts'
import { readLogframeRows } from '../../shared/method/logframeRows.ts'
import type { LogframeRow } from '../../shared/method/logframe.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useActorIds } from '../stakeholders/data.ts'

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const orNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)
const year = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : null
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
const oneOf = <T extends string, F extends T | null>(
  list: readonly T[],
  v: unknown,
  fallback: F,
) => ((list as readonly unknown[]).includes(v) ? (v as T) : fallback)
const byOrder = <T extends { order: number; id: string }>(a: T, b: T) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export interface PactInfo {
  exists: boolean
  territory: string
  horizonFrom: number | null
  horizonTo: number | null
}

const infoList = (s: BoardState) => s.lists['pact.info']
const bodyList = (s: BoardState) => s.lists['pact.bodies']
const ruleList = (s: BoardState) => s.lists['pact.rules']
const commitmentList = (s: BoardState) => s.lists['pact.commitments']
const adhesionList = (s: BoardState) => s.lists['pact.adhesions']
const logframeList = (s: BoardState) => s.lists['logframe.rows']

/** The pact's frame: territory and horizon (the vision is a live text, read by its field). */
export function usePactInfo(): PactInfo {
  const items = useBoard(infoList)
  return useMemo(() => {
    const info = items.find((i) => i.id === PACT_INFO_ID)
    return {
      exists: !!info,
      territory: str(info?.territory),
      horizonFrom: year(info?.horizonFrom),
      horizonTo: year(info?.horizonTo),
    }
  }, [items])
}

export interface Body {
  id: string
  label: string
  mandate: string
  level: BodyLevel
  members: string[]
  lead: string | null
  /** null: not decided yet */
  decision: DecisionRule | null
  frequency: Frequency | null
  order: number
}

export function useBodies(): Body[] {
  const items = useBoard(bodyList)
  return useMemo(
    () =>
      items
        .map((b) => ({
          id: b.id,
          label: str(b.label),
          mandate: str(b.mandate),
          level: oneOf(BODY_LEVELS, b.level, 'technical'),
          members: Array.isArray(b.members)
            ? b.members.filter((m): m is string => typeof m === 'string')
            : [],
          lead: orNull(b.lead),
          decision: oneOf(DECISION_RULES, b.decision, null),
          frequency: oneOf(FREQUENCIES, b.frequency, null),
          order: num(b.order),
        }))
        .sort(byOrder),
    [items],
  )
}

export interface Rule {
  id: string
  text: string
  order: number
}

export function useRules(): Rule[] {
  const items = useBoard(ruleList)
  return useMemo(
    () => items.map((r) => ({ id: r.id, text: str(r.text), order: num(r.order) })).sort(byOrder),
    [items],
  )
}

/** The ledger's commitments: those of the actors on the board (see useActorIds). */
export function useCommitments(): Commitment[] {
  const items = useBoard(commitmentList)
  const actors = useActorIds()
  return useMemo(() => readCommitments(items).filter((c) => actors.has(c.actor)), [items, actors])
}

export interface Adhesion {
  id: string
  actor: string
  adheres: boolean
  date: string | null
  signedBy: string
}

/** Adhesions by actor (the record's id is the actor's). */
export function useAdhesions(): Map<string, Adhesion> {
  const items = useBoard(adhesionList)
  return useMemo(
    () =>
      new Map(
        items.map((a) => [
          a.id,
          {
            id: a.id,
            actor: str(a.actor) || a.id,
            adheres: a.adheres === true,
            date: orNull(a.date),
            signedBy: str(a.signedBy),
          },
        ]),
      ),
    [items],
  )
}

export function useLogframeRows(): LogframeRow[] {
  const items = useBoard(logframeList)
  return useMemo(() => readLogframeRows(items), [items])
}

export interface ObjectiveRef {
  id: string
  label: string
  status: string
}

const objectiveNodes = (s: BoardState) => s.canvases.objectives.nodes
const candidateList = (s: BoardState) => s.lists['strategy.candidates']
const chosenSelector = (s: BoardState) => s.chosenStrategy

/** Every objective card by id (discarded ones included: a record may still point at one). */
export function useObjectiveIndex(): Map<string, ObjectiveRef> {
  const nodes = useBoard(objectiveNodes)
  return useMemo(
    () =>
      new Map(
        nodes
          .filter((n) => n.data.kind === 'objective')
          .map((n) => [n.id, { id: n.id, label: n.data.label, status: str(n.data.status) }]),
      ),
    [nodes],
  )
}

export interface ChosenStrategy {
  id: string
  label: string
  /** The branch's objectives, its top first (the ones still on the tree). */
  objectives: ObjectiveRef[]
}

/** The strategy the room chose (meta.chosenStrategy), or null before it chooses. */
export function useChosenStrategy(): ChosenStrategy | null {
  const chosen = useBoard(chosenSelector)
  const candidates = useBoard(candidateList)
  const index = useObjectiveIndex()
  return useMemo(() => {
    const c = candidates.find((x) => x.id === chosen)
    if (!c) return null
    const ids = Array.isArray(c.objectives)
      ? c.objectives.filter((o): o is string => typeof o === 'string')
      : []
    return {
      id: c.id,
      label: str(c.label),
      objectives: ids.flatMap((id) => {
        const o = index.get(id)
        return o ? [o] : []
      }),
    }
  }, [chosen, candidates, index])
}
