import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

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
        <div className="room-banner room-banner-refused" role="alert" data-testid="room-refused">
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
        </div>
      )}
      {frozen && (
        <div className="room-banner room-banner-frozen" role="status" data-testid="room-frozen">
          {t(`freeze.banner${who}`)}
        </div>
      )}
      {!frozen && locked && (
        <div className="room-banner room-banner-locked" role="status" data-testid="room-locked">
          {t(who === 'Participant' ? 'locks.banner' : `locks.banner${who}`)}
        </div>
      )}
    </>
  )
}
