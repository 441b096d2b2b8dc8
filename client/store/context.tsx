import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { BoardSession } from './session.ts'
import type { BoardState } from './boardStore.ts'
import type { BoardActions } from './actions.ts'
import { cardInputsOf, type CardInputs } from './cardInputs.ts'

const BoardContext = createContext<BoardSession | null>(null)

export function BoardProvider({
  session,
  children,
}: {
  session: BoardSession
  children: ReactNode
}) {
  return <BoardContext.Provider value={session}>{children}</BoardContext.Provider>
}

function useSession(): BoardSession {
  const session = useContext(BoardContext)
  if (!session) throw new Error('useBoard must be used inside <BoardProvider>')
  return session
}

/** Reads a slice of the open board's store; re-renders only when the slice changes. */
export function useBoard<T>(selector: (s: BoardState) => T): T {
  return useStore(useSession().store, selector)
}

/**
 * Reads a slice of what cards may read of the board ({@link CardInputs}): for components drawn
 * once per card, whose selectors then run only when one of those inputs changes, not at every
 * frame of a drag.
 */
export function useCardInputs<T>(selector: (s: CardInputs) => T): T {
  return useStore(cardInputsOf(useSession().store), selector)
}

export function useBoardActions(): BoardActions {
  return useSession().actions
}

export function useBoardSession(): BoardSession {
  return useSession()
}
