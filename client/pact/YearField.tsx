import { useState } from 'react'

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
 * see it while the person is still in the field), else when the field is left (or on Enter):
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
  const commit = () => {
    setDraft(null)
    if (draft === null || draft.trim() === shown) return onError(null)
    const year = parseYear(draft)
    const problem = check(year)
    if (problem || year === undefined) {
      onError(problem)
      return
    }
    onError(null)
    onCommit(year)
  }
  return (
    <input
      type="text"
      inputMode="numeric"
      className="pact-input pact-year"
      maxLength={4}
      aria-label={label}
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
          onError(null)
          onCommit(year)
        }
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        else if (e.key === 'Escape') {
          setDraft(null)
          onError(null)
          // the event's currentTarget is gone by the next frame
          const field = e.currentTarget
          requestAnimationFrame(() => field.blur())
        }
      }}
    />
  )
}
