import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { integrationProblem } from '../../shared/schema/integrable.ts'
import { seededRandom } from '../helpers/fuzzNetwork.ts'
import {
  board,
  card,
  change,
  copyOf,
  judge,
  label,
  labelOf,
  pending,
  send,
  step2,
  yjsKeepsPending,
} from './updateGuardDocs.ts'

describe('update guard: honest clients are never refused for what they lack', () => {
  it('a client that was offline and made edits: its sync step 2 goes in', () => {
    const server = board()
    const client = copyOf(server)
    const other = copyOf(server)
    expect(
      send(
        server,
        change(other, (d) => putCard(d, 'problems', 'o1', card('o1'))),
      ),
    ).toBeNull()
    // offline: several edits, building on one another and on what it had
    change(client, (d) => putCard(d, 'problems', 'c1', card('c1', '')))
    change(client, (d) => label(d, 'c1').insert(0, 'Nuova'))
    change(client, (d) => label(d, 'core').insert(4, ' problema'))
    change(client, (d) => label(d, 'c1').delete(0, 1))
    change(client, (d) => canvasRoots(d, 'problems').nodes.get('core')!.set('x', 10))
    // back: the server's step 1, the client's step 2
    expect(send(server, step2(client, server))).toBeNull()
    Y.applyUpdate(client, step2(server, client))
    expect(labelOf(server, 'c1')).toBe('uova')
    expect(labelOf(server, 'core')).toBe('Core problema')
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(client))
  })

  it('an edit made while reconnecting, before the step 2: not taken, and the step 2 brings it', () => {
    const server = board()
    const client = copyOf(server)
    change(client, (d) => putCard(d, 'problems', 'c1', card('c1', '')))
    // connected again, the server's step 1 not read yet: the stock client sends this at once
    const early = change(client, (d) => label(d, 'c1').insert(0, 'Scritto'))
    expect(judge(server, early)?.kind).toBe('unintegrable')
    // the step 2 (to the connection's step 1, or to the one the server sends on refusing)
    expect(send(server, step2(client, server))).toBeNull()
    expect(labelOf(server, 'c1')).toBe('Scritto')
  })

  it('a server that lost its last updates, and clients that hold them', () => {
    const server = board()
    const older = Y.encodeStateAsUpdate(server)
    const a = copyOf(server)
    const b = copyOf(server)
    const updates: Uint8Array[] = []
    for (const [doc, id] of [
      [a, 'a1'],
      [b, 'b1'],
      [a, 'a2'],
    ] as const) {
      const u = change(doc, (d) => putCard(d, 'problems', id, card(id)))
      expect(send(server, u)).toBeNull()
      updates.push(u)
      Y.applyUpdate(a, step2(server, a))
      Y.applyUpdate(b, step2(server, b))
    }
    const lostLabel = change(b, (d) => label(d, 'a2').insert(2, ' di b'))
    expect(send(server, lostLabel)).toBeNull()
    Y.applyUpdate(a, lostLabel)
    // the server comes back with the older store: everything above is lost on it
    const restored = new Y.Doc()
    Y.applyUpdate(restored, older)
    Y.applyUpdate(restored, updates[0]!) // only a1 survived
    // a reconnects first: its step 2 carries b's cards as well as its own
    const fromA = step2(a, restored)
    // b's step 2 was computed against the same state vector, before a's went in
    const fromB = step2(b, restored)
    expect(send(restored, fromA)).toBeNull()
    expect(send(restored, fromB)).toBeNull()
    expect(labelOf(restored, 'a2')).toBe('a2 di b')
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(server))
  })

  it('two clients with concurrent offline edits, over the same cards, in either order', () => {
    for (const aFirst of [true, false]) {
      const server = board()
      expect(
        send(
          server,
          change(copyOf(server), (d) => putCard(d, 'problems', 'p', card('p'))),
        ),
      ).toBeNull()
      const a = copyOf(server)
      const b = copyOf(server)
      // a deletes the card b keeps writing in; both write in the core card
      change(a, (d) => canvasRoots(d, 'problems').nodes.delete('p'))
      change(a, (d) => label(d, 'core').insert(0, 'A '))
      change(a, (d) => putCard(d, 'problems', 'a1', card('a1')))
      change(b, (d) => label(d, 'p').insert(1, ' di b'))
      change(b, (d) => label(d, 'core').insert(4, ' B'))
      change(b, (d) => label(d, 'core').delete(0, 1))
      const [first, second] = aFirst ? [a, b] : [b, a]
      const late = step2(second, server) // computed before the first went in
      expect(send(server, step2(first, server))).toBeNull()
      expect(send(server, late)).toBeNull()
      for (const doc of [a, b]) Y.applyUpdate(doc, step2(server, doc))
      expect(labelOf(a, 'core')).toBe(labelOf(b, 'core'))
      expect(labelOf(server, 'core')).toBe(labelOf(a, 'core'))
      expect(canvasRoots(server, 'problems').nodes.has('p')).toBe(false)
      // b keeps typing in the card a deleted (it has not heard yet): still integrable
      const c = copyOf(server)
      expect(
        send(
          server,
          change(b, (d) => label(d, 'a1').insert(0, '>')),
        ),
      ).toBeNull()
      expect(judge(c, Y.encodeStateAsUpdate(b, Y.encodeStateVector(c)))).toBeNull()
    }
  })

  it('text typed into a card another client deleted, which the server already collected', () => {
    const server = board()
    expect(
      send(
        server,
        change(copyOf(server), (d) => putCard(d, 'problems', 'p', card('p', ''))),
      ),
    ).toBeNull()
    const a = copyOf(server)
    const b = copyOf(server)
    expect(
      send(
        server,
        change(a, (d) => canvasRoots(d, 'problems').nodes.delete('p')),
      ),
    ).toBeNull()
    // into the empty text: the item names its parent, which the server holds deleted
    const typed = change(b, (d) => label(d, 'p').insert(0, 'tardi'))
    expect(Y.decodeUpdate(typed).structs[0]).toMatchObject({ parent: expect.any(Y.ID) })
    expect(send(server, typed)).toBeNull()
  })

  it('resent, merged and deletion-only updates of content the server has', () => {
    const server = board()
    const a = copyOf(server)
    const u1 = change(a, (d) => putCard(d, 'problems', 'p1', card('p1')))
    const u2 = change(a, (d) => label(d, 'p1').insert(2, '!'))
    expect(send(server, Y.mergeUpdates([u1, u2]))).toBeNull()
    expect(send(server, u1)).toBeNull()
    expect(send(server, Y.encodeStateAsUpdate(a))).toBeNull()
    const gone = change(a, (d) => canvasRoots(d, 'problems').nodes.delete('p1'))
    expect(Y.decodeUpdate(gone).structs).toHaveLength(0)
    expect(send(server, gone)).toBeNull()
  })
})

describe("update guard's integrability matches Yjs", () => {
  it('on random edits of several documents delivered in random order and in pieces', () => {
    const r = seededRandom(20261203)
    let refused = 0
    let accepted = 0
    for (let round = 0; round < 40; round++) {
      const server = board()
      const docs = [copyOf(server), copyOf(server), copyOf(server)]
      const made: Uint8Array[] = []
      for (const doc of docs) doc.on('update', (u: Uint8Array) => made.push(u))
      for (let step = 0; step < 30; step++) {
        const doc = r.pick(docs)
        const ids = [...canvasRoots(doc, 'problems').nodes.keys()]
        const what = r.int(5)
        if (what === 0 || !ids.length)
          putCard(doc, 'problems', `c${round}-${step}`, card(`c${step}`))
        else if (what === 1) canvasRoots(doc, 'problems').nodes.delete(r.pick(ids))
        else if (what === 2) {
          const text = label(doc, r.pick(ids))
          if (text.length) text.delete(r.int(text.length), 1)
        } else {
          const text = label(doc, r.pick(ids))
          text.insert(r.int(text.length + 1), 'xy')
        }
        // documents hear of one another now and then, not through the server
        if (r.chance(0.3)) {
          const [from, to] = [r.pick(docs), r.pick(docs)]
          if (from !== to) Y.applyUpdate(to, step2(from, to))
        }
      }
      // the server receives single updates, merges, step 2s, in a shuffled order
      const candidates = [
        ...made,
        Y.mergeUpdates(made.slice(0, r.int(made.length))),
        ...docs.map((d) => step2(d, server)),
      ]
      for (let i = 0; i < 60; i++) {
        const update = r.pick(candidates)
        const verdict = integrationProblem(server, Y.decodeUpdate(update), update)
        expect(verdict?.kind ?? null).not.toBe('malformed')
        expect(verdict !== null).toBe(yjsKeepsPending(server, update))
        if (verdict) refused++
        else {
          accepted++
          Y.applyUpdate(server, update)
          expect(pending(server)).toBe(false)
        }
      }
      for (const doc of docs) expect(judge(server, step2(doc, server))).toBeNull()
    }
    // both kinds were met, many times
    expect(refused).toBeGreaterThan(100)
    expect(accepted).toBeGreaterThan(100)
  })
})
