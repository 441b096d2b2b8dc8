import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProblemTreeReport } from '../../shared/method/problemTree.ts'

export const TreeReportContext = createContext<ProblemTreeReport | null>(null)
export const useTreeReport = () => useContext(TreeReportContext)

/** What is wrong with the tree right now, in the room's words. */
export function TreeWarnings({
  report,
  cardCount,
}: {
  report: ProblemTreeReport
  cardCount: number
}) {
  const { t } = useTranslation('board')
  const warnings: string[] = []
  if (cardCount > 0 && report.coreIds.length === 0) warnings.push(t('tree.noCore'))
  if (report.coreIds.length > 1)
    warnings.push(t('tree.manyCores', { count: report.coreIds.length }))
  if (report.cycleLinkIds.size) warnings.push(t('tree.cycle', { count: report.cycleLinkIds.size }))
  if (report.reversedLinkIds.size)
    warnings.push(t('tree.reversed', { count: report.reversedLinkIds.size }))
  if (report.unlinkedIds.length)
    warnings.push(t('tree.unlinked', { count: report.unlinkedIds.length }))
  if (!warnings.length) return null
  return (
    <div className="tree-warnings" role="status" aria-live="polite" data-testid="tree-warnings">
      {warnings.map((w) => (
        <p key={w}>⚠ {w}</p>
      ))}
    </div>
  )
}
