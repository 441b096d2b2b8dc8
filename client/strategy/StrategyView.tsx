import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canEdit, isFacilitator, type BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { CandidateList } from './CandidateList.tsx'
import { RankingList } from './RankingList.tsx'
import { ResultsToggle } from './ResultsToggle.tsx'
import { ScoringGrid } from './ScoringGrid.tsx'
import { useStrategy } from './useStrategy.ts'
import { useStrategyActions } from './useStrategyActions.ts'
import './strategy.css'
import './scoring.css'

const participantSelector = (s: BoardState) => s.participantId

/** Strategy analysis: candidate branches scored by every participant, one chosen. */
export function StrategyView() {
  const { t } = useTranslation('strategy')
  const { graph, candidates, criteria, scores, ranking, chosen } = useStrategy()
  const editable = useBoard(canEdit)
  const facilitator = useBoard(isFacilitator)
  const participantId = useBoard(participantSelector)
  const write = useStrategyActions()
  const chosenId = chosen?.id ?? null
  // averages and ranking stay folded until this screen asks: no one anchors on others' votes
  const [showResults, setShowResults] = useState(false)

  return (
    <div className="strategy-view" data-testid="strategy-view">
      <CandidateList
        graph={graph}
        candidates={candidates}
        scores={scores}
        chosenId={chosenId}
        editable={editable}
        facilitator={facilitator}
        write={write}
      />
      <section className="strategy-main" aria-labelledby="strategy-title">
        <header className="strategy-header">
          <h2 id="strategy-title">{t('title')}</h2>
          <p className="muted">{t('intro')}</p>
        </header>
        <div
          className={`chosen-banner${chosen ? ' is-chosen' : ''}`}
          data-testid="chosen-strategy"
          role="status"
        >
          {chosen
            ? `✓ ${t('chosen.banner', { label: chosen.label || t('untitled') })}`
            : facilitator && candidates.length
              ? t('chosen.noneFacilitator')
              : t('chosen.none')}
        </div>
        {candidates.length > 0 && (
          <>
            <p className="grid-hint">{editable ? t('grid.hint') : t('grid.hintReadOnly')}</p>
            <ResultsToggle shown={showResults} onToggle={() => setShowResults((v) => !v)} />
          </>
        )}
        <ScoringGrid
          candidates={candidates}
          criteria={criteria}
          scores={scores}
          ranking={ranking}
          chosenId={chosenId}
          participantId={participantId}
          editable={editable}
          facilitator={facilitator}
          showResults={showResults}
          write={write}
        />
        {showResults && (
          <RankingList
            ranking={ranking}
            candidates={candidates}
            chosenId={chosenId}
            facilitator={facilitator}
            onChoose={write.choose}
          />
        )}
      </section>
    </div>
  )
}
