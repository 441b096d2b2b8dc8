/**
 * The dot votes of a board as its document and spreadsheet give them: only those whose results
 * the facilitator revealed (an open or closed vote's tally is not shown to the room, so it is not
 * written down either), newest first, each with its cards ranked as the page ranks them.
 */
import type { BoardExport } from '../export/format.ts'
import type { ImageLang } from '../render/labels.ts'
import type { VoteCanvas } from '../schema/vocabulary.ts'
import { rankCards, tallyVote } from '../votes/tally.ts'
import { DOCUMENT_LABELS } from './labels.ts'
import type { Table } from './tables.ts'

export interface DotVoteResult {
  id: string
  question: string
  canvas: VoteCanvas
  voters: number
  total: number
  /** The cards with dots, most first; cards with as many share a rank. */
  ranking: { rank: number; label: string; dots: number }[]
}

type Card = { id: string; label: string }
const card = (n: { id?: unknown; label?: unknown }): Card => ({
  id: String(n.id),
  label: typeof n.label === 'string' ? n.label : '',
})

/** The cards a vote on each canvas puts dots on, in the canvas's order. */
const CARDS_OF: Record<VoteCanvas, (board: BoardExport) => Card[]> = {
  problems: (b) => b.canvases.problems.nodes.map(card),
  objectives: (b) => b.canvases.objectives.nodes.map(card),
  stakeholders: (b) => b.canvases.stakeholders.nodes.map(card),
}

/** The revealed dot votes, newest first; `canvas` keeps those of one canvas. */
export function revealedDotVotes(board: BoardExport, canvas?: VoteCanvas): DotVoteResult[] {
  const { votes, dots } = board.votes
  return votes
    .filter((v) => v.state === 'revealed' && (!canvas || v.canvas === canvas))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .map((vote) => {
      const cards = CARDS_OF[vote.canvas](board)
      const tally = tallyVote(vote, dots)
      return {
        id: vote.id,
        question: vote.label.trim(),
        canvas: vote.canvas,
        voters: tally.voters,
        total: tally.total,
        ranking: rankCards(tally, cards).map((r) => ({
          rank: r.rank,
          label: r.label || '—',
          dots: r.count,
        })),
      }
    })
}

/** One vote's ranking as a table of the document. */
export function dotVoteTable(result: DotVoteResult, lang: ImageLang): Table {
  const l = DOCUMENT_LABELS[lang].dotVotes
  return {
    columns: [l.rank, l.card, l.dots],
    rows: result.ranking.map((r) => [String(r.rank), r.label, String(r.dots)]),
  }
}

/** Every revealed vote's ranking in one spreadsheet, a row per card with dots. */
export function dotVotesTable(board: BoardExport, lang: ImageLang): Table {
  const l = DOCUMENT_LABELS[lang].dotVotes
  const rows: string[][] = []
  for (const vote of revealedDotVotes(board))
    for (const r of vote.ranking)
      rows.push([
        vote.question || l.untitled,
        l.canvases[vote.canvas],
        String(r.rank),
        r.label,
        String(r.dots),
      ])
  return { columns: [l.vote, l.canvas, l.rank, l.card, l.dots], rows }
}
