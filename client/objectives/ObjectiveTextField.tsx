import { useTranslation } from 'react-i18next'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'

/**
 * An objective's text edited in place (in the comparison table), live and shared like every
 * text; an objective still to reword becomes reworded as soon as its text changes.
 */
export function ObjectiveTextField({ id, ariaLabel }: { id: string; ariaLabel: string }) {
  const { t } = useTranslation('objectives')
  const actions = useBoardActions()
  const objectives = useObjectiveActions()
  const writerName = useBoard((s: BoardState) => s.peers.find((p) => p.editing === id)?.user.name)
  const writerColor = useBoard((s: BoardState) => s.peers.find((p) => p.editing === id)?.user.color)

  return (
    <div className="objective-field" style={writerColor ? { borderColor: writerColor } : undefined}>
      <SharedTextField
        target={{ collection: 'objectives.nodes', id, field: 'label' }}
        className="objective-field-input"
        label={ariaLabel}
        placeholder={t('card.placeholder')}
        alongside={objectives.rewordAlongside(id)}
        onFocus={() => actions.setEditing(id)}
        onDone={() => actions.setEditing(null)}
      />
      {writerName && (
        <span className="objective-field-writer" style={{ background: writerColor }}>
          {t('card.editingBy', { name: writerName })}
        </span>
      )}
    </div>
  )
}
