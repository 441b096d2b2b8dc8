import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreatedBoard } from './api.ts'
import { BoardLinks } from './BoardLinks.tsx'
import { CreateBoardForm } from './CreateBoardForm.tsx'
import { ImportBoardForm } from './ImportBoardForm.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { RecentBoards } from './RecentBoards.tsx'
import { rememberBoard } from './recentBoards.ts'
import { rememberJoinLink } from '../room/joinLinks.ts'
import './home.css'

/** The facilitator's way in: create a board, share its links and QR, find past boards. */
export function HomePage() {
  const { t } = useTranslation('home')
  const [created, setCreated] = useState<{ board: CreatedBoard; title: string } | null>(null)
  const [status, setStatus] = useState('')

  // Clear first, so the same message twice (two copies in a row) is announced twice.
  const announce = (message: string) => {
    setStatus('')
    if (message) requestAnimationFrame(() => setStatus(message))
  }

  useEffect(() => {
    document.title = `${t('common:appName')} — ${t('common:tagline')}`
  }, [t])

  /** A board made here, or brought in from its JSON export (`imported`: listed as a copy). */
  const onCreated = (board: CreatedBoard, title: string, imported = false) => {
    rememberBoard({
      id: board.id,
      title,
      role: 'facilitator',
      key: board.keys.facilitator,
      ...(imported && { importedAt: new Date().toISOString() }),
    })
    rememberJoinLink(board.id, board.links.participant)
    setCreated({ board, title })
    announce(t(imported ? 'create.imported' : 'create.created', { title }))
  }

  return (
    <div className="home">
      <header className="home__header">
        <div className="home__brand">
          <span className="home__logo" aria-hidden="true" />
          <div>
            <h1>{t('common:appName')}</h1>
            <p className="home__tagline">{t('common:tagline')}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main className="home__main">
        <p className="home__intro">{t('intro')}</p>
        <CreateBoardForm onCreated={onCreated} onStatus={announce} />
        <ImportBoardForm onCreated={onCreated} onStatus={announce} />
        {created && <BoardLinks board={created.board} title={created.title} onStatus={announce} />}
        <RecentBoards onStatus={announce} />
      </main>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="home-status">
        {status}
      </p>
    </div>
  )
}
