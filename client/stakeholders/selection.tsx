import { createContext, useContext } from 'react'

/**
 * What this user has selected in the phase: one actor or one relation, shared by all views so
 * the card stays open when switching from the grid to the map or the register. Local, never
 * shared with others.
 */
export interface StakeholderSelection {
  actorId: string | null
  relationId: string | null
  selectActor(id: string | null): void
  selectRelation(id: string | null): void
  /** The editor should focus the name field (a just-created actor). */
  focusName: boolean
}

export const SelectionContext = createContext<StakeholderSelection | null>(null)

export function useSelection(): StakeholderSelection {
  const value = useContext(SelectionContext)
  if (!value) throw new Error('useSelection outside the stakeholder phase')
  return value
}
