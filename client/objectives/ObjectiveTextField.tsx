import { useTranslation } from 'react-i18next'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { useBoardActions } from '../store/context.tsx'
import { useWritersOf, useWritersText } from '../kit/WriterMark.tsx'
import { useObjectiveActions } from './useObjectiveActions.ts'

/**
 * An objective's text edited in place (in the comparison table), live and shared like every
 * text; an objective still to reword becomes reworded as soon as its text changes.
 */
export function ObjectiveTextField({ id, ariaLabel }: { id: string; ariaLabel: string }) {
  const { t } = useTranslation('objectives')
  const actions = useBoardActions()
  const objectives = useObjectiveActions()
  const writer = useWritersOf(id)
  const writersText = useWritersText()
  const writerColor = writer?.first.user.color

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
      {writer && (
        <span className="objective-field-writer" style={{ background: writerColor }}>
          {writersText(writer)}
        </span>
      )}
    </div>
  )
}
