import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { Awareness } from 'y-protocols/awareness'
import {
  canvasRoots,
  collectionRoot,
  initBoard,
  metaRoot,
  putCard,
  putRecord,
  refuseUpdate,
} from '../../shared/schema/index.ts'
import { createBoardStore } from '../../client/store/boardStore.ts'
import { createBoardActions } from '../../client/store/actions.ts'
import { PhaseUndo } from '../../client/store/origin.ts'

/** A server document and a client in sync with it; `sent` collects the client's updates. */
function setup() {
  const server = new Y.Doc()
  initBoard(server, 'Patto', '2026-01-01T00:00:00.000Z')
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const sent: Uint8Array[] = []
  client.on('update', (u: Uint8Array) => sent.push(u))
  /** What the server would decide about everything the client sent since the last call. */
  const verdicts = () =>
    sent.splice(0).map((u) => {
      const refusal = refuseUpdate(server, Y.decodeUpdate(u))
      if (!refusal) Y.applyUpdate(server, u)
      return refusal
    })
  /** What the server would decide about one write made on a fresh copy of its document (after
   * a refusal the server closes or drops that client's update: nothing may build on it). */
  const fresh = (write: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const sv = Y.encodeStateVector(doc)
    doc.transact(() => write(doc))
    return refuseUpdate(server, Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv)))
  }
  return { server, client, verdicts, fresh }
}

describe('update guard: what a participant may write', () => {
  it('lets every action of the page through', () => {
    const { client, verdicts, server } = setup()
    const store = createBoardStore({ boardId: 'b', role: 'participant', userName: 'Anna' })
    const undo = new PhaseUndo(client)
    const actions = createBoardActions(client, store, new Awareness(client), undo)
    const a = actions.addProblem({ x: 1, y: 2 }, 'core', 'Disoccupazione')!
    const b = actions.addProblem({ x: 1, y: 200 }, 'cause')!
    actions.editText('problems.nodes', b, 'label', 'Pochi tirocini')
    actions.editText('problems.nodes', b, 'label', 'Pochi tirocini per NEET')
    actions.editText('problems.nodes', b, 'note', 'dati 2025')
    actions.linkCauseToEffect(b, a)
    actions.moveCards('problems', new Map([[a, { x: 10, y: 20 }]]))
    actions.addCard(
      'stakeholders',
      {
        kind: 'actor',
        label: 'Comune',
        category: 'public',
        power: 0.8,
        interest: 0.4,
        stance: 'neutral',
        desiredStance: 'supports',
      },
      { x: 0, y: 0 },
    )
    actions.putRecord('logframe.rows', {
      level: 'overall',
      objective: null,
      text: '',
      indicators: '',
      sources: '',
      assumptions: '',
      order: 0,
    })
    actions.undo()
    actions.redo()
    actions.removeCards('problems', [a])
    actions.setTab('objectives')
    const out = verdicts()
    expect(out.length).toBeGreaterThan(8)
    expect(out.filter((v) => v !== null)).toEqual([])
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(client))
  })

  it('refuses a delete set over clocks nobody has written (the black hole)', () => {
    const { server, client, verdicts } = setup()
    putCard(client, 'problems', 'mine', { kind: 'problem', label: 'Mia', x: 0, y: 0, role: 'core' })
    expect(verdicts()).toEqual([null])
    // The attacker writes, as the victim's client id, content it then deletes, and sends only
    // the delete set: clocks the server has never seen.
    const ahead = new Y.Doc()
    ahead.clientID = client.clientID
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(server))
    metaRoot(ahead).set('x', 'y'.repeat(50))
    metaRoot(ahead).delete('x')
    const onlyDeletes = Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(ahead))
    expect(Y.decodeUpdate(onlyDeletes).structs).toHaveLength(0)
    expect(refuseUpdate(server, Y.decodeUpdate(onlyDeletes))).toMatch(/does not have/)
    // the same delete set is fine once the content it deletes exists
    Y.applyUpdate(server, Y.encodeStateAsUpdate(ahead))
    expect(refuseUpdate(server, Y.decodeUpdate(onlyDeletes))).toBeNull()
  })

  it('refuses an empty deletion, which would make every client that receives it throw', () => {
    const { server, client, verdicts } = setup()
    putCard(client, 'problems', 'mine', { kind: 'problem', label: 'Mia', x: 0, y: 0, role: 'core' })
    expect(verdicts()).toEqual([null])
    // a version 1 update with no structs and one delete range of length 0, at the clock the
    // server expects next from this client: Yjs keeps it for later, and throws writing it
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0) // clients with structs
    encoding.writeVarUint(e, 1) // clients with deletions
    encoding.writeVarUint(e, client.clientID)
    encoding.writeVarUint(e, 1) // ranges
    encoding.writeVarUint(e, Y.getState(server.store, client.clientID))
    encoding.writeVarUint(e, 0) // length
    const empty = encoding.toUint8Array(e)
    expect(() => Y.applyUpdate(new Y.Doc(), empty)).toThrow()
    expect(refuseUpdate(server, Y.decodeUpdate(empty))).toMatch(/empty deletion/)
  })

  it('refuses a string or a plain object where a card goes', () => {
    const { fresh } = setup()
    const nodes = (d: Y.Doc) => canvasRoots(d, 'problems').nodes as Y.Map<unknown>
    expect(fresh((d) => nodes(d).set('s', 'not a card'))).toMatch(
      /problems\.nodes\.s: a record must be a map/,
    )
    expect(fresh((d) => nodes(d).set('o', { label: 'x', x: 1 }))).toMatch(
      /problems\.nodes\.o: a record must be a map/,
    )
  })

  it('refuses a nested type, or a value of the wrong type, where a plain field goes', () => {
    const { client, verdicts, fresh } = setup()
    putCard(client, 'problems', 'c1', { kind: 'problem', label: 'c1', x: 0, y: 0, role: 'cause' })
    expect(verdicts()).toEqual([null])
    const card = (d: Y.Doc) => canvasRoots(d, 'problems').nodes.get('c1')!
    expect(fresh((d) => card(d).set('x', new Y.Map()))).toMatch(/field x: a plain value expected/)
    expect(fresh((d) => card(d).set('x', 'left'))).toMatch(/field x: "left" does not fit/)
    expect(fresh((d) => card(d).set('role', 'villain'))).toMatch(
      /field role: "villain" does not fit/,
    )
    expect(fresh((d) => card(d).set('label', 12345))).toMatch(/field label: text expected/)
  })

  it('lets plain strings in text fields and unknown fields through (stock and newer clients)', () => {
    const { client, verdicts } = setup()
    const record = new Y.Map<unknown>()
    record.set('kind', 'problem')
    record.set('label', 'scritta da un client Yjs')
    record.set('role', 'effect')
    record.set('x', 3)
    record.set('y', 4)
    record.set('futureField', { anything: [1, 2] })
    collectionRoot(client, 'problems.nodes').set('stock', record)
    expect(verdicts()).toEqual([null])
  })

  it("refuses a participant's change of what the facilitator decides, the facilitator's passes", () => {
    const { server, client } = setup()
    const sv = Y.encodeStateVector(client)
    metaRoot(client).set('phase', 'pact')
    const phase = Y.decodeUpdate(Y.encodeStateAsUpdate(client, sv))
    expect(refuseUpdate(server, phase, { facilitator: false })).toMatch(/only the facilitator/)
    expect(refuseUpdate(server, phase, { facilitator: true })).toBeNull()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv)) // the facilitator's, accepted
    const sv2 = Y.encodeStateVector(client)
    metaRoot(client).set('chosenStrategy', 'c1')
    const chosen = Y.decodeUpdate(Y.encodeStateAsUpdate(client, sv2))
    expect(refuseUpdate(server, chosen, { facilitator: false })).toMatch(/meta\.chosenStrategy/)
    // deleting the phase is changing it too
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server))
    const sv3 = Y.encodeStateVector(other)
    metaRoot(other).delete('phase')
    const deletion = Y.decodeUpdate(Y.encodeStateAsUpdate(other, sv3))
    expect(refuseUpdate(server, deletion, { facilitator: false })).toMatch(/meta\.phase/)
    // a participant's cards are not the facilitator's business, even sent with the whole delete
    // set of a document that saw the facilitator change the phase (a reconnect's sync step 2)
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    const sv4 = Y.encodeStateVector(fresh)
    putCard(fresh, 'problems', 'p', { kind: 'problem', label: 'P', x: 0, y: 0, role: 'core' })
    expect(
      refuseUpdate(server, Y.decodeUpdate(Y.encodeStateAsUpdate(fresh, sv4)), {
        facilitator: false,
      }),
    ).toBeNull()
  })
})
