import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { useBoard } from '../store/context.tsx'
import { isViewer, type BoardState } from '../store/boardStore.ts'

const selector = (s: BoardState) => ({
  connection: s.connection,
  synced: s.synced,
  unsent: s.unsent,
  storageTrouble: s.storageTrouble,
  serverSilent: s.serverSilent,
  refused: s.refused,
  viewer: isViewer(s),
})

/** Always tells whether this user's work has reached the server. */
export function ConnectionBadge() {
  const { t } = useTranslation('board')
  const { connection, synced, unsent, storageTrouble, serverSilent, refused, viewer } = useBoard(
    useShallow(selector),
  )
  let text: string
  /** A phone's header says it shorter, where it can (the tools stay on one row). */
  let short: string | null = null
  let tone: 'ok' | 'busy' | 'offline'
  if (refused === 'frozen' || refused === 'locked') {
    // not the Wi-Fi: the facilitator's pause, and the page sends them again by itself
    text = t('connection.refusedWaiting')
    tone = 'busy'
  } else if (refused) {
    text = t('connection.refused')
    tone = 'offline'
  } else if (storageTrouble) {
    text = t('connection.notSaved')
    tone = 'offline'
  } else if (connection === 'connected' && synced && unsent === 0 && serverSilent) {
    // the socket took the latest edits and the server has not answered since
    text = t('connection.sending')
    tone = 'busy'
  } else if (connection === 'connected' && synced && unsent === 0 && viewer) {
    // the projector keeps and writes nothing: connected is all there is to say
    text = t('connection.connectedViewer')
    tone = 'ok'
  } else if (connection === 'connected' && synced && unsent === 0) {
    text = t('connection.connected')
    short = t('connection.connectedShort')
    tone = 'ok'
  } else if (connection === 'offline' && viewer) {
    // the projector keeps nothing and writes nothing: it says it is coming back by itself
    text = t('connection.offlineViewer')
    tone = 'offline'
  } else if (connection === 'offline') {
    text = unsent > 0 ? t('connection.offline', { count: unsent }) : t('connection.offlineNone')
    tone = 'offline'
  } else if (unsent > 0) {
    text = t('connection.reconnecting', { count: unsent })
    tone = 'busy'
  } else {
    text = t('connection.connecting')
    tone = 'busy'
  }
  return (
    <span
      className={`connection connection-${tone}`}
      role="status"
      aria-live="polite"
      data-testid="connection"
      data-state={tone}
    >
      <span className="dot" aria-hidden="true" />
      {short ? (
        <>
          <span className="connection-long">{text}</span>
          <span className="connection-short">{short}</span>
        </>
      ) : (
        text
      )}
    </span>
  )
}
