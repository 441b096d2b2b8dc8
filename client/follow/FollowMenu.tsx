import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { useFollowStore } from './useFollow.ts'

const peersSelector = (s: BoardState) => s.peers
/** The least room left between an open menu and the screen's edge, in px. */
const EDGE = 8

/** "Segui…": the people on the board, one click to see what one of them sees. */
export function FollowMenu() {
  const { t } = useTranslation('room')
  const peers = useBoard(peersSelector).filter((p) => p.role !== 'viewer')
  const follow = useFollowStore()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const list = useRef<HTMLUListElement>(null)
  // The menu hangs from the button's right edge; on a phone the button sits near the left of the
  // screen and the menu began off it, its first letters cut: moved right by what is missing.
  useLayoutEffect(() => {
    const el = list.current
    if (!open || !el) return
    el.style.right = ''
    const left = el.getBoundingClientRect().left
    if (left < EDGE) el.style.right = `${left - EDGE}px`
  }, [open, peers.length])
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
        <ul className="follow-menu__list" role="list" ref={list}>
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
