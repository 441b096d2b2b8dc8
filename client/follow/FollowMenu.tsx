import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { useFollowStore } from './useFollow.ts'

const peersSelector = (s: BoardState) => s.peers

/** "Segui…": the people on the board, one click to see what one of them sees. */
export function FollowMenu() {
  const { t } = useTranslation('room')
  const peers = useBoard(peersSelector).filter((p) => p.role !== 'viewer')
  const follow = useFollowStore()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])
  return (
    <div className="follow-menu" ref={root}>
      <button
        type="button"
        aria-expanded={open}
        title={t('followTitle')}
        onClick={() => setOpen((v) => !v)}
      >
        {t('follow')}
      </button>
      {open && (
        <ul className="follow-menu__list" role="list">
          {peers.length === 0 && <li className="muted">{t('followNobody')}</li>}
          {peers.map((p) => (
            <li key={p.clientId}>
              <button
                type="button"
                onClick={() => {
                  follow.follow(p.clientId, 'chosen')
                  setOpen(false)
                }}
              >
                <span className="follow-menu__dot" style={{ background: p.user.color }} />
                {t('followPerson', { name: p.user.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
