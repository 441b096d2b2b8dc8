import { useMemo } from 'react'
import { patchRecord } from '../../shared/schema/index.ts'
import { powerInterestAt } from '../../shared/stakeholders/grid.ts'
import { useBoardActions } from '../store/context.tsx'
import type { XY } from '../store/actions.ts'

/** The stakeholder phase's own writes, on top of the board's actions (one undo step each). */
export function useStakeholderActions() {
  const actions = useBoardActions()
  return useMemo(
    () => ({
      /** Where actors were dropped on the power/interest grid, all in one step. */
      placeOnGrid(positions: Map<string, XY>): void {
        actions.transact((doc) => {
          for (const [id, pos] of positions)
            patchRecord(doc, 'stakeholders.nodes', id, { ...powerInterestAt(pos) })
        })
      },
      /** A relation pointing the other way. */
      reverseRelation(id: string, source: string, target: string): void {
        actions.updateLink('stakeholders', id, { source: target, target: source })
      },
    }),
    [actions],
  )
}
