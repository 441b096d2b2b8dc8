import { useLayoutEffect, useRef, useState } from 'react'
import { leaveForNext } from '../../lib/dom.ts'
import { editableNumber, formatNumber, parseAmount } from './format.ts'

/**
 * An amount typed in a cell, written when the cell is left (Enter goes on to the next field);
 * what is not a number, or is below zero, is refused. Shown as the language writes it
 * (15.000,5) and, while focused, plain (15000,5). Until the person types it follows the
 * document, and leaving it untouched writes nothing (a newer amount someone else set stays).
 */
export function AmountField({
  value,
  label,
  lang,
  unit,
  invalid,
  onCommit,
}: {
  value: number | null
  label: string
  lang: string
  /** Its unit: money shows its cents (25.000,50). */
  unit: string
  invalid: string
  onCommit(value: number | null): void
}) {
  const shown = value === null ? '' : formatNumber(value, lang, unit)
  const plain = value === null ? '' : editableNumber(value, lang)
  // what the person typed; null while they have not
  const [draft, setDraft] = useState<string | null>(null)
  const [focused, setFocused] = useState(false)
  const [bad, setBad] = useState(false)
  const field = useRef<HTMLInputElement>(null)
  // Focused, the amount turns plain (1.500,50 → 1500,5): the text under the caret or the
  // selection changed, so all of it is selected, to type over (what reaching a cell with Tab
  // does, and what a selection made before the change meant).
  useLayoutEffect(() => {
    if (focused && draft === null && shown !== plain) field.current?.select()
    // only as the field takes the focus
  }, [focused])
  const commit = () => {
    setFocused(false)
    if (draft === null) return setBad(false)
    setDraft(null)
    const parsed = parseAmount(draft)
    // what an actor puts in: a quantity below zero means nothing («-3» was saved)
    if (parsed === undefined || (parsed !== null && parsed < 0)) {
      setBad(true)
      return
    }
    setBad(false)
    if (parsed !== value) onCommit(parsed)
  }
  return (
    <input
      ref={field}
      type="text"
      inputMode="decimal"
      className={`pact-input ledger-amount${bad ? ' invalid' : ''}`}
      data-field="amount"
      aria-label={label}
      aria-invalid={bad || undefined}
      title={bad ? invalid : undefined}
      value={draft ?? (focused ? plain : shown)}
      maxLength={20}
      onFocus={() => setFocused(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') leaveForNext(e.currentTarget)
        else if (e.key === 'Escape') {
          setDraft(null)
          setBad(false)
          // the event's currentTarget is gone by the next frame
          const field = e.currentTarget
          requestAnimationFrame(() => field.blur())
        }
      }}
    />
  )
}
