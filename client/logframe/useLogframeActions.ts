import { useMemo } from 'react'
import {
  collectionRoot,
  patchRecord,
  putRecord,
  type LogframeLevel,
} from '../../shared/schema/index.ts'
import type { LogframePlan, LogframeRow } from '../../shared/method/logframe.ts'
import { moveRow, nextRowOrder } from '../../shared/method/logframeRows.ts'
import { newId } from '../store/ids.ts'
import { useBoardSession } from '../store/context.tsx'

export type LogframeField = 'text' | 'indicators' | 'sources' | 'assumptions'

/** The logframe's writes, each one undoable step through the board's actions. */
export function useLogframeActions() {
  const { actions } = useBoardSession()
  return useMemo(
    () => ({
      /** Applies a regeneration plan in one step (one undo brings the table back). */
      applyPlan(plan: LogframePlan): boolean {
        return actions.transact((doc) => {
          const rows = collectionRoot(doc, 'logframe.rows')
          for (const id of plan.remove) rows.delete(id)
          for (const { id, text } of plan.fill) patchRecord(doc, 'logframe.rows', id, { text })
          for (const { id, ...fields } of plan.create) putRecord(doc, 'logframe.rows', id, fields)
        })
      },
      addRow(rows: LogframeRow[], level: LogframeLevel): string | null {
        return actions.putRecord(
          'logframe.rows',
          {
            level,
            objective: null,
            text: '',
            indicators: '',
            sources: '',
            assumptions: '',
            order: nextRowOrder(rows, level),
          },
          newId(),
        )
      },
      removeRow(id: string): void {
        actions.deleteRecord('logframe.rows', id)
      },
      moveRow(rows: LogframeRow[], id: string, step: -1 | 1): void {
        const patches = moveRow(rows, id, step)
        if (!patches.size) return
        actions.transact((doc) => {
          for (const [rid, order] of patches) patchRecord(doc, 'logframe.rows', rid, { order })
        })
      },
    }),
    [actions],
  )
}

export type LogframeActions = ReturnType<typeof useLogframeActions>
