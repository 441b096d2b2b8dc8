import { useTranslation } from 'react-i18next'
import { mergeChangedNothing, type MergeReport } from '../../shared/method/objectiveTree.ts'

/** The counts worth telling, in the order a facilitator reads them out. */
const PARTS = [
  'added',
  'linksAdded',
  'refreshed',
  'flagged',
  'linksFlagged',
  'restored',
  'linksRestored',
] as const

/** What the last "generate" did, for the person who pressed it. */
export function MergeReportMessage({
  report,
  onDismiss,
}: {
  report: MergeReport
  onDismiss: () => void
}) {
  const { t } = useTranslation('objectives')
  const nothing = mergeChangedNothing(report)
  const parts = PARTS.filter((k) => report[k] > 0).map((k) =>
    t(`report.${k}`, { count: report[k] }),
  )
  if (!report.first && report.kept > 0) parts.push(t('report.kept', { count: report.kept }))
  return (
    <div className="merge-report" role="status" data-testid="merge-report">
      <div className="merge-report-body">
        <strong>
          {nothing ? t('report.nothing') : report.first ? t('report.first') : t('report.update')}
        </strong>
        {parts.length > 0 && (
          <ul>
            {parts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {report.first && report.added > 0 && <p>{t('report.next')}</p>}
      </div>
      <button className="merge-report-close" onClick={onDismiss} aria-label={t('report.dismiss')}>
        ×
      </button>
    </div>
  )
}
