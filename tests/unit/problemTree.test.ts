import { describe, expect, it } from 'vitest'
import { analyseProblemTree } from '../../shared/method/problemTree.ts'

const card = (id: string, role = 'cause') => ({ id, role })
const link = (source: string, target: string) => ({ id: `${source}>${target}`, source, target })

describe('problem tree checks', () => {
  it('finds the core problems', () => {
    expect(analyseProblemTree([card('a'), card('b', 'core')], []).coreIds).toEqual(['b'])
    expect(analyseProblemTree([card('a', 'core'), card('b', 'core')], []).coreIds).toEqual([
      'a',
      'b',
    ])
    expect(analyseProblemTree([card('a')], []).coreIds).toEqual([])
  })

  it('a tree has no cycle', () => {
    const r = analyseProblemTree(
      [card('c1'), card('c2'), card('core', 'core'), card('e1', 'effect')],
      [link('c1', 'core'), link('c2', 'core'), link('core', 'e1'), link('c2', 'c1')],
    )
    expect([...r.cycleLinkIds]).toEqual([])
    expect([...r.reversedLinkIds]).toEqual([])
  })

  it('flags every link and card of a cycle, and only those', () => {
    const r = analyseProblemTree(
      [card('a'), card('b'), card('c'), card('core', 'core'), card('x')],
      [
        link('a', 'b'),
        link('b', 'c'),
        link('c', 'a'),
        link('c', 'core'),
        link('x', 'core'),
        link('x', 'x'),
      ],
    )
    expect([...r.cycleLinkIds].sort()).toEqual(['a>b', 'b>c', 'c>a', 'x>x'])
    expect([...r.cycleCardIds].sort()).toEqual(['a', 'b', 'c', 'x'])
  })

  it('flags links that run from an effect down to a cause', () => {
    const r = analyseProblemTree(
      [card('c'), card('core', 'core'), card('e', 'effect')],
      [link('e', 'core'), link('core', 'c')],
    )
    expect([...r.reversedLinkIds].sort()).toEqual(['core>c', 'e>core'])
  })

  it('handles a long chain without deep recursion', () => {
    const n = 20_000
    const cards = Array.from({ length: n }, (_, i) => card(`n${i}`))
    const links = cards.slice(1).map((c, i) => link(`n${i}`, c.id))
    expect(analyseProblemTree(cards, links).cycleLinkIds.size).toBe(0)
    links.push(link(`n${n - 1}`, 'n0'))
    expect(analyseProblemTree(cards, links).cycleLinkIds.size).toBe(n)
  })
})
