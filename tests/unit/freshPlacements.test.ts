import { describe, expect, it } from 'vitest'
import { freshPlacements } from '../../client/kit/freshPlacements.ts'
import { CARD_W, covers } from '../../client/kit/placement.ts'

const card = (id: string, x: number, y: number) => ({ id, position: { x, y } })

describe('cards placed on one spot at the same moment', () => {
  it('the one with the greater id moves to the next free spot, by the page that placed it', () => {
    const mine = freshPlacements(() => 0)
    mine.placed('b', { x: 100, y: 300 })
    const moves = mine.moves([card('core', 100, 100), card('a', 100, 300), card('b', 100, 300)])
    const to = moves.get('b')!
    expect(to.y).toBe(300)
    expect(to.x).toBeGreaterThanOrEqual(100 + CARD_W)
    expect(covers(card('a', 100, 300), to)).toBe(false)

    // the other page placed «a»: its card has the smaller id and stays
    const theirs = freshPlacements(() => 0)
    theirs.placed('a', { x: 100, y: 300 })
    expect(theirs.moves([card('a', 100, 300), card('b', 100, 300)]).size).toBe(0)
  })

  it('a card moved since, or placed more than 10 s ago, stays; a card alone on its spot too', () => {
    let now = 0
    const page = freshPlacements(() => now)
    page.placed('b', { x: 100, y: 300 })
    expect(page.moves([card('b', 100, 300)]).size).toBe(0)
    // the person dragged it: theirs to place
    expect(page.moves([card('a', 140, 320), card('b', 140, 320)]).size).toBe(0)
    expect(page.any).toBe(false)

    page.placed('c', { x: 500, y: 300 })
    now = 10_001
    expect(page.moves([card('a', 500, 300), card('c', 500, 300)]).size).toBe(0)
    expect(page.any).toBe(false)
  })

  it('once moved it is looked at from its new spot, and two of its own never move each other', () => {
    const page = freshPlacements(() => 0)
    page.placed('b', { x: 0, y: 0 })
    page.placed('c', { x: CARD_W + 30, y: 0 })
    // someone else's «a» landed where «b» is: «b» moves past «c», not onto it
    const moves = page.moves([card('a', 0, 0), card('b', 0, 0), card('c', CARD_W + 30, 0)])
    expect([...moves.keys()]).toEqual(['b'])
    expect(covers(card('c', CARD_W + 30, 0), moves.get('b')!)).toBe(false)
    const after = [
      card('a', 0, 0),
      { id: 'b', position: moves.get('b')! },
      card('c', CARD_W + 30, 0),
    ]
    expect(page.moves(after).size).toBe(0)
  })
})
