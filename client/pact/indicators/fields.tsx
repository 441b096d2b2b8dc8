import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay } from '../../../shared/document/labels.ts'
import { leaveForNext } from '../../lib/dom.ts'
import { DayInput } from '../DayInput.tsx'

/** A number as people type it: `12`, `12,5`, `12.5`, `-3`; blank is no value. */
export function parseNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '')
  if (t === '') return null
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined
  const n = Number(t.replace(',', '.'))
  return Number.isFinite(n) && Math.abs(n) <= 1e12 ? n : undefined
}

/** A number in the page's language (`12,5` in Italian), without grouping. */
export function formatNumber(value: number | null | undefined, lang: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return ''
  return value.toLocaleString(lang.startsWith('en') ? 'en-GB' : 'it-IT', {
    maximumFractionDigits: 4,
    useGrouping: false,
  })
}

/**
 * A number field that writes once when left (Enter goes on to the next field), not per keystroke: one undo step
 * per edit. Until the person types it follows the document, focused or not, so others' values
 * show up live, and leaving a field nobody typed in writes nothing (it wrote the value it had
 * when focused back over a newer one). What is not a number is refused and said so; Escape
 * gives up the edit.
 */
export function NumberField({
  value,
  onCommit,
  label,
  lang,
  invalidText,
  disabled,
  className = '',
  ...rest
}: {
  value: number | null
  onCommit(value: number | null): void
  label: string
  lang: string
  invalidText: string
  disabled?: boolean
  className?: string
  'data-field'?: string
}) {
  const shown = formatNumber(value, lang)
  // what the person typed; null while they have not (the field shows the document's value)
  const [draft, setDraft] = useState<string | null>(null)
  const [invalid, setInvalid] = useState(false)
  const commit = () => {
    if (draft === null) return
    const parsed = parseNumber(draft)
    // refused: marked and said so (the title), and the field shows the stored value again,
    // following the document as before
    setDraft(null)
    setInvalid(parsed === undefined)
    if (parsed !== undefined && parsed !== value) onCommit(parsed)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation()
    if (e.key === 'Enter') leaveForNext(e.currentTarget)
    else if (e.key === 'Escape') {
      setDraft(null)
      setInvalid(false)
      const el = e.currentTarget
      requestAnimationFrame(() => el.blur())
    }
  }
  if (disabled) return <ReadOnlyValue text={shown} label={label} field={rest['data-field']} />
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`pm-number${invalid ? ' is-invalid' : ''} ${className}`}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? invalidText : undefined}
      value={draft ?? shown}
      disabled={disabled}
      onChange={(e) => {
        setDraft(e.target.value)
        setInvalid(false)
      }}
      onBlur={commit}
      onKeyDown={onKeyDown}
      {...rest}
    />
  )
}

/** A calendar day; blank is no date (when `required` is not set). Writes when a full day is set. */
export function DateField({
  value,
  onCommit,
  label,
  required = false,
  disabled,
  ...rest
}: {
  value: string | null
  onCommit(value: string | null): void
  label: string
  required?: boolean
  disabled?: boolean
  'data-field'?: string
}) {
  const { i18n } = useTranslation()
  if (disabled)
    return (
      <ReadOnlyValue
        text={formatDay(value, i18n.language)}
        label={label}
        field={rest['data-field']}
      />
    )
  return (
    <DayInput
      stored={value}
      onCommit={onCommit}
      className="pm-date"
      aria-label={label}
      required={required}
      onKeyDown={(e) => e.stopPropagation()}
      {...rest}
    />
  )
}

/**
 * A field's value for who may only watch (a projector, a locked phase): as text, in the page's
 * format. Disabled fields cut it, and showed arrows and an empty «mm/dd/yyyy».
 */
export function ReadOnlyValue({
  text,
  label,
  field,
}: {
  text: string
  label: string
  field?: string
}) {
  return (
    <span className="pm-readonly" data-field={field} aria-label={label}>
      {text || '—'}
    </span>
  )
}

/**
 * One of fixed options: a select for who may write, the chosen option's words for who may only
 * watch ({@link ReadOnlyValue}).
 */
export function ChoiceField<T extends string>({
  value,
  options,
  textOf,
  onChange,
  label,
  field,
  disabled,
  ...rest
}: {
  value: T
  options: readonly T[]
  textOf(option: T): string
  onChange(value: T): void
  label: string
  field: string
  disabled?: boolean
  'data-status'?: string
}) {
  if (disabled) return <ReadOnlyValue text={textOf(value)} label={label} field={field} />
  return (
    <select
      aria-label={label}
      data-field={field}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
      {...rest}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {textOf(o)}
        </option>
      ))}
    </select>
  )
}

/** Today as `YYYY-MM-DD`, in the person's time zone. */
export function today(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
