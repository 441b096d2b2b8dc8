import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import {
  REGISTER_COLUMNS,
  parseRegisterCsv,
  registerToCsv,
  type CsvIssue,
  type ImportedRow,
} from '../../shared/stakeholders/csv.ts'
import { addActors } from '../../shared/stakeholders/doc.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { newId } from '../store/actions.ts'
import type { BoardState } from '../store/boardStore.ts'
import type { ObjectiveSummary } from './data.ts'

type Review =
  | { kind: 'fatal'; issue: CsvIssue }
  | { kind: 'issues'; rows: ImportedRow[]; issues: CsvIssue[]; bad: number }

export function issueText(t: TFunction<'stakeholders'>, issue: CsvIssue): string {
  return t(`csv.errors.${issue.code}`, {
    line: issue.line ?? '',
    column: issue.column ?? '',
    value: issue.value ?? '',
    columns: REGISTER_COLUMNS.join(', '),
  })
}

function fileSlug(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return slug.slice(0, 60)
}

const titleSelector = (s: BoardState) => s.title

/**
 * Export of the register as a CSV download, and import from a file: a file with errors imports
 * nothing unless the user agrees to take only its valid rows; an import is one undoable step.
 */
export function CsvControls({
  actors,
  objectives,
}: {
  actors: Actor[]
  objectives: ObjectiveSummary[]
}) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation('common')
  const actions = useBoardActions()
  const title = useBoard(titleSelector)
  const input = useRef<HTMLInputElement>(null)
  const [review, setReview] = useState<Review | null>(null)
  const [done, setDone] = useState<number | null>(null)

  const exportCsv = () => {
    const blob = new Blob([registerToCsv(actors, objectives)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = [t('csv.fileName'), fileSlug(title)].filter(Boolean).join('-') + '.csv'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const importRows = (rows: ImportedRow[]) => {
    actions.transact(
      (doc) =>
        void addActors(
          doc,
          rows.map((r) => r.fields),
          newId,
        ),
    )
    setReview(null)
    setDone(rows.length)
  }

  const onFile = async (file: File) => {
    setDone(null)
    const result = parseRegisterCsv(new Uint8Array(await file.arrayBuffer()), { objectives })
    if (!result.ok) setReview({ kind: 'fatal', issue: result.fatal })
    else if (result.issues.length)
      setReview({
        kind: 'issues',
        rows: result.rows,
        issues: result.issues,
        bad: result.badRows.length,
      })
    else importRows(result.rows)
  }

  return (
    <div className="csv-controls">
      <button onClick={exportCsv} data-testid="csv-export">
        ⬇ {t('csv.export')}
      </button>
      <button onClick={() => input.current?.click()} data-testid="csv-import">
        ⬆ {t('csv.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void onFile(file)
        }}
      />
      {done !== null && (
        <span className="csv-done" role="status">
          {t('csv.imported', { count: done })}
        </span>
      )}
      {review && (
        <div className="modal-backdrop" onClick={() => setReview(null)}>
          <div
            className="modal csv-review"
            role="dialog"
            aria-modal="true"
            aria-labelledby="csv-review-title"
            onClick={(e) => e.stopPropagation()}
          >
            {review.kind === 'fatal' ? (
              <>
                <h2 id="csv-review-title">{t('csv.fatalTitle')}</h2>
                <p className="field-error" data-code={review.issue.code}>
                  {issueText(t, review.issue)}
                </p>
                <div className="modal-actions">
                  <button className="primary" onClick={() => setReview(null)}>
                    {tc('close')}
                  </button>
                </div>
              </>
            ) : (
              <>
                <h2 id="csv-review-title">{t('csv.reviewTitle')}</h2>
                <p>
                  {t('csv.reviewBody', {
                    count: review.bad,
                    bad: review.bad,
                    total: review.bad + review.rows.length,
                  })}
                </p>
                <div className="csv-issues">
                  <table>
                    <thead>
                      <tr>
                        <th>{t('csv.row')}</th>
                        <th>{t('csv.column')}</th>
                        <th>{t('csv.problem')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {review.issues.map((issue, i) => (
                        <tr key={i} data-row={issue.row ?? ''} data-column={issue.column ?? ''}>
                          <td>
                            {issue.row}
                            {issue.line !== null && issue.line !== issue.row && (
                              <small> ({t('csv.whereLine', { line: issue.line })})</small>
                            )}
                          </td>
                          <td>
                            <code>{issue.column ?? '—'}</code>
                          </td>
                          <td>{issueText(t, issue)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {review.rows.length === 0 && <p className="sh-muted">{t('csv.nothingGood')}</p>}
                <div className="modal-actions">
                  <button onClick={() => setReview(null)}>{tc('cancel')}</button>
                  {review.rows.length > 0 && (
                    <button
                      className="primary"
                      data-testid="csv-import-good"
                      onClick={() => importRows(review.rows)}
                    >
                      {t('csv.importGood', { count: review.rows.length })}
                    </button>
                  )}
                </div>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
