import { useEffect, useRef, useState } from 'react'
import { focusAfter } from '../lib/dom.ts'

export const YEAR_MIN = 1900
export const YEAR_MAX = 2200

/** A year as typed: null for empty, undefined for not a year of the range. */
export function parseYear(raw: string): number | null | undefined {
  const s = raw.trim()
  if (!s) return null
  if (!/^\d{4}$/.test(s)) return undefined
  const n = Number(s)
  return n >= YEAR_MIN && n <= YEAR_MAX ? n : undefined
}

/**
 * A year typed in a field, written as soon as it is a whole year `check` accepts (the others
 * see it while the person is still in the field), else when the field is left or on Enter (the
 * keyboard then goes on to the next field):
 * then `check` may refuse it with a message, and the stored year shows again. Until the person
 * types it follows the document, and leaving it untouched writes nothing.
 */
export function YearField({
  value,
  label,
  disabled,
  onCommit,
  onError,
  check,
  placeholder,
  'data-field': dataField,
}: {
  value: number | null
  label: string
  disabled?: boolean
  onCommit(year: number | null): void
  onError(message: string | null): void
  /** A message when the year cannot be stored (undefined: not a year of the range). */
  check(year: number | null | undefined): string | null
  placeholder?: string
  'data-field'?: string
}) {
  const shown = value === null ? '' : String(value)
  // what the person typed; null while they have not
  const [draft, setDraft] = useState<string | null>(null)
  /** The last year typed was refused: the field says so to assistive technology too. */
  const [refused, setRefused] = useState(false)
  // someone else's year replaces the refused one
  useEffect(() => setRefused(false), [value])
  /** Enter wrote it and gave the focus on: the blur that follows writes nothing more. */
  const passing = useRef(false)
  /** Writes what was typed; false when `check` refused it (its message shows). */
  const commit = (): boolean => {
    setDraft(null)
    if (draft === null || draft.trim() === shown) {
      setRefused(false)
      onError(null)
      return true
    }
    const year = parseYear(draft)
    const problem = check(year)
    if (problem || year === undefined) {
      setRefused(true)
      onError(problem)
      return false
    }
    setRefused(false)
    onError(null)
    onCommit(year)
    return true
  }
  return (
    <input
      type="text"
      inputMode="numeric"
      className="pact-input pact-year"
      maxLength={4}
      aria-label={label}
      aria-invalid={refused || undefined}
      data-field={dataField}
      disabled={disabled}
      value={draft ?? shown}
      placeholder={placeholder}
      onChange={(e) => {
        const typed = e.target.value
        setDraft(typed)
        // a whole year, accepted: everyone's at once (it reached the others only on leaving)
        const year = parseYear(typed)
        if (year !== undefined && year !== null && year !== value && !check(year)) {
          setRefused(false)
          onError(null)
          onCommit(year)
        }
      }}
      onBlur={() => void (passing.current || commit())}
      onKeyDown={(e) => {
        // Enter writes the year and the keyboard goes on to the next field (a year refused: it
        // stays, beside the message); Escape gives up what was typed. Never to the page's body.
        if (e.key === 'Enter') {
          const field = e.currentTarget
          if (!commit()) return
          passing.current = true
          focusAfter(field)
          passing.current = false
        } else if (e.key === 'Escape') {
          setDraft(null)
          setRefused(false)
          onError(null)
        }
      }}
    />
  )
}
