import type * as Y from 'yjs'
import { useTranslation } from 'react-i18next'
import { CardTextEditor } from '../kit/CardTextEditor.tsx'

/** The text editor inside an objective card (the card editor of every canvas, in its words). */
export function ObjectiveTextEditor({
  id,
  alongside,
  onDone,
}: {
  id: string
  alongside?: (doc: Y.Doc, text: string) => void
  onDone: () => void
}) {
  const { t } = useTranslation('objectives')
  return (
    <CardTextEditor
      canvas="objectives"
      id={id}
      label={t('card.edit')}
      placeholder={t('card.placeholder')}
      alongside={alongside}
      onDone={onDone}
    />
  )
}
