import { useEffect, useState, type ChangeEvent } from 'react'

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
export function useDayInput(
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
