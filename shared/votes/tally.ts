/**
 * Dot votes: what a vote's dots add up to. Pure functions shared by the page, the projector and
 * the exports. A voter's dots count up to the vote's `dots` (the server refuses more, but two
 * tabs of one person may race, and an import may hold anything): the first ones by dot id, so
 * every screen counts the same dots.
 */
export interface VoteLike {
  id: string
  dots: number
}
export interface DotLike {
  id: string
  vote: string
  card: string
  voter: string
}

export interface Tally {
  /** Dots per card, cards with none left out. */
  counts: Map<string, number>
  /** Dots counted (after the cap per voter). */
  total: number
  /** People who placed at least one dot. */
  voters: number
}

/** The dots of one vote that count, at most `vote.dots` per voter, in dot-id order. */
export function countedDots<D extends DotLike>(vote: VoteLike, dots: readonly D[]): D[] {
  const mine = dots
    .filter((d) => d.vote === vote.id)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const used = new Map<string, number>()
  const out: D[] = []
  for (const dot of mine) {
    const n = used.get(dot.voter) ?? 0
    if (n >= vote.dots) continue
    used.set(dot.voter, n + 1)
    out.push(dot)
  }
  return out
}

export function tallyVote(vote: VoteLike, dots: readonly DotLike[]): Tally {
  const counts = new Map<string, number>()
  const voters = new Set<string>()
  const counted = countedDots(vote, dots)
  for (const dot of counted) {
    counts.set(dot.card, (counts.get(dot.card) ?? 0) + 1)
    voters.add(dot.voter)
  }
  return { counts, total: counted.length, voters: voters.size }
}

export interface RankedCard {
  card: string
  /** The card's text, trimmed (what ties are ordered by). */
  label: string
  count: number
  /** 1 for the most dots; cards with as many dots share a rank (1, 2, 2, 4). */
  rank: number
}

const byLabel = new Intl.Collator('it', { sensitivity: 'base', numeric: true })

/**
 * The cards by dots, most first, ties by their text (then id): the same order on every screen,
 * and in a board imported from the export (the canvas's order of its cards is not kept there).
 * Only `cards` (the canvas's cards) are ranked, so cards gone drop out; cards with no dot too.
 */
export function rankCards(
  tally: Tally,
  cards: readonly { id: string; label: string }[],
): RankedCard[] {
  const label = new Map(cards.map((c) => [c.id, c.label.trim()]))
  const ranked = [...tally.counts]
    .filter(([card]) => label.has(card))
    .sort(
      ([a, x], [b, y]) =>
        y - x || byLabel.compare(label.get(a)!, label.get(b)!) || (a < b ? -1 : a > b ? 1 : 0),
    )
  return ranked.map(([card, count]) => ({
    card,
    label: label.get(card)!,
    count,
    rank: ranked.findIndex(([, c]) => c === count) + 1,
  }))
}

/** How many dots `voter` may still place in the vote. */
export function dotsLeft(vote: VoteLike, dots: readonly DotLike[], voter: string): number {
  const placed = dots.filter((d) => d.vote === vote.id && d.voter === voter).length
  return Math.max(0, vote.dots - placed)
}

/** The dots `voter` placed on `card` in the vote, newest id last. */
export function dotsOnCard<D extends DotLike>(
  vote: VoteLike,
  dots: readonly D[],
  voter: string,
  card: string,
): D[] {
  return dots.filter((d) => d.vote === vote.id && d.voter === voter && d.card === card)
}
