import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LABEL_LENGTH } from '../../shared/export/format.ts'

/**
 * The text editor inside an objective card: Enter keeps the text, Shift+Enter a new line,
 * Escape leaves it as it was; leaving the field keeps it.
 */
export function ObjectiveTextEditor({
  initial,
  onCommit,
  onDone,
}: {
  initial: string
  onCommit: (text: string) => void
  onDone: () => void
}) {
  const { t } = useTranslation('objectives')
  const [value, setValue] = useState(initial)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef(false)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
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
      aria-label={t('card.edit')}
      placeholder={t('card.placeholder')}
      value={value}
      maxLength={MAX_LABEL_LENGTH}
      rows={3}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  )
}
