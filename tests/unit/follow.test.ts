import { describe, expect, it } from 'vitest'
import { ROOM_ROOT, normaliseRoom } from '../../shared/schema/index.ts'
import { withValidFollowFields } from '../../shared/presence.ts'
import { ownEntries, ownersOf } from '../../server/sync/presence.ts'
import { resolveLeader } from '../../client/follow/resolve.ts'
import { scrollLeader } from '../../client/follow/useFollowScroll.ts'
import type { Peer } from '../../client/store/peers.ts'
import { createRoomActions } from '../../client/room/roomActions.ts'
import {
  nextSpotlight,
  pointAt,
  spotCards,
  spotlightOf,
  startSpotlight,
} from '../../client/room/useSpotlightWriter.ts'
import { canvasOf } from '../../client/facilitation/VoteRanking.tsx'
import { createBoardStore } from '../../client/store/boardStore.ts'
import type { CardNode } from '../../client/store/projection.ts'
import { linkedDocs } from '../helpers/linkedDocs.ts'

describe('whose reading a projector shows on a page that scrolls', () => {
  const top = (view: string) => ({ view, anchor: null, into: 0, at: 0.5 })
  const peer = (clientId: number, role: Peer['role'], tab: Peer['tab'], view: string): Peer => ({
    clientId,
    user: { name: `P${clientId}`, color: '#336699' },
    role,
    tab,
    sight: { top: top(view) },
  })
  const peers = [
    peer(1, 'participant', 'pact', 'commitments'),
    peer(2, 'facilitator', 'pact', 'vision'),
    peer(3, 'facilitator', 'pact', 'commitments'),
    peer(4, 'facilitator', 'pact', 'commitments'),
    peer(5, 'facilitator', 'stakeholders', 'commitments'),
  ]
  const leader = (last: number | null, summoner: number | null) =>
    scrollLeader(peers, 'pact', 'commitments', last, summoner)?.clientId ?? null

  it('a facilitator on the same phase and view; never a participant', () => {
    expect(leader(null, null)).toBe(3)
    expect(leader(1, 1)).toBe(3)
    expect(scrollLeader(peers.slice(0, 2), 'pact', 'commitments', 1, null)).toBe(null)
  })

  it('of several, the one who scrolled last, else the one who brought everyone', () => {
    expect(leader(4, 3)).toBe(4)
    expect(leader(null, 4)).toBe(4)
    // one on another view or phase does not lead this one
    expect(leader(2, 5)).toBe(3)
  })

  it('with nobody seen scrolling, a page read further down rather than one just opened', () => {
    const opened = {
      ...peer(3, 'facilitator', 'pact', 'commitments'),
      sight: { top: { view: 'commitments', anchor: null, into: 0, at: 0 } },
    }
    const reading = peer(4, 'facilitator', 'pact', 'commitments')
    expect(scrollLeader([opened, reading], 'pact', 'commitments', null, null)?.clientId).toBe(4)
  })
})

describe('following a chain of people', () => {
  const peers = (pairs: [number, number | null][]) =>
    pairs.map(([clientId, follow]) => ({ clientId, follow }))

  it('follows the end of the chain: A → B → C shows C', () => {
    expect(
      resolveLeader(
        1,
        2,
        peers([
          [2, 3],
          [3, null],
        ]),
      ),
    ).toBe(3)
    expect(resolveLeader(1, 2, peers([[2, null]]))).toBe(2)
  })

  it('follows nobody without a target, or when the target has left', () => {
    expect(resolveLeader(1, null, peers([[2, null]]))).toBeNull()
    expect(resolveLeader(1, 9, peers([[2, null]]))).toBeNull()
    expect(resolveLeader(1, 1, peers([[2, null]]))).toBeNull()
  })

  it('stops at someone who follows a person who has left', () => {
    expect(
      resolveLeader(
        1,
        2,
        peers([
          [2, 3],
          [3, 9],
        ]),
      ),
    ).toBe(3)
  })

  it('a loop is led by its smallest id, the others follow that one', () => {
    // 1 ↔ 2: 1 leads, 2 follows 1
    expect(resolveLeader(1, 2, peers([[2, 1]]))).toBeNull()
    expect(resolveLeader(2, 1, peers([[1, 2]]))).toBe(1)
    // 5 → 3 → 4 → 3: the loop 3 ↔ 4 is led by 3
    expect(
      resolveLeader(
        5,
        3,
        peers([
          [3, 4],
          [4, 3],
        ]),
      ),
    ).toBe(3)
    expect(
      resolveLeader(
        4,
        3,
        peers([
          [3, 4],
          [5, 3],
        ]),
      ),
    ).toBe(3)
    expect(
      resolveLeader(
        3,
        4,
        peers([
          [4, 3],
          [5, 3],
        ]),
      ),
    ).toBeNull()
  })
})

describe('presence fields for following', () => {
  it('keeps valid ones and drops what does not fit, leaving the rest of the state alone', () => {
    const good = {
      user: { name: 'Pia', color: '#123456' },
      follow: 7,
      sight: { view: 'tree', canvas: 'problems', rect: { x: 0, y: -10, w: 800, h: 500 } },
      join: 'http://10.0.0.5:1234/b/abc#key=0123456789abcdef0123',
    }
    expect(withValidFollowFields(good)).toBe(good)
    const bad = {
      user: { name: 'Pia', color: '#123456' },
      follow: 'everyone',
      sight: { canvas: 'nowhere', rect: { x: 0, y: 0, w: -1, h: 1 } },
      join: 'javascript:alert(1)',
      cursor: { x: 1, y: 2 },
    }
    expect(withValidFollowFields(bad)).toEqual({
      user: { name: 'Pia', color: '#123456' },
      cursor: { x: 1, y: 2 },
    })
    expect(withValidFollowFields(null)).toBeNull()
  })

  it('the server applies a state with its follow fields checked', () => {
    const a = { awarenessIds: new Set([1]) }
    const { kept } = ownEntries(
      [{ clientId: 1, clock: 2, state: { follow: -3, tab: 'problems' } }],
      a,
      ownersOf([a]),
    )
    expect(kept).toEqual([{ clientId: 1, clock: 2, state: { tab: 'problems' } }])
  })
})

describe('the facilitator leads the room', () => {
  it('only a facilitator’s page writes the room, outside the undo history, once per change', () => {
    const { a, b, flush } = linkedDocs()
    const facilitator = createBoardStore({ boardId: 'x', role: 'facilitator' })
    const participant = createBoardStore({ boardId: 'x', role: 'participant' })
    const lead = createRoomActions(a, facilitator)
    const other = createRoomActions(b, participant)
    let writes = 0
    a.on('update', () => writes++)
    expect(lead.setView('strategy')).toBe(true)
    expect(lead.setView('strategy')).toBe(true)
    expect(writes).toBe(1)
    lead.setSpotlight({ canvas: 'problems', id: 'core' })
    lead.setReveal(true)
    lead.summon(42, 1000)
    expect(other.setView('tree')).toBe(false)
    expect(other.setReveal(false)).toBe(false)
    flush()
    expect(normaliseRoom(b)).toMatchObject({
      view: 'strategy',
      spotlight: { canvas: 'problems', id: 'core' },
      reveal: true,
      summon: { at: 1000, client: 42 },
    })
    expect(b.getMap(ROOM_ROOT).size).toBe(4)
  })

  it('puts in the spotlight one selected card, or the branch of several', () => {
    const store = createBoardStore({ boardId: 'x', role: 'facilitator' })
    const card = (id: string, selected: boolean, cluster?: string): CardNode => ({
      id,
      type: 'problem',
      position: { x: 0, y: 0 },
      data: { kind: 'problem', label: id, ...(cluster ? { cluster } : {}) },
      selected,
    })
    const select = (nodes: CardNode[]) =>
      store.setState((s) => ({
        canvases: { ...s.canvases, problems: { nodes, edges: [] } },
      }))
    select([card('a', true), card('b', false)])
    expect(spotlightOf(store.getState())).toEqual({ canvas: 'problems', id: 'a' })
    select([card('a', true, 'k'), card('b', true, 'k')])
    expect(spotlightOf(store.getState())).toEqual({ canvas: 'problems', id: 'k' })
    select([card('a', true, 'k'), card('b', true)])
    expect(spotlightOf(store.getState())).toBeNull()
    select([card('a', false)])
    expect(spotlightOf(store.getState())).toBeNull()
    // while a dot vote on the tree is open (or revealed), the room sees the whole tree
    select([card('a', true)])
    const vote = { id: 'v', canvas: 'problems', label: 'Priorità', dots: 3, createdAt: 'x' }
    const withVote = (state: string) =>
      store.setState((s) => ({ lists: { ...s.lists, votes: [{ ...vote, state }] as never } }))
    withVote('open')
    expect(spotlightOf(store.getState())).toBeNull()
    withVote('revealed')
    expect(spotlightOf(store.getState())).toBeNull()
    withVote('closed')
    expect(spotlightOf(store.getState())).toEqual({ canvas: 'problems', id: 'a' })
    // the writer: a vote that ends leaves the room on the whole tree until the facilitator
    // selects again
    store.setState((s) => ({ lists: { ...s.lists, votes: [] as never } }))
    let track = startSpotlight(store.getState())
    expect(JSON.parse(track.sent)).toEqual({ canvas: 'problems', id: 'a' })
    withVote('open')
    track = nextSpotlight(track, store.getState(), spotCards(store.getState()))
    expect(JSON.parse(track.sent)).toBeNull()
    withVote('closed')
    track = nextSpotlight(track, store.getState(), spotCards(store.getState()))
    expect(JSON.parse(track.sent)).toBeNull()
    select([card('a', false), card('b', true)])
    track = nextSpotlight(track, store.getState(), spotCards(store.getState()))
    expect(JSON.parse(track.sent)).toEqual({ canvas: 'problems', id: 'b' })
    // a card selected as it is created (not among the cards before the change) stays out of
    // the spotlight: while written, then while it stays selected, until it is clicked
    const before = spotCards(store.getState())
    select([card('a', false), card('b', false), card('n', true)])
    track = nextSpotlight(track, store.getState(), before)
    expect(JSON.parse(track.sent)).toBeNull()
    store.setState({ editingId: 'n' })
    expect(JSON.parse(pointAt(track, store.getState(), 'n').sent)).toBeNull()
    store.setState({ editingId: null })
    track = nextSpotlight(track, store.getState(), spotCards(store.getState()))
    expect(JSON.parse(track.sent)).toBeNull()
    track = pointAt(track, store.getState(), 'n')
    expect(JSON.parse(track.sent)).toEqual({ canvas: 'problems', id: 'n' })
    // selecting another card (a click, the arrows) spotlights it as before
    select([card('a', true), card('b', false), card('n', false)])
    track = nextSpotlight(track, store.getState(), spotCards(store.getState()))
    expect(JSON.parse(track.sent)).toEqual({ canvas: 'problems', id: 'a' })
    // a phase without a tree has no spotlight
    store.setState({ tab: 'stakeholders' })
    select([card('a', true)])
    expect(spotlightOf(store.getState())).toBeNull()
  })

  it('shows a revealed vote’s ranking over its canvas only, not over the same phase’s tables', () => {
    const store = createBoardStore({ boardId: 'x', role: 'participant' })
    store.setState({ tab: 'objectives' })
    expect(canvasOf(store.getState())).toBe('objectives')
    // the strategy or the logframe of the Obiettivi phase, the stakeholders' register
    store.setState({ canvasInView: false })
    expect(canvasOf(store.getState())).toBeNull()
    store.setState({ tab: 'pact', canvasInView: true })
    expect(canvasOf(store.getState())).toBeNull()
  })
})
