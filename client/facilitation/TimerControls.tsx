import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useFacilitationActions } from './useFacilitationActions.ts'

const timerSelector = (s: BoardState) => s.timer

/** The facilitator's countdown: set minutes and start; pause, resume, reset, remove. */
export function TimerControls() {
  const { t } = useTranslation('facilitation')
  const timer = useBoard(timerSelector)
  const actions = useFacilitationActions()
  const [minutes, setMinutes] = useState('5')
  const ms = Math.round(Number(minutes.replace(',', '.')) * 60_000)
  const valid = Number.isFinite(ms) && ms >= 1_000 && ms <= 86_400_000
  return (
    <fieldset className="facilitation-section">
      <legend>{t('timer.label')}</legend>
      <div className="facilitation-row">
        <label>
          {t('timer.minutes')}{' '}
          <input
            type="number"
            min={0.1}
            max={1440}
            step={0.5}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            data-testid="timer-minutes"
          />
        </label>
        <button type="button" disabled={!valid} onClick={() => actions.startTimer(ms)}>
          {t('timer.start')}
        </button>
      </div>
      {timer && (
        <div className="facilitation-row">
          {timer.running ? (
            <button type="button" onClick={() => actions.pauseTimer()}>
              {t('timer.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => actions.resumeTimer()}>
              {t('timer.resume')}
            </button>
          )}
          <button type="button" onClick={() => actions.resetTimer()}>
            {t('timer.reset')}
          </button>
          <button type="button" onClick={() => actions.removeTimer()}>
            {t('timer.remove')}
          </button>
        </div>
      )}
    </fieldset>
  )
}
