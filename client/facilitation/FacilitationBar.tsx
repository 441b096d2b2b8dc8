import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VOTE_CANVASES, type VoteCanvas } from '../../shared/schema/index.ts'
import { dotsLeft } from '../../shared/votes/tally.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { PauseControls } from './PauseControls.tsx'
import { RoomBanners } from './RoomBanners.tsx'
import { TimerControls } from './TimerControls.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import { VoteControls } from './VoteControls.tsx'
import { VoteRanking } from './VoteRanking.tsx'
import { activeVote, dotItems } from './votes.ts'
import './facilitation.css'
import './facilitationPanel.css'
import { PauseIcon } from '../kit/icons.tsx'
import { useBelowHeader } from '../kit/useBelowHeader.ts'

const roleSelector = (s: BoardState) => s.role
const frozenSelector = (s: BoardState) => s.frozen
/**
 * `[left, total, question, canvas, here]` of an open vote as JSON, or '': the one of the canvas
 * in view, else any other (`here` false: the chip takes the person to it).
 */
const voteChipSelector = (s: BoardState) => {
  const inView =
    s.canvasInView && (VOTE_CANVASES as readonly string[]).includes(s.tab)
      ? (s.tab as VoteCanvas)
      : null
  const open = (canvas: VoteCanvas) => {
    const vote = activeVote(s, canvas)
    return vote?.state === 'open' ? vote : null
  }
  const here = inView && open(inView)
  const vote = here || VOTE_CANVASES.map(open).find((v) => v)
  if (!vote) return ''
  const left = dotsLeft(vote, dotItems(s), s.participantId)
  return JSON.stringify([left, vote.dots, vote.label, vote.canvas, !!here])
}

/**
 * The room's rhythm in the board header: the timer and the pause on every screen, the open
 * vote's dots left, the banners and the revealed ranking; the facilitator's tools behind one
 * button.
 */
export function FacilitationBar() {
  const { t } = useTranslation('facilitation')
  const role = useBoard(roleSelector)
  const frozen = useBoard(frozenSelector)
  const vote = useBoard(voteChipSelector)
  const actions = useBoardActions()
  const [left, total, question, canvas, here] = vote
    ? (JSON.parse(vote) as [number, number, string, VoteCanvas, boolean])
    : [0, 0, '', null, true]
  // the question, cut on a narrow screen (facilitation.css): whole in its tooltip
  const questionText = question && (
    <strong className="vote-question" title={question}>
      {t('vote.question', { question })}
    </strong>
  )
  return (
    <div className="facilitation-bar">
      <TimerDisplay />
      {frozen && (
        <span className="room-chip room-chip-frozen" data-testid="frozen-chip">
          <PauseIcon /> {t('freeze.chip')}
        </span>
      )}
      {vote && !here && role !== 'viewer' && left > 0 && (
        <button
          type="button"
          className="room-chip room-chip-vote room-chip-go"
          data-testid="vote-chip"
          onClick={() => canvas && actions.goToCanvas(canvas)}
        >
          {questionText} {t('vote.goVote', { phase: t(`vote.canvases.${canvas}`) })}
        </button>
      )}
      {vote && (here || role === 'viewer') && (
        <span className="room-chip room-chip-vote" data-testid="vote-chip">
          {questionText}{' '}
          {role === 'viewer'
            ? t('vote.chipOpenViewer')
            : t('vote.chipOpen', { count: left, total })}
        </span>
      )}
      {role === 'facilitator' && <FacilitationPanel />}
      <RoomBanners />
      <VoteRanking />
    </div>
  )
}

function FacilitationPanel() {
  const { t } = useTranslation('facilitation')
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      // Closing from inside the panel gives the focus back to «Conduzione»: the control that
      // had it goes away with the panel, and the keyboard was left on the page's body.
      if (box.current?.contains(document.activeElement)) opener.current?.focus()
      setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  // below the board's header, down to the window's foot
  const panel = useRef<HTMLDivElement>(null)
  useBelowHeader(panel, open, true)
  return (
    <div className="facilitation-menu" ref={box}>
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls="facilitation-panel"
        onClick={() => setOpen(!open)}
        data-testid="facilitation-open"
      >
        {t('panel.open')}
      </button>
      {open && (
        <div
          ref={panel}
          id="facilitation-panel"
          className="facilitation-panel"
          role="dialog"
          aria-label={t('panel.title')}
        >
          <div className="facilitation-panel-head">
            <h2>{t('panel.title')}</h2>
            <button
              type="button"
              onClick={() => {
                setOpen(false)
                opener.current?.focus()
              }}
            >
              {t('panel.close')}
            </button>
          </div>
          <TimerControls />
          <PauseControls />
          <VoteControls
            onReveal={() => {
              // the ranking lies under the panel: it makes way, «Conduzione» takes the focus
              setOpen(false)
              opener.current?.focus()
            }}
          />
        </div>
      )}
    </div>
  )
}
