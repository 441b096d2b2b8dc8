import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { MAX_LABEL_LENGTH } from '../../shared/export/format.ts'

/**
 * The text field inside a card, for every canvas: Enter keeps the text, Shift+Enter makes a new
 * line, Escape leaves it as it was, leaving the field keeps it.
 */
export function CardTextEditor({
  initial,
  label,
  placeholder,
  onCommit,
  onDone,
}: {
  initial: string
  label: string
  placeholder: string
  onCommit: (text: string) => void
  onDone: () => void
}) {
  const [value, setValue] = useState(initial)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef(false)
  useEffect(() => {
    // A new card is hidden until React Flow has measured it, and a hidden field cannot take
    // focus: try again on the next frames until it does.
    let frames = 0
    let raf = 0
    const focus = () => {
      const el = ref.current
      if (!el) return
      el.focus()
      if (document.activeElement === el) el.setSelectionRange(el.value.length, el.value.length)
      else if (frames++ < 30) raf = requestAnimationFrame(focus)
    }
    focus()
    return () => cancelAnimationFrame(raf)
  }, [])
  const finish = (commit: boolean) => {
    if (done.current) return
    done.current = true
    if (commit) onCommit(value)
    onDone()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation()
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      finish(true)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      finish(false)
    }
  }
  return (
    <textarea
      ref={ref}
      className="card-editor nodrag nowheel"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      maxLength={MAX_LABEL_LENGTH}
      rows={3}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  )
}
