import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ReactFlowProvider } from '@xyflow/react'
import { useBoard, useBoardActions } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { ProblemCanvas } from '../problems/ProblemCanvas.tsx'
import { BoardHeader } from './BoardHeader.tsx'
import { ObjectivesPhase } from '../objectives/ObjectivesPhase.tsx'
import { StakeholdersPhase } from '../stakeholders/StakeholdersPhase.tsx'
import { useBoardShortcuts } from './useBoardShortcuts.ts'

const tabSelector = (s: { tab: string }) => s.tab
const refusalSelector = (s: BoardState) =>
  s.schemaTooNew || s.refused === 'newer-schema'
    ? 'schemaTooNew'
    : s.refused === 'rejected'
      ? 'rejected'
      : null

function ComingNext({ phase }: { phase: string }) {
  const { t } = useTranslation('board')
  return (
    <section className="coming-next">
      <h2>{t('comingNext.title')}</h2>
      <p>{t('comingNext.body', { phase: t(`phases.${phase}`) })}</p>
    </section>
  )
}

const followSelector = (s: BoardState) => (s.role === 'viewer' ? s.phase : null)

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
  useBoardShortcuts()
  useProjectorFollowsPhase()
  return (
    <div className="board">
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
      >
        {tab === 'problems' ? (
          <ReactFlowProvider>
            <ProblemCanvas />
          </ReactFlowProvider>
        ) : tab === 'objectives' ? (
          <ObjectivesPhase />
        ) : tab === 'stakeholders' ? (
          <StakeholdersPhase />
        ) : (
          <ComingNext phase={tab} />
        )}
      </main>
    </div>
  )
}
