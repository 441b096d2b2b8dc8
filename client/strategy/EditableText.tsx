import { useState, type KeyboardEvent } from 'react'

/**
 * A name over a shared value (it wraps, so long names stay readable): while focused it keeps
 * the user's draft (a remote change does not yank the text away mid-word); Enter or leaving
 * the field writes it, Escape gives it up. Blank text is never written: a name cannot be
 * emptied by accident.
 */
export function EditableText({
  value,
  onCommit,
  label,
  className,
  placeholder,
  maxLength,
}: {
  value: string
  onCommit: (text: string) => void
  label: string
  className?: string
  placeholder?: string
  /** From the schema's registry (the collection's limit for this text). */
  maxLength: number
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null) {
      const text = draft.replace(/\s+/g, ' ').trim()
      if (text && text !== value) onCommit(text)
    }
    setDraft(null)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      e.currentTarget.blur()
    } else if (e.key === 'Escape') {
      setDraft(null)
      // blur after the reset, so the draft is not committed
      const input = e.currentTarget
      requestAnimationFrame(() => input.blur())
    }
  }
  return (
    <textarea
      className={`editable-text ${className ?? ''}`}
      aria-label={label}
      placeholder={placeholder}
      value={draft ?? value}
      maxLength={maxLength}
      rows={1}
      onFocus={() => setDraft(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  )
}
