import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SCORE_MAX, SCORE_MIN } from '../../shared/schema/index.ts'
import type { CellResult } from '../../shared/method/strategy.ts'
import { useAverageFormat } from './format.ts'

const SCALE = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i)

interface Props {
  /** Position in the grid, for moving between criteria with ↑↓. */
  row: number
  column: number
  candidate: string
  criterion: string
  label: string
  result: CellResult
  /** How many gave each score, indexed by score. */
  counts: number[]
  /** Who gave what, for the tooltip. */
  voters: string
  mine: number | null
  /** Folded results: no average, no spread, no names, only how many voted. */
  showResults: boolean
  editable: boolean
  chosen: boolean
  onScore: (score: number | null) => void
}

function focusCell(from: HTMLElement, row: number, column: number): void {
  const grid = from.closest('table')
  const target = grid?.querySelector<HTMLElement>(`[data-cell="${row}:${column}"] [tabindex="0"]`)
  target?.focus()
}

/** One candidate × criterion: this participant's 1–5 buttons, the average and the spread. */
export function ScoreCell(p: Props) {
  const { t } = useTranslation('strategy')
  const format = useAverageFormat()
  const max = Math.max(1, ...p.counts)
  const focusable = p.mine ?? SCORE_MIN

  // keys pressed faster than the document round trip build on the last one, not a stale prop
  const pending = useRef<number | null | undefined>(undefined)
  useEffect(() => {
    pending.current = undefined
  }, [p.mine])
  const set = (score: number | null, from: HTMLElement) => {
    pending.current = score
    p.onScore(score)
    // focus follows the checked value at once (roving tabindex), so ↑↓ right after work
    if (score !== null)
      from
        .closest('[role=radiogroup]')
        ?.querySelector<HTMLElement>(`[data-score="${score}"]`)
        ?.focus()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const el = e.currentTarget
    const current = pending.current !== undefined ? pending.current : p.mine
    if (/^[1-5]$/.test(e.key)) set(Number(e.key), el)
    else if (e.key === 'ArrowRight' || e.key === '+')
      set(Math.min(SCORE_MAX, (current ?? SCORE_MIN - 1) + 1), el)
    else if (e.key === 'ArrowLeft' || e.key === '-')
      set(Math.max(SCORE_MIN, (current ?? SCORE_MIN + 1) - 1), el)
    else if (e.key === 'Delete' || e.key === 'Backspace' || e.key === '0') set(null, el)
    else if (e.key === 'ArrowUp') focusCell(el, p.row - 1, p.column)
    else if (e.key === 'ArrowDown') focusCell(el, p.row + 1, p.column)
    else return
    e.preventDefault()
  }

  const stats = !p.result.count ? (
    <span>{t('grid.noVotes')}</span>
  ) : !p.showResults ? (
    <span>{t('grid.votes', { count: p.result.count })}</span>
  ) : (
    <>
      <strong>{format(p.result.average!)}</strong>{' '}
      <span>{t('grid.votes', { count: p.result.count })}</span>
    </>
  )

  return (
    <td
      className={`score-cell${p.chosen ? ' is-chosen' : ''}`}
      data-cell={`${p.row}:${p.column}`}
      data-candidate={p.candidate}
      data-criterion={p.criterion}
    >
      <div
        className="score-scale"
        role={p.editable ? 'radiogroup' : undefined}
        aria-label={p.label}
      >
        {SCALE.map((n) => {
          const bar = p.showResults && (
            <span
              className="score-spread"
              style={{ height: `${(p.counts[n]! / max) * 34}%` }}
              aria-hidden
            />
          )
          return p.editable ? (
            <button
              key={n}
              role="radio"
              aria-checked={p.mine === n}
              aria-label={t('grid.scoreLabel', { score: n })}
              tabIndex={n === focusable ? 0 : -1}
              data-score={n}
              className={`score-button${p.mine === n ? ' is-mine' : ''}`}
              onClick={(e) => set(p.mine === n ? null : n, e.currentTarget)}
              onKeyDown={onKeyDown}
            >
              {bar}
              <span className="score-number">{n}</span>
            </button>
          ) : (
            <span key={n} className="score-button is-static" data-score={n}>
              {bar}
              <span className="score-number">{n}</span>
            </span>
          )
        })}
      </div>
      <div
        className="score-stats"
        title={(p.showResults && p.voters) || undefined}
        data-testid="cell-stats"
      >
        {stats}
      </div>
    </td>
  )
}
