import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isViewer, canEdit, isFacilitator, type BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { CandidateList } from './CandidateList.tsx'
import { RankingList } from './RankingList.tsx'
import { ResultsToggle } from './ResultsToggle.tsx'
import { ScoringGrid } from './ScoringGrid.tsx'
import { hasScoredAll } from '../../shared/method/strategy.ts'
import { useStrategy } from './useStrategy.ts'
import { useStrategyActions } from './useStrategyActions.ts'
import { useRoom } from '../room/useRoom.ts'
import { useRoomActions } from '../room/useRoomActions.ts'
import './strategy.css'
import './scoring.css'

const participantSelector = (s: BoardState) => s.participantId
const revealSelector = (r: { reveal: boolean }) => r.reveal

/** Strategy analysis: candidate branches scored by every participant, one chosen. */
export function StrategyView() {
  const { t } = useTranslation('strategy')
  const { graph, candidates, criteria, scores, ranking, chosen } = useStrategy()
  const editable = useBoard(canEdit)
  const facilitator = useBoard(isFacilitator)
  const participantId = useBoard(participantSelector)
  const write = useStrategyActions()
  const chosenId = chosen?.id ?? null
  // averages and ranking stay folded until this screen asks: no one anchors on others' votes.
  // The facilitator's choice is the room's: the projector shows what the facilitator reveals.
  const revealed = useRoom(revealSelector)
  const viewer = useBoard(isViewer)
  const room = useRoomActions()
  const followsRoom = viewer || facilitator
  const [shownHere, setShownHere] = useState(followsRoom && revealed)
  useEffect(() => {
    if (followsRoom) setShownHere(revealed)
  }, [followsRoom, revealed])
  // A participant sees them once the room does, or on their own screen once they have given
  // every score of theirs: not before, or their vote would follow the others' (anyone could
  // look, then vote).
  const votedAll = useMemo(
    () => hasScoredAll(candidates, criteria, scores, participantId),
    [candidates, criteria, scores, participantId],
  )
  const showResults = followsRoom ? shownHere : revealed || (shownHere && votedAll)
  const toggleResults = () => {
    if (facilitator) room.setReveal(!showResults)
    setShownHere(!showResults)
  }
  // the projector scrolls to the ranking when the room is shown it (it was below the fold)
  const rankingRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (viewer && showResults) rankingRef.current?.scrollIntoView({ block: 'nearest' })
  }, [viewer, showResults])

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
            <ResultsToggle
              shown={showResults}
              forRoom={facilitator}
              projector={viewer}
              roomShown={!followsRoom && revealed}
              notYet={!followsRoom && !votedAll}
              onToggle={toggleResults}
            />
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
        <div ref={rankingRef}>
          {showResults && (
            <RankingList
              ranking={ranking}
              candidates={candidates}
              chosenId={chosenId}
              facilitator={facilitator}
              onChoose={write.choose}
            />
          )}
        </div>
      </section>
    </div>
  )
}
