import { useState, type KeyboardEvent } from 'react'

/**
 * A name over a shared value (it wraps, so long names stay readable): once the person types it
 * keeps their draft (a remote change does not yank the text away mid-word); until then it
 * follows the document, and leaving it writes nothing. Enter or leaving the field writes a
 * draft, Escape gives it up. Blank text is never written: a name cannot be emptied by accident.
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
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  )
}
