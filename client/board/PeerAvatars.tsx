import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

const peersSelector = (s: BoardState) => s.peers

function initials(name: string): string {
  const parts = name.split(/[\s—–-]+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase() || '?'
}

/** Who else is on the board, with their colours. */
export function PeerAvatars() {
  const { t } = useTranslation('board')
  const peers = useBoard(peersSelector)
  const shown = peers.slice(0, 8)
  return (
    <div
      className="avatars"
      aria-label={t('presence.others', { count: peers.length })}
      data-testid="avatars"
    >
      {shown.map((p) => (
        <span
          key={p.clientId}
          className="avatar"
          style={{ background: p.user.color }}
          title={p.user.name}
          data-name={p.user.name}
        >
          {initials(p.user.name)}
        </span>
      ))}
      {peers.length > shown.length && (
        <span className="avatar avatar-more">+{peers.length - shown.length}</span>
      )}
    </div>
  )
}
