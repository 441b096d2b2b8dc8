import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VOTE_CANVASES, type VoteCanvas } from '../../shared/schema/index.ts'
import { rankCards, tallyVote } from '../../shared/votes/tally.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { activeVote, type DotItem } from './votes.ts'
import { setCoveredEdge } from '../projector/coveredEdge.ts'
import { onPhone } from '../kit/phone.ts'

/** The canvas whose revealed vote the ranking shows: the one on screen, if any. */
export const canvasOf = (s: BoardState): VoteCanvas | null =>
  s.canvasInView && (VOTE_CANVASES as readonly string[]).includes(s.tab)
    ? (s.tab as VoteCanvas)
    : null
const revealedSelector = (s: BoardState) => {
  const canvas = canvasOf(s)
  const vote = canvas && activeVote(s, canvas)
  return vote?.state === 'revealed' ? vote : null
}
const dotsSelector = (s: BoardState) => s.lists['votes.dots'] as unknown as DotItem[]
const nodesSelector = (s: BoardState) => {
  const canvas = canvasOf(s)
  return canvas ? s.canvases[canvas].nodes : null
}

/**
 * Once the facilitator reveals the vote of the canvas in view: its cards ranked by dots (not over
 * the strategy or the logframe of the same phase).
 */
export function VoteRanking() {
  const { t } = useTranslation('facilitation')
  const vote = useBoard(revealedSelector)
  const dots = useBoard(dotsSelector)
  const nodes = useBoard(nodesSelector)
  // Each screen may fold a vote's ranking away (it stays while the vote is revealed); each new
  // one comes open, but on a phone folded, a bar in the header that opens it: open, it covers
  // the tree's lower half there.
  const [choice, setChoice] = useState<{ vote: string; folded: boolean } | null>(null)
  const folded = vote && choice?.vote === vote.id ? choice.folded : onPhone()
  const ranking = useMemo(() => {
    if (!vote || !nodes) return []
    return rankCards(
      tallyVote(vote, dots),
      nodes.map((n) => ({ id: n.id, label: n.data.label })),
    )
  }, [vote, dots, nodes])
  // Unfolded, it covers the page's right side: the trees keep clear of it (the projector's
  // arranged left of it, everyone else's framed there, see kit/useClearOfPanels.ts).
  const box = useRef<HTMLElement>(null)
  const open = !!vote && !folded
  useLayoutEffect(() => {
    const el = box.current
    if (!open || !el) return
    const publish = () => setCoveredEdge('vote-ranking', el.getBoundingClientRect())
    publish()
    const observer = new ResizeObserver(publish)
    observer.observe(el)
    window.addEventListener('resize', publish)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', publish)
      setCoveredEdge('vote-ranking', null)
    }
  }, [open])
  if (!vote) return null
  return (
    <aside
      ref={box}
      className={folded ? 'vote-ranking folded' : 'vote-ranking'}
      aria-label={t('vote.ranking')}
      data-testid="vote-ranking"
    >
      <h2>
        <span>
          {t('vote.ranking')}: {vote.label || t('vote.untitled')}
        </span>
        <button
          type="button"
          className="vote-ranking-fold"
          aria-expanded={!folded}
          aria-label={folded ? t('vote.unfold') : t('vote.fold')}
          onClick={() => setChoice({ vote: vote.id, folded: !folded })}
        >
          {folded ? '▴' : '▾'}
        </button>
      </h2>
      {folded ? null : ranking.length === 0 ? (
        <p>{t('vote.noDots')}</p>
      ) : (
        <ol>
          {ranking.map((r) => (
            <li key={r.card} data-testid="vote-ranking-item">
              <span className="vote-rank">{t('vote.rank', { rank: r.rank })}</span>
              <span className="vote-rank-label">{r.label}</span>
              <span className="vote-rank-count">{t('vote.tally', { count: r.count })}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
