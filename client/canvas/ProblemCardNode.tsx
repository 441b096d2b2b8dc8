import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import type { ProblemNode } from '../store/projection.ts'
import { useTreeReport } from './TreeWarnings.tsx'
import { groupLabel } from './ProblemInspector.tsx'

function CardEditor({ id, initial, onDone }: { id: string; initial: string; onDone: () => void }) {
  const { t } = useTranslation('board')
  const actions = useBoardActions()
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
    if (commit) actions.setLabel(id, value.trim())
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
      maxLength={2000}
      rows={3}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  )
}

/** A problem card: its role by colour and label, its text, and who is writing it. */
export const ProblemCardNode = memo(function ProblemCardNode({
  id,
  data,
  selected,
}: NodeProps<ProblemNode>) {
  const { t } = useTranslation('board')
  const actions = useBoardActions()
  const editing = useBoard((s: BoardState) => s.editingId === id)
  const editable = useBoard(canEdit)
  const writer = useBoard((s: BoardState) => s.peers.find((p) => p.editing === id))
  const groups = useBoard((s: BoardState) => s.lists.targetGroups)
  const cluster = useBoard((s: BoardState) =>
    s.lists['problems.clusters'].find((c) => c.id === data.cluster),
  )
  const inCycle = useTreeReport()?.cycleCardIds.has(id) ?? false
  const tags = (data.tags ?? []).map((tag) => groups.find((g) => g.id === tag)).filter((g) => !!g)
  return (
    <div
      className={`problem-card role-${data.role}${selected ? ' selected' : ''}${writer ? ' being-edited' : ''}${inCycle ? ' in-cycle' : ''}`}
      style={{
        ...(writer ? { borderColor: writer.user.color } : {}),
        ...(cluster ? { boxShadow: `inset 6px 0 0 ${String(cluster.color ?? '#888')}` } : {}),
      }}
      onDoubleClick={(e) => {
        e.stopPropagation()
        // Someone else is writing this card: two editors would overwrite each other's text.
        if (!editable || writer) return
        actions.setEditing(id)
      }}
      title={writer && !editing ? t('card.editingBy', { name: writer.user.name }) : undefined}
    >
      <Handle type="target" position={Position.Bottom} isConnectable={editable} />
      <div className="card-role">{t(`problemRoles.${data.role}`)}</div>
      {editing ? (
        <CardEditor id={id} initial={data.label} onDone={() => actions.setEditing(null)} />
      ) : (
        <div className={`card-label${data.label ? '' : ' empty'}`}>
          {data.label || t('card.empty')}
        </div>
      )}
      {(tags.length > 0 || data.note || cluster) && (
        <div className="card-meta">
          {cluster && (
            <span className="card-cluster" style={{ borderColor: String(cluster.color ?? '#888') }}>
              {String(cluster.label)}
            </span>
          )}
          {tags.map((g) => (
            <span key={g.id} className="card-tag">
              {groupLabel(t, g)}
            </span>
          ))}
          {data.note && (
            <span className="card-note" title={data.note}>
              ✎
            </span>
          )}
        </div>
      )}
      {writer && (
        <div className="card-writer" style={{ background: writer.user.color }}>
          {t('card.editingBy', { name: writer.user.name })}
        </div>
      )}
      <Handle type="source" position={Position.Top} isConnectable={editable} />
    </div>
  )
})
