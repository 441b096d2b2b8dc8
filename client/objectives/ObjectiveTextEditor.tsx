import { useTranslation } from 'react-i18next'
import { CardTextEditor } from '../canvas/CardTextEditor.tsx'

/** The text editor inside an objective card (the card editor of every canvas, in its words). */
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
  return (
    <CardTextEditor
      initial={initial}
      label={t('card.edit')}
      placeholder={t('card.placeholder')}
      onCommit={onCommit}
      onDone={onDone}
    />
  )
}
