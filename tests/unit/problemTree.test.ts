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

  it('finds a branch linked among itself but not to the core, and the card to link', () => {
    // c1 → core; d2 → d1 → nothing: a branch of its own; u linked to nothing
    const r = analyseProblemTree(
      [card('core', 'core'), card('c1'), card('d1'), card('d2'), card('u'), card('e1', 'effect')],
      [link('c1', 'core'), link('d2', 'd1'), link('core', 'e1')],
    )
    expect(r.detachedIds.sort()).toEqual(['d1', 'd2'])
    expect(r.detachedLead).toBe('d1')
    expect(r.unlinkedIds).toEqual(['u'])
    // a link from the branch's top to any card of the tree joins it, whichever way it runs
    for (const joining of [link('d1', 'c1'), link('e1', 'd2')]) {
      const joined = analyseProblemTree(
        [card('core', 'core'), card('c1'), card('d1'), card('d2'), card('e1', 'effect')],
        [link('c1', 'core'), link('d2', 'd1'), link('core', 'e1'), joining],
      )
      expect(joined.detachedIds).toEqual([])
      expect(joined.detachedLead).toBeNull()
    }
    // without one core problem (none, or two) the tree has no trunk to reach: not said
    const noCore = analyseProblemTree([card('a'), card('b')], [link('a', 'b')])
    expect(noCore.detachedIds).toEqual([])
    const twoCores = analyseProblemTree(
      [card('a', 'core'), card('b', 'core'), card('c')],
      [link('c', 'b')],
    )
    expect(twoCores.detachedIds).toEqual([])
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
