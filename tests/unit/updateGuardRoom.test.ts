import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  canvasRoots,
  collectionRoot,
  initBoard,
  judgeUpdate,
  putCard,
  takeBackDots,
  putRecord,
  ROOM_ROOT,
} from '../../shared/schema/index.ts'

/**
 * A server document, the facilitator's client and a participant's, all in sync. `send` judges
 * what one client wrote since its last call and applies it on the server (and on the other
 * client) when it passes, as the server would.
 */
function room() {
  const server = new Y.Doc()
  initBoard(server, 'Patto', '2026-01-01T00:00:00.000Z')
  putCard(server, 'problems', 'core', { kind: 'problem', label: 'Core', x: 0, y: 0, role: 'core' })
  putCard(server, 'stakeholders', 'comune', {
    kind: 'actor',
    label: 'Comune',
    category: 'public',
    x: 0,
    y: 0,
    power: 0.5,
    interest: 0.5,
  })
  const copy = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    return doc
  }
  const clients = { facilitator: copy(), participant: copy() }
  type Who = keyof typeof clients
  /** After a refusal the server closes that connection: the next write starts from a fresh copy. */
  const send = (who: Who, write: (doc: Y.Doc) => void) => {
    const from = clients[who]
    const sv = Y.encodeStateVector(server)
    from.transact(() => write(from))
    const update = Y.encodeStateAsUpdate(from, sv)
    const refusal = judgeUpdate(server, Y.decodeUpdate(update), {
      facilitator: who === 'facilitator',
    })
    if (refusal && refusal.kind !== 'late-dots') clients[who] = copy()
    else {
      Y.applyUpdate(server, update)
      // dots that came after their vote closed go in, and the server takes them back at once
      if (refusal) takeBackDots(server, refusal.dots)
      for (const doc of Object.values(clients))
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)))
    }
    return refusal
  }
  send.client = (who: Who) => clients[who]
  /** What a client that deletes with `write` from the server's state sends (not applied). */
  const deletion = (write: (doc: Y.Doc) => void) => {
    const doc = copy()
    const sv = Y.encodeStateVector(doc)
    write(doc)
    return Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv))
  }
  const facilitator = 'facilitator' as const
  const participant = 'participant' as const
  const roomMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOM_ROOT)
  const openVote = (id: string, dots: number, state = 'open') =>
    send(facilitator, (d) =>
      putRecord(d, 'votes', id, {
        canvas: 'problems',
        label: 'Priorità',
        dots,
        state,
        createdAt: '2026-01-01T10:00:00.000Z',
      }),
    )
  const dot = (id: string, vote: string, voter = 'anna', card = 'core') =>
    send(participant, (d) => putRecord(d, 'votes.dots', id, { vote, card, voter }))
  return { server, facilitator, participant, send, deletion, roomMap, openVote, dot }
}

describe('update guard: what the facilitator decides, the server enforces', () => {
  it("refuses a participant's change of the room (timer, pause, locks), even one it deletes at once", () => {
    const { participant, facilitator, send, deletion, roomMap, server } = room()
    const timer = { durationMs: 60_000, running: true, endsAt: 1_000, remainingMs: 60_000 }
    expect(send(participant, (d) => roomMap(d).set('timer', timer))).toMatchObject({
      kind: 'facilitator',
    })
    expect(send(participant, (d) => roomMap(d).set('frozen', true))?.kind).toBe('facilitator')
    // set and deleted in one transaction: the update carries a deleted item under the key
    const sneaky = send(participant, (d) => {
      roomMap(d).set('frozen', false)
      roomMap(d).delete('frozen')
    })
    expect(sneaky?.kind).toBe('facilitator')
    expect(send(facilitator, (d) => roomMap(d).set('timer', timer))).toBeNull()
    expect(send(facilitator, (d) => roomMap(d).set('frozen', false))).toBeNull()
    expect(roomMap(server).get('timer')).toEqual(timer)
    // deleting what the facilitator set is changing it
    const timerGone = deletion((d) => roomMap(d).delete('timer'))
    expect(judgeUpdate(server, timerGone, { facilitator: false })?.kind).toBe('facilitator')
    expect(judgeUpdate(server, timerGone, { facilitator: true })).toBeNull()
  })

  it("refuses the facilitator's room values that do not fit, and nested types", () => {
    const { facilitator, send, roomMap } = room()
    expect(send(facilitator, (d) => roomMap(d).set('timer', { running: 'yes' }))?.kind).toBe(
      'malformed',
    )
    expect(send(facilitator, (d) => roomMap(d).set('locks', ['nowhere']))?.reason).toMatch(
      /room\.locks/,
    )
    expect(send(facilitator, (d) => roomMap(d).set('view', new Y.Map()))?.kind).toBe('malformed')
    expect(send(facilitator, (d) => roomMap(d).set('locks', ['problems']))).toBeNull()
  })

  it('refuses a restore notice from any client, the facilitator too: only the server writes it', () => {
    const { facilitator, participant, send, deletion, roomMap, server } = room()
    const forged = { at: 8.64e15, by: 'Nessuno', added: 1, removed: 0, changed: 0 }
    expect(send(facilitator, (d) => roomMap(d).set('restored', forged))).toMatchObject({
      kind: 'malformed',
      reason: 'room.restored is written by the server only',
    })
    expect(send(participant, (d) => roomMap(d).set('restored', forged))).not.toBeNull()
    // the server's own notice (a restore) is not deleted by a client either
    roomMap(server).set('restored', { at: 1, by: null, added: 0, removed: 1, changed: 0 })
    const noticeGone = deletion((d) => roomMap(d).delete('restored'))
    expect(judgeUpdate(server, noticeGone, { facilitator: true })?.kind).toBe('malformed')
  })

  it('refuses a participant opening, closing or deleting a vote', () => {
    const { participant, send, openVote, server } = room()
    expect(openVote('v1', 3)).toBeNull()
    expect(
      send(participant, (d) =>
        putRecord(d, 'votes', 'v2', { canvas: 'problems', label: '', dots: 3, state: 'open' }),
      )?.kind,
    ).toBe('facilitator')
    const vote = (d: Y.Doc) => collectionRoot(d, 'votes').get('v1')!
    expect(send(participant, (d) => vote(d).set('state', 'revealed'))?.kind).toBe('facilitator')
    // a field deleted inside the facilitator's record: found through its parents
    expect(send(participant, (d) => vote(d).delete('state'))?.kind).toBe('facilitator')
    expect(send(participant, (d) => collectionRoot(d, 'votes').delete('v1'))?.kind).toBe(
      'facilitator',
    )
    expect(collectionRoot(server, 'votes').get('v1')?.get('state')).toBe('open')
  })

  it("refuses every participant's change on a frozen board, not the facilitator's", () => {
    const { participant, facilitator, send, roomMap } = room()
    expect(send(facilitator, (d) => roomMap(d).set('frozen', true))).toBeNull()
    const card = { kind: 'problem', label: 'Nuova', x: 0, y: 0, role: 'cause' }
    expect(send(participant, (d) => putCard(d, 'problems', 'p1', card))?.kind).toBe('frozen')
    expect(send(participant, (d) => deleteCardMap(d, 'core'))?.kind).toBe('frozen')
    expect(send(facilitator, (d) => putCard(d, 'problems', 'f1', card))).toBeNull()
    expect(send(facilitator, (d) => roomMap(d).set('frozen', false))).toBeNull()
    expect(send(participant, (d) => putCard(d, 'problems', 'p2', card))).toBeNull()
  })

  it('refuses changes to a locked phase (cards, their text, deletions) but not to the others', () => {
    const { participant, facilitator, send, roomMap } = room()
    expect(send(facilitator, (d) => roomMap(d).set('locks', ['problems']))).toBeNull()
    const card = { kind: 'problem', label: 'Nuova', x: 0, y: 0, role: 'cause' }
    expect(send(participant, (d) => putCard(d, 'problems', 'p1', card))?.kind).toBe('locked')
    const label = (d: Y.Doc) => canvasRoots(d, 'problems').nodes.get('core')!.get('label') as Y.Text
    expect(send(participant, (d) => label(d).insert(0, 'Il '))?.kind).toBe('locked')
    expect(send(participant, (d) => label(d).delete(0, 2))?.kind).toBe('locked')
    expect(send(participant, (d) => deleteCardMap(d, 'core'))?.kind).toBe('locked')
    const actor = (d: Y.Doc) => canvasRoots(d, 'stakeholders').nodes.get('comune')!
    expect(send(participant, (d) => actor(d).set('power', 0.9))).toBeNull()
    expect(send(facilitator, (d) => label(d).insert(0, 'Il '))).toBeNull()
    expect(send(facilitator, (d) => roomMap(d).set('locks', []))).toBeNull()
    expect(send(participant, (d) => putCard(d, 'problems', 'p1', card))).toBeNull()
  })

  it('places what an update adds next to the document’s own items, whatever a resent copy of them claims', () => {
    const { facilitator, send, roomMap, server } = room()
    const P = 4242
    const before = Y.encodeStateAsUpdate(server)
    const label = (d: Y.Doc, canvas: 'problems' | 'stakeholders', id: string) =>
      canvasRoots(d, canvas).nodes.get(id)!.get('label') as Y.Text
    // client P writes three letters into the problem tree while it is open
    const honest = new Y.Doc()
    honest.clientID = P
    Y.applyUpdate(honest, before)
    const sv = Y.encodeStateVector(honest)
    label(honest, 'problems', 'core').insert(0, 'Il ')
    const first = Y.encodeStateAsUpdate(honest, sv)
    expect(judgeUpdate(server, Y.decodeUpdate(first), { facilitator: false })).toBeNull()
    Y.applyUpdate(server, first)
    expect(send(facilitator, (d) => roomMap(d).set('locks', ['problems']))).toBeNull()
    // a forged copy of those letters (same client, same clocks) in the actor's label, which is
    // open, and one more thing after them: Yjs puts it after the document's own letters
    const forge = (more: (t: Y.Text) => void) => {
      const f = new Y.Doc()
      f.clientID = P
      Y.applyUpdate(f, before)
      const at = Y.encodeStateVector(f)
      label(f, 'stakeholders', 'comune').insert(0, 'Il ')
      more(label(f, 'stakeholders', 'comune'))
      return Y.encodeStateAsUpdate(f, at)
    }
    // one struct the document partly holds, its new part written next to the document's
    const merged = forge((t) => t.insert(3, 'x'))
    // a struct of its own after the resent copy
    const apart = forge((t) => t.insertEmbed(3, { x: 1 }))
    for (const update of [merged, apart]) {
      const probe = new Y.Doc()
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(server))
      Y.applyUpdate(probe, update)
      // what Yjs does with it: the locked problem tree changes
      expect(label(probe, 'problems', 'core').toDelta()).not.toEqual(
        label(server, 'problems', 'core').toDelta(),
      )
      expect(judgeUpdate(server, Y.decodeUpdate(update), { facilitator: false })?.kind).toBe(
        'locked',
      )
    }
  })

  it('refuses an item nested deeper than any board, whatever order its levels come in', () => {
    const { server } = room()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const sv = Y.encodeStateVector(doc)
    // each level by a client of its own, deeper levels by higher ids: an update lists clients
    // from the highest id down, so the deepest level is read first
    let holder = canvasRoots(doc, 'stakeholders').nodes.get('comune')!
    for (let level = 1; level <= 70; level++) {
      doc.clientID = 1000 + level
      const next = new Y.Map<unknown>()
      holder.set('extra', next)
      holder = next
    }
    const update = Y.encodeStateAsUpdate(doc, sv)
    expect(judgeUpdate(server, Y.decodeUpdate(update), { facilitator: false })).toMatchObject({
      kind: 'malformed',
      reason: expect.stringMatching(/nested/),
    })
  })

  it('refuses deletions in a locked phase on a board loaded from storage, also once the server has read that root', () => {
    const { facilitator, send, roomMap, server } = room()
    expect(send(facilitator, (d) => roomMap(d).set('locks', ['problems']))).toBeNull()
    // As the server loads a board: every root of the fresh document is a placeholder until the
    // first getMap, which puts a map in its place (a judged deletion came before it here).
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(server))
    const deletion = (id: string) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(loaded))
      const sv = Y.encodeStateVector(loaded)
      deleteCardMap(doc, id)
      return judgeUpdate(loaded, Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv)), {
        facilitator: false,
      })
    }
    expect(deletion('core')?.kind).toBe('locked')
    const roots = loaded.share.size
    collectionRoot(loaded, 'problems.nodes')
    expect(loaded.share.size).toBe(roots)
    expect(deletion('core')?.kind).toBe('locked')
  })

  it("takes a participant's dots only in an open vote, and no more than the vote grants", () => {
    const { participant, facilitator, send, openVote, dot, server } = room()
    expect(openVote('v1', 2)).toBeNull()
    expect(dot('d1', 'v1')).toBeNull()
    expect(dot('d2', 'v1')).toBeNull()
    expect(dot('d3', 'v1')?.reason).toMatch(/more than 2 dots/)
    expect(dot('d3', 'v1', 'bruno')).toBeNull()
    // taking a dot back frees it
    expect(send(participant, (d) => collectionRoot(d, 'votes.dots').delete('d1'))).toBeNull()
    expect(dot('d4', 'v1')).toBeNull()
    const dots = (d: Y.Doc) => collectionRoot(d, 'votes.dots')
    const fields = (d: Y.Doc) => Object.fromEntries([...dots(d)].map(([id, m]) => [id, m.toJSON()]))
    // a dot in no vote that exists goes in, and is taken back
    expect(dot('d5', 'nonexistent')?.kind).toBe('late-dots')
    expect(dots(server).has('d5')).toBe(false)
    // closed: no dot placed, none taken back, none moved to another vote; such a change (made
    // offline while the vote was open) goes in and the server puts the dots back as they were,
    // so the rest of what that participant writes is not held behind it
    const votes = (d: Y.Doc) => collectionRoot(d, 'votes')
    expect(send(facilitator, (d) => votes(d).get('v1')!.set('state', 'closed'))).toBeNull()
    const closed = fields(server)
    const late = send(participant, (d) => {
      putRecord(d, 'votes.dots', 'd6', { vote: 'v1', card: 'core', voter: 'carla' })
      putCard(d, 'problems', 'after', { kind: 'problem', label: 'Dopo', x: 0, y: 0, role: 'cause' })
    })
    expect(late).toMatchObject({ kind: 'late-dots', dots: [{ id: 'd6', before: null }] })
    expect(canvasRoots(server, 'problems').nodes.has('after')).toBe(true)
    expect(send(participant, (d) => dots(d).delete('d2'))?.kind).toBe('late-dots')
    expect(openVote('v2', 5)).toBeNull()
    const d2 = (d: Y.Doc) => dots(d).get('d2')!
    expect(send(participant, (d) => d2(d).set('vote', 'v2'))?.kind).toBe('late-dots')
    expect(send(participant, (d) => d2(d).set('card', 'elsewhere'))?.kind).toBe('late-dots')
    expect(fields(server)).toEqual(closed)
    expect(fields(send.client(participant))).toEqual(closed)
    expect(dot('d7', 'v2')).toBeNull()
    expect(dots(server).size).toBe(4)
  })
})

function deleteCardMap(doc: Y.Doc, id: string) {
  canvasRoots(doc, 'problems').nodes.delete(id)
}
