import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import type { RoomState } from '../../shared/schema/index.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { isViewer, type BoardState } from '../store/boardStore.ts'
import { useRoom } from '../room/useRoom.ts'
import { useAtFoot } from '../room/footClear.ts'
import './roomBanners.css'

const bannerSelector = (s: BoardState) => ({
  /** Whose words: the facilitator's, a participant's, or the projector's (which never edits). */
  who: s.role === 'facilitator' ? 'Facilitator' : s.role === 'viewer' ? 'Viewer' : 'Participant',
  frozen: s.frozen,
  locked: s.locks.includes(s.tab),
  refused:
    s.refused === 'frozen' || s.refused === 'locked' || s.refused === 'facilitator'
      ? s.refused
      : null,
})

/** Forgets the changes this browser kept for the board (they were refused) and reloads. */
async function discardAndReload(boardId: string, destroy: () => void): Promise<void> {
  destroy()
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(`trama:${boardId}`)
    request.onsuccess = request.onerror = request.onblocked = () => resolve()
  })
  location.reload()
}

/**
 * What the facilitator's control means for this screen, said on every screen: the board is
 * paused, the phase in view is locked, or this browser's changes were refused for that reason.
 */
export function RoomBanners() {
  const { t } = useTranslation('facilitation')
  const { who, frozen, locked, refused } = useBoard(useShallow(bannerSelector))
  const session = useBoardSession()
  return (
    <>
      {refused && (
        <FootBanner kind="refused" role="alert">
          {t(`refused.${refused}`)}{' '}
          {refused !== 'facilitator' && (
            <button type="button" onClick={() => location.reload()}>
              {t('refused.retry')}
            </button>
          )}{' '}
          <button
            type="button"
            onClick={() => void discardAndReload(session.boardId, () => session.destroy())}
          >
            {t('refused.discard')}
          </button>
        </FootBanner>
      )}
      {frozen && <FootBanner kind="frozen">{t(`freeze.banner${who}`)}</FootBanner>}
      <RestoredBanner />
      {!frozen && locked && (
        <FootBanner kind="locked">
          {t(who === 'Participant' ? 'locks.banner' : `locks.banner${who}`)}
        </FootBanner>
      )}
    </>
  )
}

const restoredSelector = (r: RoomState) => r.restored
const syncedSelector = (s: BoardState) => s.synced
/** How long the projector shows a restore's notice. */
const PROJECTOR_NOTICE_MS = 60_000

/**
 * A version restored while this page is open: the board changed under everyone at once, and
 * each screen says why (a restore from before the page opened is not news).
 */
function RestoredBanner() {
  const { t, i18n } = useTranslation('facilitation')
  const restored = useRoom(restoredSelector)
  const synced = useBoard(syncedSelector)
  /** The restore already known when the page had the board (0: none). */
  const [seen, setSeen] = useState<number | null>(null)
  const viewer = useBoard(isViewer)
  useEffect(() => {
    if (synced && seen === null) setSeen(restored?.at ?? 0)
  }, [synced, seen, restored])
  const news = !!restored && seen !== null && restored.at > seen
  // nobody dismisses the projector's: it goes by itself, a minute after that restore (the
  // room's other changes read it anew: timed from them, it stayed for as long as they came)
  const at = restored?.at
  useEffect(() => {
    if (!news || !viewer || at === undefined) return
    const timer = setTimeout(() => setSeen(at), PROJECTOR_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [news, viewer, at])
  if (!news || !restored) return null
  const time = new Date(restored.at).toLocaleTimeString(i18n.resolvedLanguage ?? 'it', {
    hour: '2-digit',
    minute: '2-digit',
  })
  return (
    <FootBanner kind="restored">
      {t(restored.by ? 'restored.bannerBy' : 'restored.banner', {
        name: restored.by,
        time,
        what: (['added', 'removed', 'changed'] as const)
          .filter((k) => restored[k] > 0)
          .map((k) => t(`restored.${k}`, { count: restored[k] }))
          .join(', '),
      })}{' '}
      {!viewer && (
        <button type="button" onClick={() => setSeen(restored.at)}>
          {t('restored.dismiss')}
        </button>
      )}
    </FootBanner>
  )
}

/**
 * One of the room's banners at the window's foot (roomBanners.css places them): the pages that
 * scroll end above it (footClear.ts).
 */
function FootBanner({
  kind,
  role = 'status',
  children,
}: {
  kind: 'refused' | 'frozen' | 'locked' | 'restored'
  role?: 'status' | 'alert'
  children: ReactNode
}) {
  const el = useRef<HTMLDivElement>(null)
  useAtFoot(el, true)
  return (
    <div
      ref={el}
      className={`room-banner room-banner-${kind}`}
      role={role}
      data-testid={`room-${kind}`}
    >
      {children}
    </div>
  )
}
