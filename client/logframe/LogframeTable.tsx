import { Fragment, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LOGFRAME_LEVELS } from '../../shared/schema/index.ts'
import type { LogframeRow } from '../../shared/method/logframe.ts'
import { rowsByLevel } from '../../shared/method/logframeRows.ts'
import { LogframeCell } from './LogframeCell.tsx'
import { focusNewField } from '../text/typeAhead.ts'
import type { LogframeActions, LogframeField } from './useLogframeActions.ts'

const FIELDS: LogframeField[] = ['text', 'indicators', 'sources', 'assumptions']

/**
 * A click anywhere in a cell (its padding, the space below a short text) writes in that cell's
 * own field, never in the one that had the focus before.
 */
function focusOwnField(e: MouseEvent<HTMLTableCellElement>) {
  const field = e.currentTarget.querySelector('textarea')
  if (!field || (e.target as Element).closest('textarea')) return
  e.preventDefault()
  field.focus()
  field.setSelectionRange(field.value.length, field.value.length)
}

/** The logframe grouped by level: the intervention logic and its three companion columns. */
export function LogframeTable({
  rows,
  proposed,
  editable,
  write,
}: {
  rows: LogframeRow[]
  /** `level|objective` of the rows the chosen strategy calls for (others are flagged). */
  proposed: Set<string> | null
  editable: boolean
  write: LogframeActions
}) {
  const { t } = useTranslation('strategy')
  const grouped = rowsByLevel(rows)
  const remove = (row: LogframeRow) => {
    // generated text alone is no one's work: it comes back with a regeneration
    const written =
      ['indicators', 'sources', 'assumptions'].some((f) => row[f as LogframeField].trim()) ||
      (row.objective === null && row.text.trim() !== '')
    if (written && !confirm(t('logframe.confirmRemove'))) return
    write.removeRow(row.id)
  }
  return (
    <table className="logframe-table" data-testid="logframe-table">
      <thead>
        <tr>
          {FIELDS.map((f) => (
            <th key={f} scope="col" className={`col-${f}`}>
              {t(`logframe.columns.${f}`)}
              {f === 'text' && <span className="col-note">{t('logframe.fromTree')}</span>}
            </th>
          ))}
          {editable && (
            <th scope="col" className="col-actions">
              <span className="visually-hidden">{t('logframe.columns.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {LOGFRAME_LEVELS.map((level) => {
          const levelName = t(`logframe.levels.${level}`)
          const list = grouped[level]
          return (
            <Fragment key={level}>
              <tr className={`level-head level-${level}`}>
                <th colSpan={FIELDS.length + (editable ? 1 : 0)} scope="colgroup">
                  <span>{levelName}</span>
                  {editable && (
                    <button
                      className="add-row"
                      onClick={() => {
                        const id = write.addRow(rows, level)
                        // the new row's text takes the focus, and what is typed at once: the
                        // spaces of a sentence pressed the button again, one empty row each
                        if (id)
                          focusNewField(`tr[data-row-id="${CSS.escape(id)}"] [data-field=text]`)
                      }}
                    >
                      + {t(`logframe.addRow.${level}`)}
                    </button>
                  )}
                </th>
              </tr>
              {list.map((row, i) => {
                const stale =
                  proposed !== null &&
                  row.objective !== null &&
                  !proposed.has(`${row.level}|${row.objective}`)
                return (
                  <tr
                    key={row.id}
                    className={`logframe-row level-${level}`}
                    data-testid="logframe-row"
                    data-level={level}
                    data-row-id={row.id}
                  >
                    {FIELDS.map((field) => (
                      <td
                        key={field}
                        className={`col-${field}`}
                        // the column's name, shown above the field where a phone stacks the row
                        data-label={t(`logframe.columns.${field}`)}
                        onMouseDown={editable ? focusOwnField : undefined}
                      >
                        {field === 'text' && stale && (
                          <span className="stale-flag">{t('logframe.stale')}</span>
                        )}
                        <LogframeCell
                          rowId={row.id}
                          field={field}
                          value={row[field]}
                          editable={editable}
                          label={t('logframe.cellLabel', {
                            column: t(`logframe.columns.${field}`),
                            index: i + 1,
                            level: levelName,
                          })}
                          placeholder={
                            field === 'text'
                              ? t('logframe.placeholders.text')
                              : t(`logframe.placeholders.${field}`)
                          }
                        />
                      </td>
                    ))}
                    {editable && (
                      <td className="col-actions">
                        <button
                          className="icon-button"
                          aria-label={t('logframe.moveUp')}
                          title={t('logframe.moveUp')}
                          disabled={i === 0}
                          onClick={() => write.moveRow(rows, row.id, -1)}
                        >
                          ↑
                        </button>
                        <button
                          className="icon-button"
                          aria-label={t('logframe.moveDown')}
                          title={t('logframe.moveDown')}
                          disabled={i === list.length - 1}
                          onClick={() => write.moveRow(rows, row.id, 1)}
                        >
                          ↓
                        </button>
                        <button
                          className="icon-button danger"
                          aria-label={t('logframe.remove')}
                          title={t('logframe.remove')}
                          onClick={() => remove(row)}
                        >
                          ✕
                        </button>
                      </td>
                    )}
                  </tr>
                )
              })}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}
