import { useEffect, useRef, useState, type KeyboardEvent } from 'react'

const IDLE_MS = 700

/**
 * A cell of the logframe. While the user types, their draft stays on screen (a remote change
 * does not yank it away) and is written after a short pause and when they leave the cell, so
 * the others see it as it grows. Escape gives up what was typed since the last write.
 */
export function LogframeCell({
  value,
  label,
  placeholder,
  editable,
  onCommit,
}: {
  value: string
  label: string
  placeholder: string
  editable: boolean
  onCommit: (text: string) => void
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const written = useRef(value)

  const flush = (text: string | null) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (text !== null && text !== written.current) {
      written.current = text
      onCommit(text)
    }
  }
  // a pending write still goes out if the view closes mid-sentence
  const latest = useRef({ draft, flush })
  latest.current = { draft, flush }
  useEffect(() => () => latest.current.flush(latest.current.draft), [])

  if (!editable)
    return (
      <div className="logframe-text" aria-label={label}>
        {value}
      </div>
    )

  const onChange = (text: string) => {
    setDraft(text)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => flush(text), IDLE_MS)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
      setDraft(null)
      const el = e.currentTarget
      requestAnimationFrame(() => el.blur())
    }
  }
  // the wrapper draws the field and its pencil: a textarea has no ::after of its own
  return (
    <div className={`logframe-field${draft !== null ? ' is-editing' : ''}`}>
      <textarea
        className="logframe-input"
        aria-label={label}
        placeholder={placeholder}
        value={draft ?? value}
        maxLength={8000}
        rows={1}
        onFocus={() => {
          written.current = value
          setDraft(value)
        }}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          flush(draft)
          setDraft(null)
        }}
        onKeyDown={onKeyDown}
      />
      <span className="logframe-pencil" aria-hidden>
        ✎
      </span>
    </div>
  )
}
