import { memo } from 'react'
import { WriterLabel, useWriter, writersText } from '../kit/WriterMark.tsx'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useBoardActions, useCardInputs } from '../store/context.tsx'
import type { ProblemNode } from '../store/projection.ts'
import { useInCycle } from './TreeWarnings.tsx'
import { groupLabel } from './ProblemInspector.tsx'
import { CardTextEditor } from '../kit/CardTextEditor.tsx'
import { VoteBadge, useVoteBadge } from '../facilitation/VoteDots.tsx'
import { useProblemCardsView } from './cardContext.ts'
import { mayPassCardLines } from '../kit/cardLines.ts'
import { sameCard } from '../kit/sameCard.ts'

/** A problem card: its role by colour and label, its text, and who is writing it. */
export const ProblemCardNode = memo(function ProblemCardNode({
  id,
  data,
  selected,
}: NodeProps<ProblemNode>) {
  // What all cards read alike comes from the canvas (one context); what is this card's own,
  // from the card inputs, which do not change while cards move.
  const { t, words, editable, groups, clusters } = useProblemCardsView()
  const actions = useBoardActions()
  const editing = useCardInputs((s) => s.editingId === id)
  const writer = useWriter(id)
  const vote = useVoteBadge('problems', id)
  const cluster = clusters.find((c) => c.id === data.cluster)
  const inCycle = useInCycle(id)
  const tags = (data.tags ?? []).map((tag) => groups.find((g) => g.id === tag)).filter((g) => !!g)
  return (
    <div
      className={`problem-card role-${data.role}${selected ? ' selected' : ''}${writer ? ' being-edited' : ''}${inCycle ? ' in-cycle' : ''}`}
      style={{
        ...(writer ? { borderColor: writer.first.user.color } : {}),
        ...(cluster ? { boxShadow: `inset 6px 0 0 ${String(cluster.color ?? '#888')}` } : {}),
      }}
      onDoubleClick={(e) => {
        e.stopPropagation()
        // Someone else may be writing it too: the text is shared, both keep their words.
        if (!editable) return
        actions.setEditing(id)
      }}
      title={writer && !editing ? writersText(t, writer) : undefined}
    >
      <Handle type="target" position={Position.Bottom} isConnectable={editable} />
      <div className="card-role">{words.roles[data.role] ?? t(`problemRoles.${data.role}`)}</div>
      {editing ? (
        <CardTextEditor
          canvas="problems"
          id={id}
          label={t('card.edit')}
          placeholder={t('card.placeholder')}
          onDone={() => actions.setEditing(null)}
        />
      ) : (
        // cut at five lines (canvas.css)
        <div
          className={`card-label${data.label ? '' : ' empty'}${mayPassCardLines(data.label) ? ' long' : ''}`}
        >
          {data.label || words.empty}
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
      {/* no components for what most cards do not show */}
      {vote && <VoteBadge canvas="problems" card={id} label={data.label} state={vote} />}
      {writer && <WriterLabel writer={writer} />}
      <Handle type="source" position={Position.Top} isConnectable={editable} />
    </div>
  )
}, sameCard)
