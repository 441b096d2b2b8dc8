import { useMemo } from 'react'
import { patchRecord } from '../../shared/schema/index.ts'
import { inTray, powerInterestAt } from '../../shared/stakeholders/grid.ts'
import { useBoardActions } from '../store/context.tsx'
import type { XY } from '../store/actions.ts'

/** The stakeholder phase's own writes, on top of the board's actions (one undo step each). */
export function useStakeholderActions() {
  const actions = useBoardActions()
  return useMemo(
    () => ({
      /**
       * Where actors were dropped, all in one step: on the grid (or beside it) they take the
       * power and interest of the spot; dropped back into the tray (its left edge at
       * `trayLeft`, as wide as its columns) they wait there again.
       */
      placeOnGrid(positions: Map<string, XY>, trayLeft: number): void {
        actions.transact((doc) => {
          for (const [id, pos] of positions)
            patchRecord(
              doc,
              'stakeholders.nodes',
              id,
              inTray(pos, trayLeft) ? { placed: false } : { ...powerInterestAt(pos), placed: true },
            )
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
