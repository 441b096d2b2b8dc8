import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { BoardHeader } from './BoardHeader.tsx'
import { LostEditNotice } from './LostEditNotice.tsx'
import { UndoKeptNotice } from './UndoKeptNotice.tsx'
import { GivenUpNotice } from './GivenUpNotice.tsx'
import { TextCutNotice } from './TextCutNotice.tsx'
import { LateDotNotice } from '../facilitation/LateDotNotice.tsx'
import { phaseView } from './phases.tsx'
import { ViewLoadBoundary } from './ViewLoadBoundary.tsx'
import { prefetchLaterViews } from '../boot/laterViews.ts'
// the kit's styles (cursors, toolbars, card editors) serve every phase, whichever loads first
import '../kit/canvas.css'
import '../kit/toolbar.css'
import '../kit/canvasPhone.css'
import { useBoardShortcuts } from './useBoardShortcuts.ts'

const tabSelector = (s: BoardState) => s.tab
const refusalSelector = (s: BoardState) =>
  s.schemaTooNew || s.refused === 'newer-schema'
    ? 'schemaTooNew'
    : s.refused === 'rejected'
      ? 'rejected'
      : null

const followSelector = (s: BoardState) => (s.role === 'viewer' ? s.phase : null)
const roleSelector = (s: BoardState) => s.role
const previewSelector = (s: BoardState) => s.preview

const syncedSelector = (s: BoardState) => s.synced

/**
 * Once the board is here and the page idle, the other views' code is fetched into the cache
 * (client/boot/laterViews.ts): a view first opened while the Wi-Fi is down still loads.
 */
function usePrefetchLaterViews(): void {
  const synced = useBoard(syncedSelector)
  useEffect(() => {
    if (!synced) return
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 2_000))
    const stop = window.cancelIdleCallback ?? clearTimeout
    const handle = idle(() => prefetchLaterViews(document), { timeout: 5_000 })
    return () => stop(handle)
  }, [synced])
}

/** The projector shows the phase the facilitator is on. */
function useProjectorFollowsPhase(): void {
  const phase = useBoard(followSelector)
  const actions = useBoardActions()
  useEffect(() => {
    if (phase) actions.setTab(phase)
  }, [phase, actions])
}

export function BoardView() {
  const { t } = useTranslation('board')
  const tab = useBoard(tabSelector)
  const refusal = useBoard(refusalSelector)
  // the projector's pages of text and tables are drawn larger (board.css)
  const role = useBoard(roleSelector)
  // the board drawn from its preview, its document still coming (client/sync/preview.ts)
  const preview = useBoard(previewSelector)
  const PhaseView = phaseView(tab)
  useBoardShortcuts()
  useProjectorFollowsPhase()
  usePrefetchLaterViews()
  return (
    <div className="board" data-role={role}>
      <BoardHeader />
      {refusal && (
        <div className="banner banner-warning" role="alert">
          {t(`errors.${refusal}`)}{' '}
          <button onClick={() => location.reload()}>{t('errors.reload')}</button>
        </div>
      )}
      <main
        className="board-main"
        id={`panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        aria-busy={preview || undefined}
      >
        <ViewLoadBoundary view={tab}>
          <Suspense fallback={<div className="phase-loading" aria-busy="true" />}>
            <PhaseView />
          </Suspense>
        </ViewLoadBoundary>
        {/* in the board's area, below the header however many rows it wraps into: over the
            header it hid «Segui…» and the menus that open from it */}
        <LostEditNotice />
        <UndoKeptNotice />
        <GivenUpNotice />
        <TextCutNotice />
        <LateDotNotice />
      </main>
    </div>
  )
}
