import { describe, expect, it } from 'vitest'
import { createBoardStore } from '../../client/store/boardStore.ts'
import { cardInputsOf, writersOf } from '../../client/store/cardInputs.ts'
import type { Peer } from '../../client/store/peers.ts'
import type { CardNode } from '../../client/store/projection.ts'
import { selectedCardsSelector } from '../../client/store/selection.ts'
import { sameCardData } from '../../client/kit/useStableCards.ts'
import { cardTally, type DotItem, type VoteItem } from '../../client/facilitation/votes.ts'
import { countedDots, dotsLeft } from '../../shared/votes/tally.ts'

const peer = (clientId: number, editing: string | null, name = `P${clientId}`): Peer => ({
  clientId,
  user: { name, color: '#336699' },
  editing,
  cursor: { canvas: 'problems', x: clientId, y: 0 },
})

const card = (id: string, x = 0, label = id): CardNode => ({
  id,
  type: 'problem',
  position: { x, y: 0 },
  data: { kind: 'problem', label, role: 'cause' },
})

describe('card inputs', () => {
  it('do not change while cards move, cursors move or the connection changes', () => {
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    const inputs = cardInputsOf(store)
    expect(cardInputsOf(store)).toBe(inputs)
    store.setState({ peers: [peer(2, 'a')] })
    let notified = 0
    inputs.subscribe(() => notified++)
    const before = inputs.getState()
    for (let x = 0; x < 5; x++)
      store.setState((s) => ({
        canvases: { ...s.canvases, problems: { nodes: [card('a', x)], edges: [] } },
        // the writer moves their cursor: a new peer object, the same writer
        peers: [{ ...peer(2, 'a'), cursor: { canvas: 'problems', x, y: x } }],
      }))
    store.setState({ connection: 'offline', unsent: 3 })
    expect(notified).toBe(0)
    expect(inputs.getState()).toBe(before)
  })

  it('change with what a card shows: its editing, its writer, the lists, the permissions', () => {
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    const inputs = cardInputsOf(store)
    store.setState({ editingId: 'a' })
    expect(inputs.getState().editingId).toBe('a')
    store.setState({ peers: [peer(3, 'b'), peer(2, 'b', 'Anna')] })
    expect(inputs.getState().writers.get('b')?.first.user.name).toBe('P3')
    expect(inputs.getState().writers.get('b')?.names).toEqual(['P3', 'Anna'])
    store.setState({ peers: [peer(3, null)] })
    expect(inputs.getState().writers.size).toBe(0)
    store.setState({ frozen: true })
    expect(inputs.getState().frozen).toBe(true)
    const lists = { ...store.getState().lists, targetGroups: [{ id: 'g', label: 'Giovani' }] }
    store.setState({ lists })
    expect(inputs.getState().lists).toBe(lists)
  })

  it('writers: everyone writing each card, the first first; the same map while they only move', () => {
    const first = writersOf([peer(1, 'a'), peer(2, 'a'), peer(3, 'b'), peer(4, null)])
    expect([...first].map(([id, w]) => [id, w.first.clientId, w.names])).toEqual([
      ['a', 1, ['P1', 'P2']],
      ['b', 3, ['P3']],
    ])
    const moved = [
      { ...peer(1, 'a'), cursor: { canvas: 'problems' as const, x: 9, y: 9 } },
      peer(2, 'a'),
      peer(3, 'b'),
    ]
    expect(writersOf(moved, first)).toBe(first)
    expect(writersOf([peer(1, 'a', 'Renamed'), peer(2, 'a'), peer(3, 'b')], first)).not.toBe(first)
    // the second writer of «a» stops: «a» changes, «b» keeps its entry
    const one = writersOf([peer(1, 'a'), peer(3, 'b')], first)
    expect(one.get('a')?.names).toEqual(['P1'])
    expect(one.get('b')).toBe(first.get('b'))
    expect(writersOf([peer(1, 'a')], first).has('b')).toBe(false)
    // one person in two tabs is named once
    expect(writersOf([peer(1, 'a', 'Anna'), peer(5, 'a', 'Anna')]).get('a')?.names).toEqual([
      'Anna',
    ])
  })
})

describe('what panels and menus read of the cards', () => {
  it('the selection is the same array while the selected card only moves', () => {
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    const selected = selectedCardsSelector('problems')
    const a = { ...card('a'), selected: true }
    store.setState((s) => ({
      canvases: { ...s.canvases, problems: { nodes: [a, card('b')], edges: [] } },
    }))
    const first = selected(store.getState())
    expect(first.map((c) => c.id)).toEqual(['a'])
    store.setState((s) => ({
      canvases: {
        ...s.canvases,
        problems: { nodes: [{ ...a, position: { x: 50, y: 5 } }, card('b')], edges: [] },
      },
    }))
    expect(selected(store.getState())).toBe(first)
    store.setState((s) => ({
      canvases: {
        ...s.canvases,
        problems: { nodes: [{ ...a, data: { ...a.data, label: 'new' } }, card('b')], edges: [] },
      },
    }))
    expect(selected(store.getState())).not.toBe(first)
    expect(selected(store.getState())[0]!.data.label).toBe('new')
  })

  it('cards that only moved have the same data; a changed text or order does not', () => {
    const nodes = [card('a'), card('b')]
    const moved = nodes.map((n) => ({ ...n, position: { x: 7, y: 7 }, selected: true }))
    expect(sameCardData(nodes, moved)).toBe(true)
    expect(sameCardData(nodes, [nodes[1]!, nodes[0]!])).toBe(false)
    expect(sameCardData(nodes, [nodes[0]!, card('b', 0, 'changed')])).toBe(false)
    expect(sameCardData(nodes, [nodes[0]!])).toBe(false)
  })
})

describe('card tally of a vote', () => {
  const vote: VoteItem = {
    id: 'v',
    canvas: 'problems',
    label: 'Priorità',
    dots: 2,
    state: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
  }
  const dot = (id: string, card: string, voter: string, v = 'v'): DotItem => ({
    id,
    vote: v,
    card,
    voter,
  })

  it('gives every card what counting its dots one by one gives, computed once per dot list', () => {
    const dots = [
      dot('1', 'a', 'anna'),
      dot('2', 'a', 'anna'),
      dot('3', 'b', 'anna'),
      dot('4', 'b', 'bruno'),
      dot('5', 'c', 'anna', 'old'),
    ]
    const tally = cardTally(vote, dots, 'anna')
    expect(cardTally(vote, dots, 'anna')).toBe(tally)
    for (const c of ['a', 'b', 'c', 'd']) {
      expect(tally.counted.get(c) ?? 0).toBe(
        countedDots(vote, dots).filter((d) => d.card === c).length,
      )
      expect(tally.mine.get(c) ?? 0).toBe(
        dots.filter((d) => d.vote === 'v' && d.card === c && d.voter === 'anna').length,
      )
    }
    expect(tally.left).toBe(dotsLeft(vote, dots, 'anna'))
    expect(cardTally(vote, dots, 'bruno').left).toBe(1)
    // a new list of dots (one placed) is counted again
    const more = [...dots, dot('6', 'd', 'bruno')]
    expect(cardTally(vote, more, 'bruno').mine.get('d')).toBe(1)
    expect(cardTally(vote, more, 'bruno').left).toBe(0)
  })
})
