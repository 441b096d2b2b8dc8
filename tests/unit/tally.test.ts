import { describe, expect, it } from 'vitest'
import { countedDots, dotsLeft, rankCards, tallyVote } from '../../shared/votes/tally.ts'

const vote = { id: 'v', dots: 2 }
const dot = (id: string, card: string, voter: string, v = 'v') => ({ id, vote: v, card, voter })

describe('dot vote tally', () => {
  it('counts the dots per card of one vote only', () => {
    const t = tallyVote(vote, [
      dot('1', 'a', 'anna'),
      dot('2', 'b', 'anna'),
      dot('3', 'a', 'bruno'),
      dot('4', 'a', 'carla', 'other'),
    ])
    expect(Object.fromEntries(t.counts)).toEqual({ a: 2, b: 1 })
    expect(t.total).toBe(3)
    expect(t.voters).toBe(2)
  })

  it("caps each voter's dots at the vote's, the same ones on every screen", () => {
    const dots = [dot('3', 'c', 'anna'), dot('1', 'a', 'anna'), dot('2', 'b', 'anna')]
    expect(countedDots(vote, dots).map((d) => d.id)).toEqual(['1', '2'])
    expect(Object.fromEntries(tallyVote(vote, dots.reverse()).counts)).toEqual({ a: 1, b: 1 })
  })

  it('ranks cards by dots, ties share a rank and go by their text, then id; gone cards drop out', () => {
    const t = tallyVote({ id: 'v', dots: 5 }, [
      dot('1', 'b', 'anna'),
      dot('2', 'b', 'bruno'),
      dot('3', 'c', 'anna'),
      dot('4', 'a', 'bruno'),
      dot('5', 'gone', 'carla'),
      dot('6', 'd', 'carla'),
      dot('7', 'd', 'carla'),
      dot('8', 'd', 'carla'),
    ])
    const cards = [
      { id: 'a', label: 'Scuole lontane' },
      { id: 'b', label: 'Pochi tirocini' },
      { id: 'c', label: ' orientamento scarso' },
      { id: 'd', label: 'Trasporti' },
    ]
    const ranked = [
      { card: 'd', label: 'Trasporti', count: 3, rank: 1 },
      { card: 'b', label: 'Pochi tirocini', count: 2, rank: 2 },
      { card: 'c', label: 'orientamento scarso', count: 1, rank: 3 },
      { card: 'a', label: 'Scuole lontane', count: 1, rank: 3 },
    ]
    expect(rankCards(t, cards)).toEqual(ranked)
    // the cards in another order (a board imported from its export): the same ranking
    expect(rankCards(t, [...cards].reverse())).toEqual(ranked)
  })

  it('says how many dots a voter has left', () => {
    const dots = [dot('1', 'a', 'anna'), dot('2', 'a', 'bruno')]
    expect(dotsLeft(vote, dots, 'anna')).toBe(1)
    expect(dotsLeft(vote, [...dots, dot('3', 'b', 'anna'), dot('4', 'c', 'anna')], 'anna')).toBe(0)
    expect(dotsLeft(vote, dots, 'carla')).toBe(2)
  })
})
