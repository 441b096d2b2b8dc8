import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import type { Peer } from '../store/peers.ts'

/** Someone else writing this card's text right now (the first one, if several are). */
export function useWriter(id: string): Peer | undefined {
  return useBoard((s: BoardState) => s.peers.find((p) => p.editing === id))
}

/** "Anna sta scrivendo" on a card, in the writer's colour. */
export function WriterMark({ writer }: { writer: Peer | undefined }) {
  const { t } = useTranslation('board')
  if (!writer) return null
  return (
    <div className="card-writer" style={{ background: writer.user.color }}>
      {t('card.editingBy', { name: writer.user.name })}
    </div>
  )
}
