import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SCHEMA_VERSION,
  collectionRoot,
  editRecordIdSet,
  initBoard,
  metaRoot,
  migrateDoc,
  patchRecord,
  putRecord,
  readFields,
  refuseUpdate,
} from '../../shared/schema/index.ts'

/** A board with one governance body, and `n` participants' copies of it, in sync. */
function room(n: number) {
  const server = new Y.Doc()
  initBoard(server, 'Patto', '2026-01-01T00:00:00.000Z')
  server.transact(() =>
    putRecord(server, 'pact.bodies', 'tavolo', {
      label: 'Tavolo tecnico',
      mandate: '',
      level: 'technical',
      members: ['comune'],
      lead: null,
      decision: 'consensus',
      frequency: 'monthly',
      order: 0,
    }),
  )
  const copies = Array.from({ length: n }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    return doc
  })
  /** Every copy's changes reach every other copy (as the server relays them). */
  const exchange = () => {
    const updates = copies.map((d) => Y.encodeStateAsUpdate(d))
    for (const d of copies) for (const u of updates) Y.applyUpdate(d, u)
  }
  const members = (doc: Y.Doc) =>
    readFields(collectionRoot(doc, 'pact.bodies').get('tavolo')!).members
  return { server, copies, exchange, members }
}

const edit = (doc: Y.Doc, e: { add?: string[]; remove?: string[] }) =>
  doc.transact(() => editRecordIdSet(doc, 'pact.bodies', 'tavolo', 'members', e))

describe('id sets: members, objectives and tags several people edit at once', () => {
  it('keeps every member three people add to one body at the same moment', () => {
    const { copies, exchange, members } = room(3)
    edit(copies[0]!, { add: ['caritas'] })
    edit(copies[1]!, { add: ['cpi'] })
    edit(copies[2]!, { add: ['coop'] })
    exchange()
    for (const doc of copies)
      expect([...(members(doc) as string[])].sort()).toEqual(['caritas', 'comune', 'coop', 'cpi'])
  })

  it('a removal takes out only the member removed; an id added twice reads once', () => {
    const { copies, exchange, members } = room(2)
    edit(copies[0]!, { remove: ['comune'], add: ['cpi'] })
    edit(copies[1]!, { add: ['caritas', 'cpi'] })
    exchange()
    for (const doc of copies)
      expect([...(members(doc) as string[])].sort()).toEqual(['caritas', 'cpi'])
    // the entry is there twice in the list: readers, exports and the normaliser see it once
    const list = collectionRoot(copies[0]!, 'pact.bodies').get('tavolo')!.get('members')
    expect(list).toBeInstanceOf(Y.Array)
    expect((list as Y.Array<string>).toArray().filter((id) => id === 'cpi')).toHaveLength(2)
  })

  it('a whole list written at once changes only what differs: another’s addition stays', () => {
    const { copies, exchange, members } = room(2)
    copies[0]!.transact(() =>
      patchRecord(copies[0]!, 'pact.bodies', 'tavolo', { members: ['comune', 'cpi'] }),
    )
    edit(copies[1]!, { add: ['caritas'] })
    exchange()
    expect([...(members(copies[1]!) as string[])].sort()).toEqual(['caritas', 'comune', 'cpi'])
  })

  it('keeps both first tags two people give a new card at once; undoing one keeps the other', () => {
    const { copies, exchange } = room(2)
    copies[0]!.transact(() =>
      putRecord(copies[0]!, 'problems.nodes', 'p', {
        kind: 'problem',
        label: 'NEET',
        role: 'core',
        x: 0,
        y: 0,
      }),
    )
    exchange()
    const tag = (doc: Y.Doc, id: string) =>
      doc.transact(() => editRecordIdSet(doc, 'problems.nodes', 'p', 'tags', { add: [id] }), 'me')
    const undo = new Y.UndoManager(collectionRoot(copies[0]!, 'problems.nodes'), {
      trackedOrigins: new Set(['me']),
    })
    tag(copies[0]!, 'neet')
    tag(copies[1]!, 'rom')
    exchange()
    const tags = (doc: Y.Doc) =>
      [
        ...((readFields(collectionRoot(doc, 'problems.nodes').get('p')!).tags as string[]) ?? []),
      ].sort()
    for (const doc of copies) expect(tags(doc)).toEqual(['neet', 'rom'])
    undo.undo()
    exchange()
    for (const doc of copies) expect(tags(doc)).toEqual(['rom'])
  })

  it('an older board’s plain list becomes a shared list at the first edit, its ids kept', () => {
    const { server, members } = room(0)
    const body = collectionRoot(server, 'pact.bodies').get('tavolo')!
    body.set('members', ['comune', 'cpi'])
    edit(server, { add: ['caritas'] })
    expect(body.get('members')).toBeInstanceOf(Y.Array)
    expect(members(server)).toEqual(['comune', 'cpi', 'caritas'])
  })

  it('a version-5 board: every set of ids written as a plain list becomes a shared list', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-01-01T00:00:00.000Z')
    doc.transact(() => {
      metaRoot(doc).set('schemaVersion', 5)
      const plain = (
        name: 'pact.bodies' | 'problems.nodes' | 'stakeholders.nodes',
        id: string,
        fields: object,
      ) => {
        const map = new Y.Map<unknown>()
        for (const [k, v] of Object.entries(fields)) map.set(k, v)
        collectionRoot(doc, name).set(id, map)
      }
      plain('pact.bodies', 'tavolo', { label: 'Tavolo', members: ['comune', 'cpi'] })
      plain('problems.nodes', 'p', {
        kind: 'problem',
        label: 'NEET',
        role: 'core',
        x: 0,
        y: 0,
        tags: ['neet'],
      })
      plain('stakeholders.nodes', 'a', {
        kind: 'actor',
        label: 'Comune',
        x: 0,
        y: 0,
        objectives: ['o1'],
      })
    })
    expect(migrateDoc(doc)).toMatchObject({
      ok: true,
      from: 5,
      applied: ['MakeIdSetsShared', 'AllowUndecidedGovernance'],
    })
    expect(metaRoot(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    for (const [name, id, field, ids] of [
      ['pact.bodies', 'tavolo', 'members', ['comune', 'cpi']],
      ['problems.nodes', 'p', 'tags', ['neet']],
      ['stakeholders.nodes', 'a', 'objectives', ['o1']],
    ] as const) {
      const map = collectionRoot(doc, name).get(id)!
      expect(map.get(field), name).toBeInstanceOf(Y.Array)
      expect(readFields(map)[field], name).toEqual(ids)
    }
  })
})

describe('id sets: the update guard', () => {
  /** The server's verdict on a participant's write made on a copy of its document. */
  const verdict = (server: Y.Doc, write: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const sv = Y.encodeStateVector(doc)
    doc.transact(() => write(doc))
    return refuseUpdate(server, Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv)), {
      facilitator: false,
    })
  }

  it('lets a participant’s additions and removals through, the first one included', () => {
    const { server } = room(0)
    const first = (doc: Y.Doc) => edit(doc, { add: ['cpi'] })
    expect(verdict(server, first)).toBeNull()
    server.transact(() => edit(server, { add: ['cpi'] }))
    expect(verdict(server, (doc) => edit(doc, { remove: ['comune'], add: ['caritas'] }))).toBeNull()
  })

  it('refuses what is not an id inside a set, and a shared list where no set goes', () => {
    const { server } = room(0)
    server.transact(() => edit(server, { add: ['cpi'] }))
    const list = (doc: Y.Doc) =>
      collectionRoot(doc, 'pact.bodies').get('tavolo')!.get('members') as Y.Array<unknown>
    expect(verdict(server, (doc) => list(doc).push([42]))).toMatch(/members: 42 is not an id/)
    expect(verdict(server, (doc) => list(doc).push([new Y.Map()]))).toMatch(/list of ids expected/)
    expect(
      verdict(server, (doc) =>
        collectionRoot(doc, 'pact.bodies').get('tavolo')!.set('label', new Y.Array()),
      ),
    ).toMatch(/label/)
    expect(
      verdict(server, (doc) =>
        collectionRoot(doc, 'pact.bodies').get('tavolo')!.set('decision', new Y.Array()),
      ),
    ).toMatch(/decision: a plain value expected/)
    expect(
      verdict(server, (doc) =>
        collectionRoot(doc, 'pact.bodies').get('tavolo')!.set('members', new Y.Text('x')),
      ),
    ).toMatch(/members: a shared list of ids expected/)
  })
})
