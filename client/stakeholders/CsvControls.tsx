import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { ACTOR_CATEGORIES, STANCES } from '../../shared/schema/index.ts'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import {
  REGISTER_COLUMNS,
  parseRegisterCsv,
  registerToCsv,
  type CsvIssue,
} from '../../shared/stakeholders/csv.ts'
import { applyImport, planImport, type ImportPlan } from '../../shared/stakeholders/merge.ts'
import { columnNames, type VocabularyNames } from '../../shared/stakeholders/names.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { newId } from '../store/ids.ts'
import type { BoardState } from '../store/boardStore.ts'
import type { ObjectiveSummary } from './data.ts'

type Review =
  | { kind: 'fatal'; issue: CsvIssue }
  | { kind: 'plan'; plan: ImportPlan; issues: CsvIssue[]; bad: number }

type Outcome = { added: number; updated: number; unchanged: number }

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
  const { t, i18n } = useTranslation('stakeholders')
  const { t: tc } = useTranslation('common')
  const actions = useBoardActions()
  const title = useBoard(titleSelector)
  const input = useRef<HTMLInputElement>(null)
  const [review, setReview] = useState<Review | null>(null)
  const [done, setDone] = useState<Outcome | null>(null)

  const exportCsv = () => {
    // the words the UI shows (import reads them back in either language)
    const names: VocabularyNames = {
      category: Object.fromEntries(ACTOR_CATEGORIES.map((c) => [c, t(`categories.${c}`)])),
      stance: Object.fromEntries(STANCES.map((s) => [s, t(`stances.${s}`)])),
      columns: columnNames(i18n.language.startsWith('en') ? 'en' : 'it'),
    } as VocabularyNames
    const csv = registerToCsv(actors, objectives, { names })
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = [t('csv.fileName'), fileSlug(title)].filter(Boolean).join('-') + '.csv'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const apply = (plan: ImportPlan, update: boolean) => {
    if (plan.added.length || (update && plan.updated.length))
      actions.transact((doc) => void applyImport(doc, plan, newId, { update }))
    setReview(null)
    setDone({
      added: plan.added.length,
      updated: update ? plan.updated.length : 0,
      unchanged: plan.unchanged + (update ? 0 : plan.updated.length),
    })
  }

  // nothing is written without a look when the file has errors or would change actors
  // already on the board (a re-import of an edited export)
  const onFile = async (file: File) => {
    setDone(null)
    const result = parseRegisterCsv(new Uint8Array(await file.arrayBuffer()), { objectives })
    if (!result.ok) return setReview({ kind: 'fatal', issue: result.fatal })
    const plan = planImport(actors, result.rows)
    if (result.issues.length || plan.updated.length)
      setReview({ kind: 'plan', plan, issues: result.issues, bad: result.badRows.length })
    else apply(plan, true)
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
        <span
          className="csv-done"
          role="status"
          data-added={done.added}
          data-updated={done.updated}
        >
          {done.added || done.updated
            ? t('csv.done', { added: done.added, updated: done.updated })
            : t('csv.nothingToDo', { count: done.unchanged })}
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
              <PlanReview
                actors={actors}
                plan={review.plan}
                issues={review.issues}
                bad={review.bad}
                onCancel={() => setReview(null)}
                onApply={(update) => apply(review.plan, update)}
              />
            )}
          </div>
        </div>
      )}
    </div>
  )
}

const MAX_LISTED = 8

/** What the file would do: its errors, how many actors it adds and updates; asks before updating. */
function PlanReview({
  actors,
  plan,
  issues,
  bad,
  onCancel,
  onApply,
}: {
  actors: Actor[]
  plan: ImportPlan
  issues: CsvIssue[]
  bad: number
  onCancel(): void
  onApply(update: boolean): void
}) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation('common')
  const added = plan.added.length
  const updated = plan.updated.length
  const good = added + updated + plan.unchanged
  const names = new Map(actors.map((a) => [a.id, a.label]))
  return (
    <>
      <h2 id="csv-review-title">{t(issues.length ? 'csv.reviewTitle' : 'csv.updateTitle')}</h2>
      {issues.length > 0 && (
        <>
          <p>{t('csv.reviewBody', { count: bad, bad, total: bad + good })}</p>
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
                {issues.map((issue, i) => (
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
        </>
      )}
      {good === 0 ? (
        <p className="sh-muted">{t('csv.nothingGood')}</p>
      ) : (
        <p
          className="csv-plan"
          data-testid="csv-plan"
          data-added={added}
          data-updated={updated}
          data-unchanged={plan.unchanged}
        >
          {t('csv.planSummary', { added, updated, unchanged: plan.unchanged })}
        </p>
      )}
      {updated > 0 && <p className="csv-question">{t('csv.updateQuestion', { count: updated })}</p>}
      {updated > 0 && (
        <ul className="csv-updates" data-testid="csv-updates">
          {plan.updated.slice(0, MAX_LISTED).map((u) => (
            <li key={u.id}>
              <strong>{names.get(u.id) || t('card.unnamed')}</strong>
              {' — '}
              {Object.keys(u.patch)
                // an actor the file places on the grid changes its strategy (its quadrant)
                .map((k) => t(`register.columns.${k === 'placed' ? 'quadrant' : k}`))
                .join(', ')}
            </li>
          ))}
          {updated > MAX_LISTED && <li>{t('csv.andMore', { count: updated - MAX_LISTED })}</li>}
        </ul>
      )}
      <div className="modal-actions">
        <button onClick={onCancel}>{tc('cancel')}</button>
        {updated > 0 && added > 0 && (
          <button data-testid="csv-import-new-only" onClick={() => onApply(false)}>
            {t('csv.addOnly', { count: added })}
          </button>
        )}
        {added + updated > 0 && (
          <button className="primary" data-testid="csv-import-good" onClick={() => onApply(true)}>
            {updated > 0
              ? t('csv.addAndUpdate', { added, updated })
              : t('csv.importGood', { count: added })}
          </button>
        )}
      </div>
    </>
  )
}
