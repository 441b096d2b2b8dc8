import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import {
  CANVASES,
  COLLECTIONS,
  REGISTRY,
  collectionRoot,
  initBoard,
  metaRoot,
  textValue,
  recordOf,
  type CanvasName,
  type CollectionName,
} from '../../shared/schema/index.ts'
import { docFromExport, exportBoard, parseBoardExport } from '../../shared/export/index.ts'
import { createBoardStore } from '../../client/store/boardStore.ts'
import { createBoardActions } from '../../client/store/actions.ts'
import { bindDocToStore } from '../../client/sync/binding.ts'
import { PhaseUndo } from '../../client/store/origin.ts'
import { fuzzNetwork, seededRandom, type Random } from '../helpers/fuzzNetwork.ts'

const RUNS = 200
const STEPS = 60
const WORDS = ['lavoro', 'NEET', 'rete', 'è', 'città', '🙂', ' ', '\n', 'Comune', 'tirocinio']

function participant(doc: Y.Doc) {
  const store = createBoardStore({ boardId: 'b', role: 'participant', userName: 'P' })
  const undo = new PhaseUndo(doc, { captureTimeout: 600_000 })
  const awareness = new Awareness(doc)
  bindDocToStore(doc, store, awareness)
  return { doc, store, undo, actions: createBoardActions(doc, store, awareness, undo) }
}
type Participant = ReturnType<typeof participant>

const ids = (doc: Y.Doc, name: CollectionName) => [...collectionRoot(doc, name).keys()]

const CARD_FIELDS: Record<CanvasName, Record<string, unknown>> = {
  problems: { kind: 'problem', role: 'cause' },
  objectives: { kind: 'objective', derivedFrom: null, status: 'added' },
  stakeholders: {
    kind: 'actor',
    category: 'public',
    power: 0.3,
    interest: 0.7,
    stance: 'neutral',
    desiredStance: 'supports',
  },
}

/** One thing a participant does, through the store's actions, as the page would. */
function act(p: Participant, r: Random): void {
  const canvas = r.pick(CANVASES)
  const cards = ids(p.doc, `${canvas}.nodes`)
  switch (r.int(9)) {
    case 0:
    case 1:
      p.actions.addCard(canvas, { ...CARD_FIELDS[canvas], label: r.pick(WORDS) } as never, {
        x: r.int(2000) - 1000,
        y: r.int(2000) - 1000,
      })
      break
    case 2:
    case 3: {
      // typing into a text of any collection, often the same one as someone else
      const spec = r.pick(REGISTRY.filter((s) => Object.keys(s.texts).length))
      const record = r.pick(ids(p.doc, spec.name).sort())
      if (!record) break
      const field = r.pick(Object.keys(spec.texts))
      const text = textValue(recordOf(collectionRoot(p.doc, spec.name), record)?.get(field))
      const at = r.int(text.length + 1)
      const next = r.chance(0.7)
        ? text.slice(0, at) + r.pick(WORDS) + text.slice(at)
        : text.slice(0, at) + text.slice(at + 1 + r.int(3))
      p.actions.editText(spec.name, record, field, next)
      if (r.chance(0.3)) p.actions.endTextEdit()
      break
    }
    case 4:
      if (cards.length)
        p.actions.moveCards(canvas, new Map([[r.pick(cards), { x: r.int(500), y: r.int(500) }]]))
      break
    case 5:
      if (cards.length) p.actions.removeCards(canvas, [r.pick(cards)])
      break
    case 6:
      if (cards.length > 1) p.actions.link(canvas, r.pick(cards), r.pick(cards), linkKind(canvas))
      break
    case 7: {
      const candidates = ids(p.doc, 'strategy.candidates')
      if (!candidates.length || r.chance(0.4))
        p.actions.putRecord('strategy.candidates', { label: r.pick(WORDS), objectives: [] })
      else
        p.actions.putRecord(
          'strategy.scores',
          {
            candidate: r.pick(candidates),
            criterion: 'social',
            participant: 'p' + r.int(3),
            score: 1 + r.int(5),
          },
          `${r.pick(candidates)}|social|p${r.int(3)}`,
        )
      break
    }
    case 8:
      if (r.chance(0.5)) p.actions.undo()
      else p.actions.redo()
      break
  }
}

function linkKind(canvas: CanvasName) {
  return {
    kind:
      canvas === 'stakeholders'
        ? 'cooperation'
        : canvas === 'problems'
          ? 'cause-effect'
          : 'means-end',
  }
}

/** What a stock Yjs client with a participant key could write: anything at all. */
function vandalise(doc: Y.Doc, r: Random): void {
  const name = r.pick(COLLECTIONS)
  const root = collectionRoot(doc, name)
  const target = r.pick([...root.keys()].sort()) as string | undefined
  const record = target ? root.get(target) : undefined
  doc.transact(() => {
    switch (r.int(10)) {
      case 0:
        ;(root as Y.Map<unknown>).set('s' + r.int(1e6), 'not a record')
        break
      case 1:
        ;(root as Y.Map<unknown>).set('o' + r.int(1e6), { label: 'plain object', x: 1 })
        break
      case 2:
        if (record instanceof Y.Map) record.set('label', 12345)
        break
      case 3:
        if (record instanceof Y.Map)
          record.set(r.pick(['role', 'status', 'kind', 'stance']), 'villain')
        break
      case 4:
        if (record instanceof Y.Map) record.delete(r.pick(['x', 'y', 'label', 'source']))
        break
      case 5:
        if (record instanceof Y.Map) record.set('label', 'x'.repeat(2_500))
        break
      case 6:
        metaRoot(doc).set('phase', r.pick(['nowhere', 42, 'pact']))
        break
      case 7:
        if (record instanceof Y.Map) record.set('extra', new Uint8Array([1, 2, 3]))
        break
      case 8: {
        const text = record instanceof Y.Map ? record.get('label') : undefined
        if (text instanceof Y.Text) text.insert(0, 'y'.repeat(300))
        break
      }
      case 9:
        if (record instanceof Y.Map)
          record.set(r.pick(['x', 'order', 'power', 'score']), Number.NaN)
        break
    }
  })
}

function runOnce(seed: number): void {
  const r = seededRandom(seed)
  const origin = new Y.Doc()
  initBoard(origin, 'Fuzz', '2026-01-01T00:00:00.000Z')
  const start = Y.encodeStateAsUpdate(origin)
  const docs = [0, 1, 2, 3].map(() => {
    const d = new Y.Doc()
    Y.applyUpdate(d, start)
    return d
  })
  const people = docs.slice(0, 3).map(participant)
  const stock = docs[3]!
  const net = fuzzNetwork(docs)
  for (let step = 0; step < STEPS; step++) {
    const roll = r.int(10)
    if (roll < 6) act(r.pick(people), r)
    else if (roll < 7) vandalise(stock, r)
    else if (roll < 9) net.deliverSome(r)
    else if (r.chance(0.5)) net.disconnect(r.int(docs.length))
    else net.reconnect(r.int(docs.length))
  }
  net.settle()

  const exports = docs.map((d) => exportBoard(d, 'T'))
  // all converge, in content and not only in state vectors
  for (const e of exports.slice(1)) expect(e).toEqual(exports[0])
  const sv = Y.encodeStateVector(docs[0]!)
  for (const d of docs) expect(Y.encodeStateVector(d)).toEqual(sv)
  // each page's store is the projection of its document
  for (const p of people) {
    const state = p.store.getState()
    for (const canvas of CANVASES) {
      const shown = state.canvases[canvas].nodes
        .map((n) => ({ id: n.id, label: n.data.label, x: n.position.x, y: n.position.y }))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
      const exported = exports[0]!.canvases[canvas].nodes.map((n) => ({
        id: n.id,
        label: n.label,
        x: n.x,
        y: n.y,
      }))
      expect(shown).toEqual(exported)
    }
    expect(state.phase).toBe(exports[0]!.phase)
  }
  // every export imports, and import → export is the identity
  const parsed = parseBoardExport(JSON.parse(JSON.stringify(exports[0])))
  if (!parsed.ok) throw new Error(parsed.details.join('\n'))
  expect(exportBoard(docFromExport(parsed.board), 'T')).toEqual(exports[0])
}

describe('seeded fuzz: three pages and a stock client on every collection', () => {
  it(`${RUNS} runs converge, project, export and import`, { timeout: 120_000 }, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      try {
        runOnce(seed)
      } catch (err) {
        throw new Error(`fuzz seed ${seed} failed: ${(err as Error).message}`, { cause: err })
      }
    }
  })
})
