import { describe, expect, it } from 'vitest'
import { layoutTree, type LayoutLink } from '../../client/kit/autoLayout.ts'

const card = (id: string, x: number) => ({ id, x, width: 200, height: 80 })

/** The ids of `of`, left to right as the layout placed them. */
const leftToRight = (places: Map<string, { x: number }>, of: string[]) =>
  [...of].sort((a, b) => places.get(a)!.x - places.get(b)!.x)

describe('«Disponi albero» (layoutTree)', () => {
  // the core problem, three causes under it and two effects above, linked cause → effect
  const links: LayoutLink[] = [
    { source: 'b', target: 'core' },
    { source: 'core', target: 'y' },
    { source: 'a', target: 'core' },
    { source: 'c', target: 'core' },
    { source: 'core', target: 'x' },
  ]

  it('keeps the order the cards had left to right, whatever order they and their links come in', async () => {
    const cards = [card('c', 600), card('core', 300), card('a', 0), card('x', 0), card('b', 300)]
    const places = await layoutTree([...cards, card('y', 300)], links)
    expect(leftToRight(places, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c'])
    expect(leftToRight(places, ['x', 'y'])).toEqual(['x', 'y'])
    // in layers: effects above the core problem, causes below it
    expect(places.get('x')!.y).toBeLessThan(places.get('core')!.y)
    expect(places.get('a')!.y).toBeGreaterThan(places.get('core')!.y)
  })

  it('keeps a reversed order reversed: it is the room’s, not the layout’s', async () => {
    const cards = [card('a', 600), card('b', 300), card('c', 0), card('core', 300)]
    const places = await layoutTree([...cards, card('x', 300), card('y', 0)], links)
    expect(leftToRight(places, ['a', 'b', 'c'])).toEqual(['c', 'b', 'a'])
    expect(leftToRight(places, ['x', 'y'])).toEqual(['y', 'x'])
  })

  it('keeps each cause under its own effect, in order, two layers down', async () => {
    const two: LayoutLink[] = [
      { source: 'p', target: 'core' },
      { source: 'q', target: 'core' },
      { source: 'p2', target: 'p' },
      { source: 'p1', target: 'p' },
      { source: 'q1', target: 'q' },
      { source: 'q2', target: 'q' },
    ]
    const cards = ['p1', 'p2', 'q1', 'q2'].map((id, i) => card(id, i * 220))
    const places = await layoutTree(
      [...cards, card('core', 300), card('p', 100), card('q', 500)],
      two,
    )
    expect(leftToRight(places, ['p', 'q'])).toEqual(['p', 'q'])
    expect(leftToRight(places, ['p1', 'p2', 'q1', 'q2'])).toEqual(['p1', 'p2', 'q1', 'q2'])
  })
})
