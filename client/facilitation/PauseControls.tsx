import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { PHASES } from '../../shared/schema/index.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useFacilitationActions } from './useFacilitationActions.ts'

const controlSelector = (s: BoardState) => ({ frozen: s.frozen, locks: s.locks })

/** Pause the whole board, lock single phases: everyone but the facilitator reads only. */
export function PauseControls() {
  const { t } = useTranslation('facilitation')
  const { t: tb } = useTranslation('board')
  const { frozen, locks } = useBoard(useShallow(controlSelector))
  const actions = useFacilitationActions()
  return (
    <>
      <fieldset className="facilitation-section">
        <legend>{t('freeze.title')}</legend>
        <label className="facilitation-check">
          <input
            type="checkbox"
            checked={frozen}
            onChange={(e) => actions.setFrozen(e.target.checked)}
          />{' '}
          {t('freeze.toggle')}
        </label>
        <p className="facilitation-help">{t('freeze.help')}</p>
      </fieldset>
      <fieldset className="facilitation-section">
        <legend>{t('locks.title')}</legend>
        {PHASES.map((phase) => (
          <label key={phase} className="facilitation-check">
            <input
              type="checkbox"
              checked={locks.includes(phase)}
              onChange={(e) => actions.setLocked(phase, e.target.checked)}
            />{' '}
            {t('locks.phase', { phase: tb(`phases.${phase}`) })}
          </label>
        ))}
        <p className="facilitation-help">{t('locks.help')}</p>
      </fieldset>
    </>
  )
}
