import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoomState } from '../../shared/schema/index.ts'
import { useBoardSession } from '../store/context.tsx'
import { isJoinLink, joinLinkOf, rememberJoinLink } from './joinLinks.ts'
import { useRoom } from './useRoom.ts'
import { useRoomActions } from './useRoomActions.ts'
import { useSpotlightWriter } from './useSpotlightWriter.ts'

const showJoinSelector = (r: RoomState) => r.showJoin
const SPOTLIGHT_KEY = 'trama.spotlight'

function storedSpotlight(): boolean {
  try {
    return sessionStorage.getItem(SPOTLIGHT_KEY) !== 'off'
  } catch {
    return true
  }
}

/**
 * The facilitator's controls of the room: bring everyone to this view, the spotlight that
 * follows this screen's selection, and the join code on the projector.
 */
export function FacilitatorControls() {
  const { t } = useTranslation('room')
  const { boardId, provider } = useBoardSession()
  const room = useRoomActions()
  const showJoin = useRoom(showJoinSelector)
  const [spotlight, setSpotlight] = useState(storedSpotlight)
  const [joinLink, setJoinLink] = useState(() => joinLinkOf(boardId))
  const [pasting, setPasting] = useState(false)
  const [pasted, setPasted] = useState('')
  const [brought, setBrought] = useState(false)
  useSpotlightWriter(spotlight)

  // the projector's key cannot know the participants' link: this page lends it while shown
  useEffect(() => {
    provider.awareness.setLocalStateField('join', showJoin && joinLink ? joinLink : null)
  }, [provider, showJoin, joinLink])
  useEffect(() => {
    if (!brought) return
    const timer = setTimeout(() => setBrought(false), 4000)
    return () => clearTimeout(timer)
  }, [brought])

  const toggleSpotlight = () => {
    setSpotlight(!spotlight)
    try {
      sessionStorage.setItem(SPOTLIGHT_KEY, spotlight ? 'off' : 'on')
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  const toggleJoin = () => {
    if (!showJoin && !joinLink) setPasting((v) => !v)
    else room.setShowJoin(!showJoin)
  }
  const valid = isJoinLink(boardId, pasted.trim())
  return (
    <div className="room-controls" role="group" aria-label={t('controlsLabel')}>
      <button
        type="button"
        title={t('bringEveryoneTitle')}
        onClick={() => {
          room.summon(provider.awareness.clientID)
          setBrought(true)
        }}
      >
        {t('bringEveryone')}
      </button>
      <button
        type="button"
        aria-pressed={spotlight}
        title={t('spotlightTitle')}
        onClick={toggleSpotlight}
      >
        {t('spotlight')}
      </button>
      <button type="button" aria-pressed={showJoin} title={t('showJoinTitle')} onClick={toggleJoin}>
        {showJoin ? t('hideJoin') : t('showJoin')}
      </button>
      {brought && (
        <span className="room-controls__status" role="status">
          {t('broughtStatus')}
        </span>
      )}
      {pasting && !joinLink && (
        <form
          className="room-controls__paste"
          onSubmit={(e) => {
            e.preventDefault()
            if (!valid) return
            rememberJoinLink(boardId, pasted.trim())
            setJoinLink(joinLinkOf(boardId))
            setPasting(false)
            room.setShowJoin(true)
          }}
        >
          <p>{t('joinUnknown')}</p>
          <label>
            {t('joinPaste')}
            <input
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              aria-invalid={pasted !== '' && !valid}
              autoFocus
            />
          </label>
          {pasted !== '' && !valid && (
            <p className="room-controls__error">{t('joinPasteInvalid')}</p>
          )}
          <button type="submit" className="primary" disabled={!valid}>
            {t('joinPasteSave')}
          </button>
        </form>
      )}
    </div>
  )
}
