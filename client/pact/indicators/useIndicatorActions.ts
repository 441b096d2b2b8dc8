import { useMemo } from 'react'
import { collectionRoot, forEachRecord, type Fields } from '../../../shared/schema/index.ts'
import type { Indicator } from '../../../shared/pact/monitoring.ts'
import { useBoardActions } from '../../store/context.tsx'

/** The indicators' writes, each one undoable step through the board's actions. */
export function useIndicatorActions() {
  const actions = useBoardActions()
  return useMemo(
    () => ({
      /** A new indicator at the end of the list, with all its fields. */
      add(indicators: readonly Indicator[], fields: Fields = {}): string | null {
        const order = indicators.reduce((max, i) => Math.max(max, i.order + 1), 0)
        const record = {
          label: '',
          unit: '',
          direction: 'increase',
          baseline: null,
          baselineDate: null,
          target: null,
          targetDate: null,
          source: '',
          frequency: 'half-yearly',
          responsible: null,
          objective: null,
          activity: null,
          ...fields,
          order,
        }
        // one made to be named goes with Escape in its name; a preset keeps its own
        return fields.label
          ? actions.putRecord('pact.indicators', record)
          : actions.putRecordFor('pact.indicators', 'label', record)
      },
      update(id: string, patch: Fields): void {
        actions.updateRecord('pact.indicators', id, patch)
      },
      /** The indicator and the values measured for it, in one step. */
      remove(id: string): void {
        actions.transact((doc) => {
          const measurements = collectionRoot(doc, 'pact.measurements')
          forEachRecord(measurements, (m, mid) => {
            if (m.get('indicator') === id) measurements.delete(mid)
          })
          collectionRoot(doc, 'pact.indicators').delete(id)
        })
      },
    }),
    [actions],
  )
}
