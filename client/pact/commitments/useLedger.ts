import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Actor } from '../../../shared/stakeholders/actors.ts'
import type { LogframeRow } from '../../../shared/method/logframe.ts'
import {
  ledgerGaps,
  totalsByActor,
  totalsByObjective,
  totalsByType,
  type Commitment,
  type LedgerGaps,
  type LedgerTotal,
} from '../../../shared/pact/ledger.ts'
import type { CommitmentType } from '../../../shared/schema/index.ts'
import { useActors, useObjectives } from '../../stakeholders/data.ts'
import {
  useChosenStrategy,
  useCommitments,
  useLogframeRows,
  useObjectiveIndex,
  type ObjectiveRef,
} from '../data.ts'

export interface Ledger {
  commitments: Commitment[]
  actors: Actor[]
  /** What commitments can be for: the objectives in scope, the logframe's results and activities. */
  objectives: ObjectiveRef[]
  rows: LogframeRow[]
  byActor: Map<string, LedgerTotal>
  byType: Map<CommitmentType, LedgerTotal>
  byObjective: Map<string, LedgerTotal>
  gaps: LedgerGaps
  /** The name of an actor, objective or logframe row. */
  nameOf(id: string): string
}

/**
 * Everything the ledger view shows, derived from the board: the commitments with their totals
 * and gaps. The objectives in scope are the chosen strategy's, or every objective that counts
 * while no strategy is chosen.
 */
export function useLedger(): Ledger {
  const { t } = useTranslation('pact')
  const commitments = useCommitments()
  const actors = useActors()
  const strategy = useChosenStrategy()
  const all = useObjectives()
  const index = useObjectiveIndex()
  const logframe = useLogframeRows()
  return useMemo(() => {
    const objectives = strategy?.objectives.length ? strategy.objectives : all
    const rows = logframe.filter((r) => r.level === 'result' || r.level === 'activity')
    const rowObjective = new Map(logframe.map((r) => [r.id, r.objective]))
    const names = new Map<string, string>()
    for (const o of index.values()) names.set(o.id, o.label || t('vision.unnamed'))
    for (const r of logframe) names.set(r.id, r.text || t('vision.unnamed'))
    for (const a of actors) names.set(a.id, a.label || t('unnamedActor'))
    return {
      commitments,
      actors,
      objectives,
      rows,
      byActor: totalsByActor(commitments),
      byType: totalsByType(commitments) as Map<CommitmentType, LedgerTotal>,
      byObjective: totalsByObjective(commitments, rowObjective),
      gaps: ledgerGaps(commitments, {
        objectives: objectives.map((o) => o.id),
        activities: rows.filter((r) => r.level === 'activity').map((r) => r.id),
        actors: actors.map((a) => a.id),
        rowObjective,
      }),
      nameOf: (id: string) => names.get(id) ?? '',
    }
  }, [commitments, actors, strategy, all, index, logframe, t])
}
