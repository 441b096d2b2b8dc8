import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoomTimer } from '../../shared/schema/index.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { serverNow, useServerClock } from './serverClock.ts'
import { beep, useTimerSound } from './sound.ts'
import { BellIcon } from '../kit/icons.tsx'

const timerSelector = (s: BoardState) => s.timer
const facilitatorSelector = (s: BoardState) => s.role === 'facilitator'

/**
 * How long a finished timer stays on the participants' and the projector's screens: «Tempo
 * scaduto» went on flashing there all session, into the next one, until the facilitator took
 * the timer away. The facilitator's screen keeps it, with the panel to remove it.
 */
export const DONE_SHOWN_MS = 5 * 60_000

/** Milliseconds left on the room's timer, in the server's clock. */
export function remainingMs(timer: RoomTimer): number {
  return timer.running && timer.endsAt !== null
    ? Math.max(0, timer.endsAt - serverNow())
    : timer.remainingMs
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

/** The room's countdown as every screen shows it; a visible (and optional audible) end. */
export function TimerDisplay() {
  const { t } = useTranslation('facilitation')
  const timer = useBoard(timerSelector)
  const offset = useServerClock()
  const [now, setNow] = useState(0)
  const [sound, setSound] = useTimerSound()
  const running = !!timer?.running
  useEffect(() => {
    if (!running) return
    const id = setInterval(() => setNow((n) => n + 1), 200)
    return () => clearInterval(id)
  }, [running])
  void now
  void offset
  const left = timer ? remainingMs(timer) : 0
  const done = !!timer && left === 0 && timer.durationMs > 0
  // the end sounds once, on the screens that watched it come (not on a page opened later)
  const before = useRef<number | null>(null)
  useEffect(() => {
    if (before.current !== null && before.current > 0 && done && running && sound) beep()
    before.current = timer ? left : null
  }, [left, done, running, sound, timer])
  const facilitator = useBoard(facilitatorSelector)
  const endedLongAgo =
    done && running && timer.endsAt !== null && serverNow() - timer.endsAt > DONE_SHOWN_MS
  if (!timer || (endedLongAgo && !facilitator)) return null
  return (
    <div
      className={`room-timer${done ? ' room-timer-done' : ''}${running ? '' : ' room-timer-paused'}`}
      data-testid="room-timer"
      data-remaining-ms={Math.round(left)}
      role="timer"
      aria-label={done ? t('timer.done') : t('timer.remaining', { time: formatClock(left) })}
    >
      <span className="room-timer-clock" aria-hidden="true">
        {formatClock(left)}
      </span>
      {done && <span className="room-timer-end">{t('timer.done')}</span>}
      {!running && !done && <span className="room-timer-state">{t('timer.paused')}</span>}
      <button
        type="button"
        className="room-timer-sound"
        aria-pressed={sound}
        title={sound ? t('timer.soundOn') : t('timer.soundOff')}
        aria-label={t('timer.sound')}
        onClick={() => setSound(!sound)}
      >
        <BellIcon off={!sound} />
      </button>
    </div>
  )
}
