import { useEffect, useState } from 'react'
import { editableNumber, parseAmount } from './format.ts'

/**
 * An amount typed in a cell, written when the cell is left; what is not a number, or is below
 * zero, is refused.
 */
export function AmountField({
  value,
  label,
  lang,
  invalid,
  onCommit,
}: {
  value: number | null
  label: string
  lang: string
  invalid: string
  onCommit(value: number | null): void
}) {
  const shown = value === null ? '' : editableNumber(value, lang)
  const [draft, setDraft] = useState(shown)
  const [focused, setFocused] = useState(false)
  const [bad, setBad] = useState(false)
  useEffect(() => {
    if (!focused) setDraft(shown)
  }, [shown, focused])
  const commit = () => {
    setFocused(false)
    const parsed = parseAmount(draft)
    // what an actor puts in: a quantity below zero means nothing («-3» was saved)
    if (parsed === undefined || (parsed !== null && parsed < 0)) {
      setBad(true)
      setDraft(shown)
      return
    }
    setBad(false)
    if (parsed !== value) onCommit(parsed)
  }
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`pact-input ledger-amount${bad ? ' invalid' : ''}`}
      data-field="amount"
      aria-label={label}
      aria-invalid={bad || undefined}
      title={bad ? invalid : undefined}
      value={draft}
      maxLength={20}
      onFocus={() => setFocused(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        else if (e.key === 'Escape') {
          setDraft(shown)
          requestAnimationFrame(() => e.currentTarget?.blur())
        }
      }}
    />
  )
}
