import type { VoteCanvas, VoteState } from '../../shared/schema/index.ts'
import { dotsLeft, tallyVote } from '../../shared/votes/tally.ts'
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

type Lists = Pick<BoardState, 'lists'>
export const voteItems = (s: Lists) => s.lists.votes as unknown as VoteItem[]
export const dotItems = (s: Lists) => s.lists['votes.dots'] as unknown as DotItem[]

/** The votes, newest first. */
export function newestFirst(votes: readonly VoteItem[]): VoteItem[] {
  return [...votes].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  )
}

/** The vote the cards of a canvas show: its newest one that is open or revealed. */
export function activeVote(s: Lists, canvas: VoteCanvas): VoteItem | null {
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

/** What the cards of a vote show, for one voter: counted dots per card, theirs, and how many left. */
export interface CardTally {
  /** Dots that count, per card (the revealed tally). */
  counted: ReadonlyMap<string, number>
  /** The voter's own dots, per card (all of them, as they placed them). */
  mine: ReadonlyMap<string, number>
  /** Dots the voter may still place. */
  left: number
}

const tallies = new WeakMap<readonly DotItem[], Map<string, CardTally>>()

/**
 * {@link CardTally} of a vote, computed once per list of dots (every card of a canvas asks for
 * it whenever a dot is placed: once each, it would be cards × dots).
 */
export function cardTally(vote: VoteItem, dots: readonly DotItem[], voter: string): CardTally {
  let byVote = tallies.get(dots)
  if (!byVote) tallies.set(dots, (byVote = new Map()))
  const key = JSON.stringify([vote.id, vote.dots, voter])
  const cached = byVote.get(key)
  if (cached) return cached
  const mine = new Map<string, number>()
  for (const d of dots)
    if (d.vote === vote.id && d.voter === voter) mine.set(d.card, (mine.get(d.card) ?? 0) + 1)
  const tally: CardTally = {
    counted: tallyVote(vote, dots).counts,
    mine,
    left: dotsLeft(vote, dots, voter),
  }
  byVote.set(key, tally)
  return tally
}
