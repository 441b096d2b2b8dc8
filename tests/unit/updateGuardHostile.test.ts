import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  canvasRoots,
  collectionRoot,
  metaRoot,
  normaliseRecord,
  collectionSpec,
  putRecord,
  ROOM_ROOT,
} from '../../shared/schema/index.ts'
import { exportBoard } from '../../shared/export/project.ts'
import { parseBoardExport } from '../../shared/export/restore.ts'
import { board, change, copyOf, judge } from './updateGuardDocs.ts'

// What a hostile participant could write with a hand-made client, found by trying it against a
// running server: each went in, was stored and relayed before the guard knew of it.

/** A list nested `levels` deep around "leaf". */
function nested(levels: number): unknown {
  let v: unknown = 'leaf'
  for (let i = 0; i < levels; i++) v = [v]
  return v
}

/** What one write on a fresh copy of `server` sends (the update, not applied). */
const write = (server: Y.Doc, fn: (doc: Y.Doc) => void) => change(copyOf(server), fn)
const cardMap = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes.get('core')!

describe('update guard: an unknown field holds JSON an export can carry and an import take', () => {
  it('refuses a value nested past 16 levels (3,000 deep is answered, not a stack overflow)', () => {
    const server = board()
    for (const levels of [17, 3_000])
      expect(
        judge(
          server,
          write(server, (d) => cardMap(d).set('extra', nested(levels))),
        ),
      ).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/extra.*16 levels/) })
    // a nested type is no plain value either
    expect(
      judge(
        server,
        write(server, (d) => cardMap(d).set('extra', new Y.Map())),
      )?.kind,
    ).toBe('malformed')
  })

  it('takes 16 levels, which export and import again with the card', () => {
    const server = board()
    const update = write(server, (d) => cardMap(d).set('extra', nested(16)))
    expect(judge(server, update)).toBeNull()
    Y.applyUpdate(server, update)
    const exported = JSON.parse(JSON.stringify(exportBoard(server))) as unknown
    const parsed = parseBoardExport(exported)
    expect(parsed.ok).toBe(true)
    const card = (exported as { canvases: { problems: { nodes: Record<string, unknown>[] } } })
      .canvases.problems.nodes[0]!
    expect(card.extra).toEqual(nested(16))
  })

  it('a value stored before the guard knew (3,000 deep) is left out of what everyone reads', () => {
    const doc = board()
    cardMap(doc).set('extra', nested(3_000))
    const read = normaliseRecord(collectionSpec('problems.nodes'), 'core', cardMap(doc))
    expect(read).toMatchObject({ label: 'Core' })
    expect(read).not.toHaveProperty('extra')
    // and the board exports (it answered 500 on every export: zod overflowed the stack)
    expect(() => exportBoard(doc)).not.toThrow()
  })

  it("Object's own names: __proto__ is no field; constructor is an unknown field, kept", () => {
    const server = board()
    expect(
      judge(
        server,
        write(server, (d) => cardMap(d).set('__proto__', { label: 'forged' })),
      )?.kind,
    ).toBe('malformed')
    const update = write(server, (d) => cardMap(d).set('constructor', 'x'))
    expect(judge(server, update)).toBeNull()
    Y.applyUpdate(server, update)
    expect(
      normaliseRecord(collectionSpec('problems.nodes'), 'core', cardMap(server)),
    ).toMatchObject({ label: 'Core', constructor: 'x' })
    // the room's own names are refused as values that fit no key, not by a crash
    expect(
      judge(
        server,
        write(server, (d) => d.getMap(ROOM_ROOT).set('__proto__', 1)),
        true,
      ),
    ).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/does not fit/) })
    expect(
      judge(
        server,
        write(server, (d) => d.getMap(ROOM_ROOT).set('constructor', 1)),
        true,
      ),
    ).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/does not fit/) })
  })

  it('refuses anything nested in a plain field or in a text but characters', () => {
    const server = board()
    // a text field as a shared text, with a map embedded in it
    const embedded = write(server, (d) => {
      const label = cardMap(d).get('label') as Y.Text
      label.insertEmbed(0, new Y.Map())
    })
    expect(judge(server, embedded)).toMatchObject({
      kind: 'malformed',
      reason: expect.stringMatching(/characters only/),
    })
    expect(
      judge(
        server,
        write(server, (d) => (cardMap(d).get('label') as Y.Text).insert(0, 'Sì, ')),
      ),
    ).toBeNull()
  })
})

describe('update guard: nothing is written outside the board', () => {
  it('refuses a root the board does not have, from the facilitator too', () => {
    const server = board()
    for (const facilitator of [false, true]) {
      expect(
        judge(
          server,
          write(server, (d) => d.getMap('zzz').set('k', 'x'.repeat(1000))),
          facilitator,
        ),
      ).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/zzz: not a root/) })
      expect(
        judge(
          server,
          write(server, (d) => d.getArray('junk').insert(0, [1])),
          facilitator,
        )?.kind,
      ).toBe('malformed')
    }
  })

  it('refuses a list item in meta: meta holds values under keys', () => {
    const server = board()
    // a map root written as a list by a client that reads the name as an array
    const listed = copyOf(server)
    const update = change(listed, (d) => d.getArray('meta').insert(0, ['x']))
    expect(judge(server, update)).toMatchObject({
      kind: 'malformed',
      reason: expect.stringMatching(/meta.*under keys/),
    })
    expect(
      judge(
        server,
        write(server, (d) => metaRoot(d).set('title', 'Patto Valle')),
      ),
    ).toBeNull()
  })
})

describe('update guard: a dot goes only into an open vote, whatever order an update lists it in', () => {
  it('refuses one update writing a dot into an open vote and, from a second client, into a revealed one', () => {
    const server = board()
    const facilitator = copyOf(server)
    const votes = change(facilitator, (d) => {
      const vote = { canvas: 'problems', label: 'Priorità', dots: 3 }
      putRecord(d, 'votes', 'vopen', { ...vote, state: 'open' })
      putRecord(d, 'votes', 'vdone', { ...vote, state: 'revealed' })
    })
    expect(judge(server, votes, true)).toBeNull()
    Y.applyUpdate(server, votes)
    // two documents of one participant: the higher client id overwrites the dot's vote, and
    // Yjs lists its struct first, so the losing value comes last in the update
    const low = new Y.Doc({ gc: false })
    low.clientID = 1000
    Y.applyUpdate(low, Y.encodeStateAsUpdate(server))
    const placed = change(low, (d) =>
      putRecord(d, 'votes.dots', 'd1', { vote: 'vopen', card: 'core', voter: 'anna' }),
    )
    const high = new Y.Doc({ gc: false })
    high.clientID = 4_000_000_000
    Y.applyUpdate(high, Y.encodeStateAsUpdate(low))
    change(high, (d) => collectionRoot(d, 'votes.dots').get('d1')!.set('vote', 'vdone'))
    const both = Y.encodeStateAsUpdate(high, Y.encodeStateVector(server))
    // applied, the dot would be in the revealed vote
    const probe = copyOf(server)
    Y.applyUpdate(probe, both)
    expect(collectionRoot(probe, 'votes.dots').get('d1')?.get('vote')).toBe('vdone')
    expect(judge(server, both)).toMatchObject({
      kind: 'malformed',
      reason: expect.stringMatching(/d1: two values of its vote/),
    })
    // the honest placing alone goes in
    expect(judge(server, placed)).toBeNull()
  })
})
