import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canvasRoots, metaRoot, putCard } from '../../shared/schema/index.ts'
import { dropPending, integrationProblem } from '../../shared/schema/integrable.ts'
import { judgeUpdate } from '../../shared/schema/updateGuard.ts'
import {
  board,
  card,
  change,
  copyOf,
  handWritten,
  judge,
  label,
  labelOf,
  send,
  step2,
  yjsKeepsPending,
} from './updateGuardDocs.ts'

/** Text typed into a card another client made, which the server never got. */
function typedIntoUnknownCard() {
  const server = board()
  const a = copyOf(server)
  const b = copyOf(server)
  change(a, (d) => putCard(d, 'problems', 'new', card('new', '')))
  Y.applyUpdate(b, step2(a, b))
  const typed = change(b, (d) => label(d, 'new').insert(0, 'Testo'))
  return { server, typed }
}

describe('update guard: what would stay pending is refused', () => {
  it('an item whose origin the server lacks (another client wrote it, and it has not arrived)', () => {
    const server = board()
    const a = copyOf(server)
    const b = copyOf(server)
    change(a, (d) => label(d, 'core').insert(4, ' A'))
    Y.applyUpdate(b, step2(a, b)) // b saw a's edit directly; the server did not
    const typed = change(b, (d) => label(d, 'core').insert(6, '!'))
    expect(judge(server, typed)).toMatchObject({
      kind: 'unintegrable',
      reason: expect.stringMatching(/needs content the server does not have/),
    })
    expect(yjsKeepsPending(server, typed)).toBe(true)
    // with a's edit in the same update, it goes in
    expect(send(server, Y.mergeUpdates([step2(a, server), typed]))).toBeNull()
    expect(labelOf(server, 'core')).toBe('Core A!')
  })

  it('an item whose right origin the server lacks', () => {
    const server = board()
    const a = copyOf(server)
    const b = copyOf(server)
    change(a, (d) => label(d, 'core').insert(0, 'Il '))
    Y.applyUpdate(b, step2(a, b))
    const before = change(b, (d) => label(d, 'core').insert(0, '>'))
    expect(Y.decodeUpdate(before).structs[0]).toMatchObject({ rightOrigin: { client: a.clientID } })
    expect(judge(server, before)?.kind).toBe('unintegrable')
    expect(yjsKeepsPending(server, before)).toBe(true)
  })

  it('an item whose parent the server lacks (text written into a card it never got)', () => {
    const { server, typed } = typedIntoUnknownCard()
    expect(judge(server, typed)?.kind).toBe('unintegrable')
    expect(yjsKeepsPending(server, typed)).toBe(true)
  })

  it("a client's structs starting past the server's clock for it (a gap)", () => {
    const server = board()
    const a = copyOf(server)
    const first = change(a, (d) => putCard(d, 'problems', 'p1', card('p1')))
    const second = change(a, (d) => putCard(d, 'problems', 'p2', card('p2')))
    expect(judge(server, second)).toMatchObject({
      kind: 'unintegrable',
      reason: expect.stringMatching(/starts at clock \d+, past the server's \d+/),
    })
    expect(yjsKeepsPending(server, second)).toBe(true)
    // merged without the first: the gap is a skip, and what follows it stays pending
    const third = change(a, (d) => putCard(d, 'problems', 'p3', card('p3')))
    const skipping = Y.mergeUpdates([first, third])
    expect(Y.decodeUpdate(skipping).structs.some((s) => s instanceof Y.Skip)).toBe(true)
    expect(judge(server, skipping)?.kind).toBe('unintegrable')
    expect(yjsKeepsPending(server, skipping)).toBe(true)
    expect(send(server, Y.mergeUpdates([first, second, third]))).toBeNull()
  })

  it('deletions of clocks the server does not have, wholly or in part', () => {
    const server = board()
    const a = copyOf(server)
    const b = copyOf(server)
    change(a, (d) => putCard(d, 'problems', 'p1', card('p1')))
    Y.applyUpdate(b, step2(a, b))
    const deletion = change(b, (d) => canvasRoots(d, 'problems').nodes.delete('p1'))
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0)
    expect(judge(server, deletion)).toMatchObject({
      kind: 'unintegrable',
      reason: expect.stringMatching(/deletes content the server does not have/),
    })
    expect(yjsKeepsPending(server, deletion)).toBe(true)

    // a range that starts in what the server has and ends past it: refused as a whole
    const server2 = board()
    const c = copyOf(server2)
    const typed = change(c, (d) => label(d, 'core').insert(4, 'abcdef'))
    Y.applyUpdate(server2, Y.mergeUpdates([typed]))
    const more = change(c, (d) => label(d, 'core').insert(10, 'ghi'))
    const both = change(c, (d) => label(d, 'core').delete(4, 9)) // all nine, in one range
    const ranges = Y.decodeUpdate(both).ds.clients.get(c.clientID)!
    expect(ranges).toEqual([expect.objectContaining({ len: 9 })])
    expect(judge(server2, both)?.kind).toBe('unintegrable')
    expect(yjsKeepsPending(server2, both)).toBe(true)
    // the same range once the server has what it covers
    expect(send(server2, more)).toBeNull()
    expect(send(server2, both)).toBeNull()
    expect(labelOf(server2, 'core')).toBe('Core')
  })

  it('the black hole: deletions written ahead as the victim, over clocks nobody has yet', () => {
    const server = board()
    const victim = copyOf(server)
    expect(
      send(
        server,
        change(victim, (d) => putCard(d, 'problems', 'v1', card('v1'))),
      ),
    ).toBeNull()
    const ahead = copyOf(server)
    ahead.clientID = victim.clientID // after the copy: Yjs would pick another id on seeing its own
    metaRoot(ahead).set('x', 'y'.repeat(50))
    metaRoot(ahead).delete('x')
    const onlyDeletes = Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(ahead))
    expect(judge(server, onlyDeletes)?.kind).toBe('unintegrable')
    // what it would have done: the victim's next card, deleted on arrival
    const copy = copyOf(server)
    Y.applyUpdate(copy, onlyDeletes)
    Y.applyUpdate(
      copy,
      change(victim, (d) => putCard(d, 'problems', 'v2', card('v2'))),
    )
    expect(canvasRoots(copy, 'problems').nodes.has('v2')).toBe(false)
  })

  it('a dependency cycle between two clients (no encoder writes one): both would stay pending', () => {
    const server = board()
    const update = handWritten([
      { client: 901, clock: 0, items: [{ origin: [902, 0] }] },
      { client: 902, clock: 0, items: [{ origin: [901, 0] }] },
    ])
    expect(judge(server, update)?.kind).toBe('unintegrable')
    expect(yjsKeepsPending(server, update)).toBe(true)
    // the same two items in an order that exists: one on a root, the other after it
    const chain = handWritten([
      { client: 901, clock: 0, items: [{ origin: [902, 0] }] },
      { client: 902, clock: 0, items: [{ root: 'meta', key: 'scratch' }] },
    ])
    expect(judge(server, chain)).toBeNull()
    expect(yjsKeepsPending(server, chain)).toBe(false)
  })
})

describe('update guard: what no encoder writes is malformed (final)', () => {
  it("an item referring to its own client's later content: Yjs throws applying it", () => {
    const server = board()
    const update = handWritten([{ client: 903, clock: 0, items: [{ origin: [903, 5] }] }])
    expect(judge(server, update)).toMatchObject({
      kind: 'malformed',
      reason: expect.stringMatching(/refers to clock 5/),
    })
    expect(() => Y.applyUpdate(copyOf(server), update)).toThrow()
  })

  it('a client written twice: Yjs keeps the last block only, even an empty one', () => {
    const server = board()
    const twice = handWritten([
      { client: 904, clock: 0, items: [{ root: 'scratch' }] },
      { client: 904, clock: 1, items: [{ root: 'scratch' }] },
    ])
    expect(judge(server, twice)?.kind).toBe('malformed')
    const emptied = handWritten([
      { client: 904, clock: 0, items: [{ root: 'scratch' }] },
      { client: 904, clock: 0, items: [] },
    ])
    expect(judge(server, emptied)).toMatchObject({ kind: 'malformed' })
    const copy = copyOf(server)
    Y.applyUpdate(copy, emptied)
    expect(Y.getState(copy.store, 904)).toBe(0) // the first block was dropped
    // without the bytes the decoded structs cannot tell
    expect(integrationProblem(server, Y.decodeUpdate(emptied))).toBeNull()
  })

  it('what builds on updates accepted and still waiting to be stored integrates, given their clocks', () => {
    const server = board()
    const writer = copyOf(server)
    const first = change(writer, (d) => label(d, 'core').insert(4, ' uno'))
    const next = change(writer, (d) => label(d, 'core').insert(8, ' due'))
    // alone, the next keystroke starts past the server's clock for the writer
    expect(judge(server, next)?.kind).toBe('unintegrable')
    // with the first one queued (accepted, in the group commit), it goes in the same batch
    const queued = new Map<number, number>()
    for (const s of Y.decodeUpdate(first).structs)
      queued.set(s.id.client, Math.max(queued.get(s.id.client) ?? 0, s.id.clock + s.length))
    expect(
      judgeUpdate(server, Y.decodeUpdate(next), { facilitator: false }, next, queued),
    ).toBeNull()
    // what the queue does not hold is still refused
    const later = change(writer, (d) => label(d, 'core').insert(12, ' tre'))
    expect(
      judgeUpdate(server, Y.decodeUpdate(later), { facilitator: false }, later, queued)?.kind,
    ).toBe('unintegrable')
    // applied in order, nothing stays pending
    for (const u of [first, next]) Y.applyUpdate(server, u)
    expect(labelOf(server, 'core')).toBe('Core uno due')
  })

  it('dropPending takes out what a document holds pending, so its next sync no longer carries it', () => {
    const { server, typed } = typedIntoUnknownCard()
    const holder = copyOf(server)
    Y.applyUpdate(holder, typed)
    expect(yjsKeepsPending(server, typed)).toBe(true)
    expect(dropPending(holder)).toBe(true)
    expect(dropPending(holder)).toBe(false)
    // its answer to a sync step 1 now integrates wherever it goes
    expect(judge(server, step2(holder, server))).toBeNull()
    expect(yjsKeepsPending(server, Y.encodeStateAsUpdate(holder))).toBe(false)
  })
})
