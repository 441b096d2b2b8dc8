import { createContext, useContext, useMemo } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { PROBLEM_ROLES, type ProblemRole } from '../../shared/schema/index.ts'
import { useBoard } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import type { Item } from '../store/projection.ts'

/**
 * What every problem card reads alike, read once by the canvas: the words (in the reader's
 * language), whether this user may edit, the target groups and the branches. Two thousand cards
 * each asking for their own translation and store subscriptions were most of a large board's
 * first render; this changes only when a language, a permission or one of those lists does.
 */
export interface ProblemCardsView {
  t: TFunction<'board'>
  /** The words every card shows, translated once (a translation call per card adds up). */
  words: { roles: Record<ProblemRole, string>; empty: string }
  editable: boolean
  groups: Item[]
  clusters: Item[]
}

export const ProblemCardsContext = createContext<ProblemCardsView | null>(null)

export function useProblemCardsView(): ProblemCardsView {
  const view = useContext(ProblemCardsContext)
  if (!view) throw new Error('a problem card is drawn inside <ProblemCardsContext>')
  return view
}

const groupsSelector = (s: BoardState) => s.lists.targetGroups
const clustersSelector = (s: BoardState) => s.lists['problems.clusters']

/** The canvas's side: the value to provide. */
export function useProblemCardsValue(): ProblemCardsView {
  const { t } = useTranslation('board')
  const editable = useBoard(canEdit)
  const groups = useBoard(groupsSelector)
  const clusters = useBoard(clustersSelector)
  const words = useMemo(
    () => ({
      roles: Object.fromEntries(PROBLEM_ROLES.map((r) => [r, t(`problemRoles.${r}`)])) as Record<
        ProblemRole,
        string
      >,
      empty: t('card.empty'),
    }),
    [t],
  )
  return useMemo(
    () => ({ t, words, editable, groups, clusters }),
    [t, words, editable, groups, clusters],
  )
}
