import type { VoteCanvas, VoteState } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'

export interface VoteItem {
  id: string
  canvas: VoteCanvas
  label: string
  dots: number
  state: VoteState
  createdAt: string
}
export interface DotItem {
  id: string
  vote: string
  card: string
  voter: string
}

export const voteItems = (s: BoardState) => s.lists.votes as unknown as VoteItem[]
export const dotItems = (s: BoardState) => s.lists['votes.dots'] as unknown as DotItem[]

/** The votes, newest first. */
export function newestFirst(votes: readonly VoteItem[]): VoteItem[] {
  return [...votes].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  )
}

/** The vote the cards of a canvas show: its newest one that is open or revealed. */
export function activeVote(s: BoardState, canvas: VoteCanvas): VoteItem | null {
  let best: VoteItem | null = null
  for (const vote of voteItems(s)) {
    if (vote.canvas !== canvas || vote.state === 'closed') continue
    if (
      !best ||
      vote.createdAt > best.createdAt ||
      (vote.createdAt === best.createdAt && vote.id > best.id)
    )
      best = vote
  }
  return best
}
