import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listRecentBoards, rememberBoard } from '../home/recentBoards.ts'
import { BoardProvider } from '../store/context.tsx'
import { createBoardSession, type BoardSession } from '../sync/session.ts'
import { storedColor, storedName } from '../sync/identity.ts'
import { BoardView } from './BoardView.tsx'
import { NamePrompt } from './NamePrompt.tsx'
import { useBoardInfo, type BoardInfo } from './useBoardInfo.ts'
import { isPhaseLoaded, loadPhase } from './phases.tsx'
import './board.css'

/**
 * The session starts at once, beside the request that tells the role, so the board's data is
 * on its way while the page asks. Until the answer it is read-only, unless this browser
 * remembers the role this key gave it before.
 */
function useSession(boardId: string, key: string, info: BoardInfo | null): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const known = listRecentBoards().find((b) => b.id === boardId && b.key === key)
    const s = createBoardSession({
      boardId,
      key,
      role: known?.role ?? 'viewer',
      title: known?.title,
    })
    setSession(s)
    return () => {
      s.destroy()
      setSession(null)
    }
  }, [boardId, key])
  // The board shows once the session has the role the server gave (no read-only flash).
  const [ready, setReady] = useState<BoardSession | null>(null)
  useEffect(() => {
    if (!session || !info) return
    session.setRole(info.role)
    setReady(session)
  }, [session, info])
  return session && ready === session ? session : null
}

/**
 * Whether the problem tree's view (where every board opens) has its code: the board is shown
 * then, so the view does not suspend (see phaseView). A view that could not load is shown too,
 * and says so as it did.
 */
function useFirstViewLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => isPhaseLoaded('problems'))
  useEffect(() => {
    let live = true
    void loadPhase('problems').then(() => live && setLoaded(true))
    return () => {
      live = false
    }
  }, [])
  return loaded
}

export function BoardPage({ boardId, boardKey }: { boardId: string; boardKey: string }) {
  const { t } = useTranslation('board')
  const [attempt, setAttempt] = useState(0)
  const state = useBoardInfo(boardId, boardKey, attempt)
  const info = state.status === 'ready' ? state.info : null
  const session = useSession(boardId, boardKey, info)
  const viewLoaded = useFirstViewLoaded()
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
  // the board is drawn (from its preview, if there is one): its document may come now
  const shown = session && info && viewLoaded ? session : null
  useEffect(() => shown?.boardShown(), [shown])

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
  if (!session || !info || !viewLoaded)
    return <main className="page-message">{t('common:loading')}</main>
  return (
    <BoardProvider session={session}>
      <BoardView />
      {!name && info.role !== 'viewer' && <NamePrompt onDone={setName} />}
    </BoardProvider>
  )
}
