import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import { isViewer, type BoardState } from '../store/boardStore.ts'

/** The people on the board: a projector is a screen, not a person. */
const peersSelector = (s: BoardState) => s.peers

/** Up to two initials, letters only ("Maria (ASL)" → "MA", "Marco Rossi" → "MR"). */
export function initials(name: string): string {
  const words = name.match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? []
  const first = words[0] ?? ''
  const letters = words.length > 1 ? first[0]! + words[1]![0]! : first.slice(0, 2)
  return letters.toUpperCase() || '?'
}

/**
 * Who else is on the board, with their colours. The projector says how many they are: eight
 * initials and «+22», large enough to read from the back of the room, took a row of their own
 * and told the room less than the number.
 */
export function PeerAvatars() {
  const { t } = useTranslation('board')
  const everyone = useBoard(peersSelector)
  const viewer = useBoard(isViewer)
  const peers = useMemo(() => everyone.filter((p) => p.role !== 'viewer'), [everyone])
  const shown = peers.slice(0, 8)
  if (viewer)
    return peers.length > 0 ? (
      <span className="avatars-count" data-testid="avatars">
        {t('presence.here', { count: peers.length })}
      </span>
    ) : null
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
