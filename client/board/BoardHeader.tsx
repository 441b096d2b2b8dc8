import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/shallow'
import { PHASES } from '../../shared/schema/index.ts'
import { useBoard, useBoardActions, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { PeerAvatars } from './PeerAvatars.tsx'
import { LanguageSwitch } from '../home/LanguageSwitch.tsx'
import { ExportMenu } from './ExportMenu.tsx'
import { FacilitationBar } from '../facilitation/FacilitationBar.tsx'
import { RoomControls } from '../room/RoomControls.tsx'
import { HistoryButton } from '../history/HistoryButton.tsx'
import { HeaderMore } from './HeaderMore.tsx'
import { useCrowdedRow } from './useCrowdedRow.ts'
import { usePhone } from '../kit/phone.ts'
import '../home/home.css'
import './projectorHeader.css'

const headerSelector = (s: BoardState) => ({ title: s.title, role: s.role, tab: s.tab })
const FOLD = { root: '.header-more', panel: '.header-more-panel' }

export function BoardHeader() {
  const { t } = useTranslation('board')
  const { title, role, tab } = useBoard(useShallow(headerSelector))
  const actions = useBoardActions()
  const { boardId, key } = useBoardSession()
  // the secondary tools fold behind «Altro» when the row would not hold them (a timer and a
  // vote at 1440 px), rather than the header taking a third row
  const right = useRef<HTMLDivElement>(null)
  const crowded = useCrowdedRow(right, FOLD)
  const phone = usePhone()
  return (
    <header className="board-header">
      <a className="brand" href="/" title={t('backHome')}>
        Trama
      </a>
      {/* a long title is cut to the header's room: whole on hover */}
      <h1 className="board-title" data-testid="board-title" title={title}>
        {title}
      </h1>
      <span className={`role-chip role-${role}`}>{t(`roles.${role}`)}</span>
      <nav className="phase-tabs" role="tablist" aria-label={t('phasesLabel')}>
        {PHASES.map((phase, i) => (
          <button
            key={phase}
            id={`tab-${phase}`}
            role="tab"
            aria-selected={tab === phase}
            aria-controls={`panel-${phase}`}
            className={tab === phase ? 'active' : ''}
            onClick={() => actions.setTab(phase)}
          >
            <span className="step">{i + 1}</span> {t(`phases.${phase}`)}
          </button>
        ))}
      </nav>
      <div className="header-right" ref={right}>
        <FacilitationBar />
        {/* a participant's «Segui…» is theirs to reach at once; the facilitator's room tools
            go with the other secondary ones on a phone only: on a laptop whose row is crowded
            «Porta tutti qui» stays in sight (a vote open is when the room is brought to it) */}
        {role !== 'facilitator' && <RoomControls />}
        <PeerAvatars />
        <ConnectionBadge />
        {role === 'facilitator' && !phone && <RoomControls />}
        <HeaderMore crowded={crowded}>
          {role === 'facilitator' && phone && <RoomControls />}
          <LanguageSwitch />
          <ExportMenu boardId={boardId} boardKey={key} tab={tab} json={role !== 'viewer'} />
          <HistoryButton />
        </HeaderMore>
      </div>
    </header>
  )
}
