import { createContext, useContext } from 'react'

/** How the objective canvas shows its cards (local to this screen, not shared). */
export interface ObjectiveDisplay {
  /** Show, on each reworded card, the problem it came from. */
  showProblems: boolean
}

export const ObjectiveDisplayContext = createContext<ObjectiveDisplay>({ showProblems: true })

export const useObjectiveDisplay = () => useContext(ObjectiveDisplayContext)
