import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SCHEMA_VERSION, docSchemaVersion, metaRoot } from '../../shared/schema/index.ts'
import { planSnapshot } from '../../server/sync/snapshotSlices.ts'

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['causa', 'effetto', 'àèìòù', '🌍 terra', 'ok', '']

/**
 * A board edited by several clients that sync now and then: nested maps, texts typed, deleted
 * and formatted, arrays, values replaced, records deleted, the schema version set more than once.
 */
function edited(seed: number, { gc = true } = {}): Y.Doc {
  const rnd = random(seed)
  const docs = [1, 2, 3].map((n) => {
    const doc = new Y.Doc({ gc })
    doc.clientID = seed * 10 + n
    return doc
  })
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  for (let step = 0; step < 300; step++) {
    const doc = pick(docs)
    const cards = doc.getMap<Y.Map<unknown>>('problems')
    const r = rnd()
    if (r < 0.3 || cards.size === 0) {
      const card = new Y.Map<unknown>()
      const text = new Y.Text()
      text.insert(0, pick(WORDS))
      card.set('label', text)
      card.set('x', Math.floor(rnd() * 1000))
      cards.set(`c${step}`, card)
    } else {
      const keys = [...cards.keys()]
      const card = cards.get(pick(keys))!
      if (r < 0.5) card.set('x', Math.floor(rnd() * 1000))
      else if (r < 0.7) {
        const text = card.get('label')
        if (text instanceof Y.Text) {
          text.insert(Math.floor(rnd() * (text.length + 1)), pick(WORDS))
          if (text.length > 3 && rnd() < 0.5) text.delete(1, 2)
          if (rnd() < 0.1) text.format(0, 1, { bold: true })
        }
      } else if (r < 0.8) cards.delete(pick(keys))
      else if (r < 0.9) {
        const list = doc.getArray<unknown>('edges')
        list.insert(Math.floor(rnd() * (list.length + 1)), [pick(WORDS), step, { a: [1, null] }])
        if (list.length > 4) list.delete(0, 1)
      } else metaRoot(doc).set('schemaVersion', Math.min(SCHEMA_VERSION, step % 7))
    }
    if (rnd() < 0.2) {
      const [a, b] = [pick(docs), pick(docs)]
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    }
  }
  const all = new Y.Doc({ gc })
  for (const doc of docs) Y.applyUpdate(all, Y.encodeStateAsUpdate(doc))
  return all
}

/** The document's content (its roots must be named before Yjs shows them). */
function json(doc: Y.Doc): unknown {
  return {
    problems: doc.getMap('problems').toJSON(),
    edges: doc.getArray('edges').toJSON(),
    meta: doc.getMap('meta').toJSON(),
    t: doc.getText('t').toString(),
    m: doc.getMap('m').toJSON(),
  }
}

function applyPieces(pieces: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const piece of pieces) Y.applyUpdate(doc, piece)
  return doc
}

describe('planSnapshot', () => {
  it('cuts boards edited by several clients into pieces that rebuild them exactly, in order', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const gc = seed % 4 !== 0
      const source = edited(seed, { gc })
      const snapshot = Y.encodeStateAsUpdate(source)
      for (const pieceBytes of [1, 64, 1024]) {
        const plan = planSnapshot(snapshot, pieceBytes)
        expect(plan, `seed ${seed}`).not.toBeNull()
        // every piece applies whole: nothing waits for a later one
        const doc = new Y.Doc()
        for (const piece of plan!.pieces) {
          Y.applyUpdate(doc, piece)
          expect(doc.store.pendingStructs, `seed ${seed} / ${pieceBytes}`).toBeNull()
          expect(doc.store.pendingDs).toBeNull()
        }
        const whole = new Y.Doc()
        Y.applyUpdate(whole, snapshot)
        // the same structs and deletions (adjacent structs may be merged differently) and content
        expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(whole))).toBe(true)
        expect(json(doc)).toEqual(json(source))
        expect(plan!.stateVector).toEqual(Y.encodeStateVector(source))
        if (pieceBytes === 1 && snapshot.length > 200)
          expect(plan!.pieces.length).toBeGreaterThan(3)
      }
    }
  })

  it('reads the schema version the board holds, or says it cannot tell', () => {
    let known = 0
    for (let seed = 1; seed <= 40; seed++) {
      const source = edited(seed, { gc: seed % 2 === 0 })
      const plan = planSnapshot(Y.encodeStateAsUpdate(source), 256)!
      const held = metaRoot(source).get('schemaVersion')
      if (held === undefined) expect(plan.schemaVersion).toBeNull()
      else {
        // never a wrong version; unclear only when a replaced value's content is still kept
        if (plan.schemaVersion !== null) known++
        expect([docSchemaVersion(source), ...(seed % 2 ? [null] : [])]).toContain(
          plan.schemaVersion,
        )
      }
    }
    expect(known).toBeGreaterThan(10)

    const current = new Y.Doc()
    metaRoot(current).set('schemaVersion', SCHEMA_VERSION - 1)
    metaRoot(current).set('title', 'x')
    metaRoot(current).set('schemaVersion', SCHEMA_VERSION)
    expect(planSnapshot(Y.encodeStateAsUpdate(current), 64)!.schemaVersion).toBe(SCHEMA_VERSION)
    const none = new Y.Doc()
    metaRoot(none).set('title', 'x')
    expect(planSnapshot(Y.encodeStateAsUpdate(none), 64)!.schemaVersion).toBeNull()
    // the key under another map is not the board's version
    const nested = new Y.Doc()
    nested.getMap('problems').set('schemaVersion', SCHEMA_VERSION)
    expect(planSnapshot(Y.encodeStateAsUpdate(nested), 64)!.schemaVersion).toBeNull()
  })

  it('refuses what it cannot read whole: cut short, unknown content, bad text bytes', () => {
    const snapshot = Y.encodeStateAsUpdate(edited(7))
    for (let end = 0; end < snapshot.length; end += Math.max(1, Math.floor(snapshot.length / 300)))
      expect(planSnapshot(snapshot.subarray(0, end), 64), `cut at ${end}`).toBeNull()

    const doc = new Y.Doc()
    doc.clientID = 1
    doc.getText('t').insert(0, 'abc')
    const text = Y.encodeStateAsUpdate(doc)
    // one client (1), one struct from clock 0, then the item: info byte at 4
    const at = text.indexOf(0x61) // the string's first byte
    const badUtf8 = text.slice()
    badUtf8[at] = 0xc3
    badUtf8[at + 1] = 0x28
    expect(planSnapshot(badUtf8, 64)).toBeNull()
    expect(() => Y.applyUpdate(new Y.Doc(), badUtf8)).toThrow()
    const badContent = text.slice()
    badContent[4] = (badContent[4]! & ~31) | 17 // content kind 17: Yjs has none
    expect(() => Y.applyUpdate(new Y.Doc(), badContent)).toThrow()
    expect(planSnapshot(badContent, 64)).toBeNull()
  })

  it('counts text lengths as Yjs does (astral characters are two units)', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, '🌍a\u{feff}è')
    doc.getMap('m').set('after', 1)
    const snapshot = Y.encodeStateAsUpdate(doc)
    const plan = planSnapshot(snapshot, 1)!
    expect(plan.stateVector).toEqual(Y.encodeStateVector(doc))
    expect(json(applyPieces(plan.pieces))).toEqual(json(doc))
  })
})
