import { useTranslation } from 'react-i18next'
import { useCardInputs } from '../store/context.tsx'
import type { Peer } from '../store/peers.ts'

/** Someone else writing this card's text right now (the first one, if several are). */
export function useWriter(id: string): Peer | undefined {
  return useCardInputs((s) => s.writers.get(id))
}

/** "Anna sta scrivendo" on a card, in the writer's colour. */
export function WriterMark({ writer }: { writer: Peer | undefined }) {
  // a card nobody else is writing pays for nothing here
  return writer ? <WriterLabel writer={writer} /> : null
}

/** {@link WriterMark} for a card that knows it has a writer (no component of its own otherwise). */
export function WriterLabel({ writer }: { writer: Peer }) {
  const { t } = useTranslation('board')
  return (
    <div className="card-writer" style={{ background: writer.user.color }}>
      {t('card.editingBy', { name: writer.user.name })}
    </div>
  )
}
