import { createContext, useContext, useLayoutEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProblemTreeReport } from '../../shared/method/problemTree.ts'
import { cutAtWord } from '../../shared/render/labels.ts'
import { useBoard } from '../store/context.tsx'

/**
 * Which cards are in a cycle, for each card to ask about itself. The report is new whenever
 * the tree's shape changes (a card added, a link drawn): read from a context, every card was
 * drawn again for it (120 of 120 when one card was added); asked here, only a card whose
 * answer changed is.
 */
export class CycleCards {
  private ids: ReadonlySet<string> = new Set()
  private readonly listeners = new Set<() => void>()

  has = (id: string): boolean => this.ids.has(id)

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  set(ids: ReadonlySet<string>): void {
    if (ids.size === this.ids.size && [...ids].every((id) => this.ids.has(id))) return
    this.ids = ids
    for (const listener of this.listeners) listener()
  }
}

const CycleCardsContext = createContext<CycleCards | null>(null)
export const CycleCardsProvider = CycleCardsContext.Provider

/** The canvas's cycle cards, kept up to date with its report (before the browser paints). */
export function useCycleCards(report: ProblemTreeReport): CycleCards {
  const [cards] = useState(() => new CycleCards())
  useLayoutEffect(() => cards.set(report.cycleCardIds), [cards, report])
  return cards
}

/** Whether this card is in a cycle (false outside a problem canvas). */
export function useInCycle(id: string): boolean {
  const cards = useContext(CycleCardsContext)
  return useSyncExternalStore(cards?.subscribe ?? noSubscription, () => cards?.has(id) ?? false)
}
const noSubscription = () => () => {}

/** What is wrong with the tree right now, in the room's words. */
export function TreeWarnings({
  report,
  cardCount,
}: {
  report: ProblemTreeReport
  cardCount: number
}) {
  const { t } = useTranslation('board')
  // the detached branch's card to link, by what it says (followed as it is rewritten)
  const lead = report.detachedLead
  const leadLabel = useBoard((s) =>
    lead ? String(s.canvases.problems.nodes.find((n) => n.id === lead)?.data.label ?? '') : '',
  )
  const warnings: string[] = []
  if (cardCount > 0 && report.coreIds.length === 0) warnings.push(t('tree.noCore'))
  if (report.coreIds.length > 1)
    warnings.push(t('tree.manyCores', { count: report.coreIds.length }))
  if (report.cycleLinkIds.size) warnings.push(t('tree.cycle', { count: report.cycleLinkIds.size }))
  if (report.reversedLinkIds.size)
    warnings.push(t('tree.reversed', { count: report.reversedLinkIds.size }))
  if (report.unlinkedIds.length)
    warnings.push(t('tree.unlinked', { count: report.unlinkedIds.length }))
  if (report.detachedIds.length)
    warnings.push(
      t('tree.detached', {
        count: report.detachedIds.length,
        card: cutAtWord(leadLabel, 50) || t('linkMenu.untitled'),
      }),
    )
  if (!warnings.length) return null
  return (
    <div className="tree-warnings" role="status" aria-live="polite" data-testid="tree-warnings">
      {warnings.map((w) => (
        <p key={w}>⚠ {w}</p>
      ))}
    </div>
  )
}
