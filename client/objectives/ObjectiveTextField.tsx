import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LABEL_LENGTH } from '../../shared/export/format.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'

/**
 * An objective's text edited in place (in the comparison table). While it has the focus the
 * draft is this person's own; otherwise it shows the shared text live. Enter or leaving the
 * field keeps the text, Escape goes back.
 */
export function ObjectiveTextField({
  id,
  label,
  ariaLabel,
}: {
  id: string
  label: string
  ariaLabel: string
}) {
  const { t } = useTranslation('objectives')
  const actions = useBoardActions()
  const objectives = useObjectiveActions()
  const [draft, setDraft] = useState<string | null>(null)
  const cancelled = useRef(false)
  const writerName = useBoard((s: BoardState) => s.peers.find((p) => p.editing === id)?.user.name)
  const writerColor = useBoard((s: BoardState) => s.peers.find((p) => p.editing === id)?.user.color)

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      e.currentTarget.blur()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      cancelled.current = true
      e.currentTarget.blur()
    }
  }
  return (
    <div className="objective-field" style={writerColor ? { borderColor: writerColor } : undefined}>
      <textarea
        className="objective-field-input"
        aria-label={ariaLabel}
        placeholder={t('card.placeholder')}
        value={draft ?? label}
        maxLength={MAX_LABEL_LENGTH}
        rows={1}
        onFocus={() => {
          cancelled.current = false
          setDraft(label)
          actions.setEditing(id)
        }}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft !== null && !cancelled.current) objectives.reword(id, draft)
          setDraft(null)
          actions.setEditing(null)
        }}
      />
      {writerName && (
        <span className="objective-field-writer" style={{ background: writerColor }}>
          {t('card.editingBy', { name: writerName })}
        </span>
      )}
    </div>
  )
}
