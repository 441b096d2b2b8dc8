import { useTranslation } from 'react-i18next'
import type { RoomState } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { QrImage, useQrSvg } from '../home/QrCode.tsx'
import { isJoinLink } from '../room/joinLinks.ts'
import { useRoom } from '../room/useRoom.ts'

const showJoinSelector = (r: RoomState) => r.showJoin
/** The participants' link the facilitator's page lends while the room shows the join code. */
const joinSelector = (s: BoardState) =>
  s.peers.find((p) => p.role === 'facilitator' && p.join)?.join ?? null

/** The projector shows how to join, large, when the facilitator asks. */
export function JoinOverlay() {
  const showJoin = useRoom(showJoinSelector)
  const { boardId } = useBoardSession()
  const link = useBoard(joinSelector)
  if (!showJoin || !link || !isJoinLink(boardId, link)) return null
  return <JoinCard link={link} />
}

function JoinCard({ link }: { link: string }) {
  const { t } = useTranslation('room')
  const title = useBoard((s: BoardState) => s.title)
  const { svg } = useQrSvg(link)
  return (
    <div className="join-overlay" data-testid="join-overlay">
      <div className="join-overlay__card">
        <h2>{t('joinHeading')}</h2>
        <p className="join-overlay__title">{title}</p>
        {svg ? (
          <QrImage svg={svg} label={t('joinQrAlt')} className="join-overlay__qr" />
        ) : (
          <div className="join-overlay__qr" />
        )}
        <p className="join-overlay__link" data-testid="join-link">
          {link}
        </p>
        <p className="join-overlay__hint">{t('joinHint')}</p>
      </div>
    </div>
  )
}
