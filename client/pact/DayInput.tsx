import { useEffect, useState, type ChangeEvent, type InputHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

/** The days a pact speaks of (its years' range, as YearField's): 0001 or 9999 is a slip. */
export const DAY_MIN = '1900-01-01'
export const DAY_MAX = '2200-12-31'

export const dayInRange = (day: string): boolean => day >= DAY_MIN && day <= DAY_MAX

/**
 * A calendar day typed in a date input. While its year is being typed the browser reports
 * 0002-…, 0020-…, 0202-…: those stay here, unwritten, and the day is written once it is a
 * whole day of the range (others saw each of them, and an undo took back one digit). A day
 * left outside the range stays shown with `outOfRange` set (the field says why) and is not
 * written, until the stored day changes; a blank is written as no day unless `required`.
 */
function useDayInput(
  stored: string | null,
  commit: (day: string | null) => void,
  { required = false }: { required?: boolean } = {},
) {
  const [draft, setDraft] = useState<string | null>(null)
  const [outOfRange, setOutOfRange] = useState(false)
  // someone else's day (or an undo) replaces what was left here unwritten
  useEffect(() => {
    setDraft(null)
    setOutOfRange(false)
  }, [stored])
  const settle = (day: string | null) => {
    setDraft(null)
    setOutOfRange(false)
    commit(day)
  }
  return {
    value: draft ?? stored ?? '',
    outOfRange,
    min: DAY_MIN,
    max: DAY_MAX,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const day = e.target.value
      // a day that must be there keeps the stored one (a part of it cleared)
      if (day === '') return required ? setDraft(null) : settle(null)
      if (/^\d{4}-\d{2}-\d{2}$/.test(day) && dayInRange(day)) return settle(day)
      setDraft(day)
    },
    onBlur: () => {
      if (draft) setOutOfRange(true)
    },
  }
}

/**
 * The pact's date input (a commitment's, an indicator's, a round's, an adhesion's): the day
 * kept by {@link useDayInput}, marked with why when outside the range, or when `invalid` (a
 * reason of the caller's, said in `title`: two days the wrong way round).
 */
export function DayInput({
  stored,
  onCommit,
  required = false,
  className,
  invalid = false,
  title,
  ...rest
}: {
  stored: string | null
  onCommit(day: string | null): void
  required?: boolean
  className: string
  invalid?: boolean
  title?: string
} & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'onBlur' | 'className' | 'title' | 'required'
>) {
  const { t } = useTranslation('pactMonitoring')
  const { outOfRange, ...day } = useDayInput(stored, onCommit, { required })
  const bad = invalid || outOfRange
  return (
    <input
      type="date"
      className={`${className}${bad ? ' invalid' : ''}`}
      aria-invalid={bad || undefined}
      title={outOfRange ? t('dayRange') : title}
      required={required}
      {...rest}
      {...day}
    />
  )
}
