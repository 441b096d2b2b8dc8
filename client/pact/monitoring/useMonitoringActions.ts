import { useMemo } from 'react'
import {
  collectionRoot,
  forEachRecord,
  patchRecord,
  putRecord,
  recordOf,
  type CommitmentStatus,
  type Fields,
} from '../../../shared/schema/index.ts'
import { measurementId } from '../../../shared/pact/monitoring.ts'
import { newId } from '../../store/ids.ts'
import { useBoardActions } from '../../store/context.tsx'

/** The learning cycle's writes, each one undoable step through the board's actions. */
export function useMonitoringActions() {
  const actions = useBoardActions()
  return useMemo(
    () => ({
      addRound(date: string, label: string): string | null {
        return actions.putRecord('pact.rounds', { date, label, feedback: '' }, newId())
      },
      updateRound(id: string, patch: Fields): void {
        actions.updateRecord('pact.rounds', id, patch)
      },
      /** The round with its values and adaptations, in one step. */
      removeRound(id: string): void {
        actions.transact((doc) => {
          for (const name of ['pact.measurements', 'pact.adaptations'] as const) {
            const root = collectionRoot(doc, name)
            forEachRecord(root, (r, rid) => {
              if (r.get('round') === id) root.delete(rid)
            })
          }
          collectionRoot(doc, 'pact.rounds').delete(id)
        })
      },
      /**
       * One indicator's value in one round (null clears it). The record's id is the pair, so two
       * people entering the same value write the same record.
       */
      setValue(round: string, indicator: string, value: number | null): void {
        const id = measurementId(round, indicator)
        actions.transact((doc) => {
          if (recordOf(collectionRoot(doc, 'pact.measurements'), id))
            patchRecord(doc, 'pact.measurements', id, { value })
          else putRecord(doc, 'pact.measurements', id, { round, indicator, value })
        })
      },
      setCommitmentStatus(id: string, status: CommitmentStatus): void {
        actions.updateRecord('pact.commitments', id, { status })
      },
      addAdaptation(round: string): string | null {
        return actions.putRecordFor('pact.adaptations', 'what', {
          ...{ round, what: '', who: null, due: null },
          ...{ targetKind: null, target: null, done: false },
        })
      },
      updateAdaptation(id: string, patch: Fields): void {
        actions.updateRecord('pact.adaptations', id, patch)
      },
      removeAdaptation(id: string): void {
        actions.deleteRecord('pact.adaptations', id)
      },
    }),
    [actions],
  )
}
