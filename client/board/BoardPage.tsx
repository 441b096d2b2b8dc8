import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { rememberBoard } from '../home/recentBoards.ts'
import { BoardProvider } from '../store/context.tsx'
import { createBoardSession, type BoardSession } from '../sync/session.ts'
import { storedColor, storedName } from '../sync/identity.ts'
import { BoardView } from './BoardView.tsx'
import { NamePrompt } from './NamePrompt.tsx'
import { useBoardInfo, type BoardInfo } from './useBoardInfo.ts'
import './board.css'

function useSession(boardId: string, key: string, info: BoardInfo | null): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    if (!info) return
    const s = createBoardSession({ boardId, key, role: info.role, title: info.title })
    setSession(s)
    return () => {
      s.destroy()
      setSession(null)
    }
  }, [boardId, key, info])
  return session
}

export function BoardPage({ boardId, boardKey }: { boardId: string; boardKey: string }) {
  const { t } = useTranslation('board')
  const [attempt, setAttempt] = useState(0)
  const state = useBoardInfo(boardId, boardKey, attempt)
  const info = state.status === 'ready' ? state.info : null
  const session = useSession(boardId, boardKey, info)
  const [chosenName, setName] = useState(storedName)
  // A projector needs no name prompt: it shows up as "Proiettore".
  const name = chosenName ?? (info?.role === 'viewer' ? t('projectorName') : null)

  useEffect(() => {
    if (info) rememberBoard({ id: info.id, title: info.title, role: info.role, key: boardKey })
  }, [info, boardKey])
  useEffect(() => {
    if (session && name) session.setUser({ name, color: storedColor() })
  }, [session, name])
  useEffect(() => {
    if (info?.title) document.title = `${info.title} · Trama`
  }, [info])

  if (state.status === 'error') {
    const message = t(`errors.${state.code}`, {
      defaultValue: t('errors.generic', { message: state.message }),
    })
    return (
      <main className="page-message" role="alert">
        <h1>Trama</h1>
        <p>{message}</p>
        <p className="page-actions">
          {state.code === 'network' && (
            <button className="primary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common:retry')}
            </button>
          )}
          <a href="/">{t('backHome')}</a>
        </p>
      </main>
    )
  }
  if (!session || !info) return <main className="page-message">{t('common:loading')}</main>
  return (
    <BoardProvider session={session}>
      <BoardView />
      {!name && info.role !== 'viewer' && <NamePrompt onDone={setName} />}
    </BoardProvider>
  )
}
