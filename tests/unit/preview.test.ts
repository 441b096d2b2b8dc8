import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  COLLECTIONS,
  PREVIEW_FROM_RECORDS,
  ROOM_ROOT,
  SCHEMA_VERSION,
  boardPreview,
  collectionRoot,
  parsePreview,
  worthPreview,
} from '../../shared/schema/index.ts'
import { docFromExport, parseBoardExport } from '../../shared/export/restore.ts'
import { createBoardStore, type BoardState } from '../../client/store/boardStore.ts'
import { bindDocToStore } from '../../client/sync/binding.ts'
import { PREVIEW_WAIT_MS, gateOnPreview, previewState } from '../../client/sync/preview.ts'
import { createBoardActions } from '../../client/store/actions.ts'
import { PhaseUndo } from '../../client/store/origin.ts'
import { createRoomActions } from '../../client/room/roomActions.ts'
import { createFacilitationActions } from '../../client/facilitation/facilitationActions.ts'
import { Awareness } from 'y-protocols/awareness'
import { generateBoard } from '../../bench/client-board.ts'

/** A board with a record in every collection (the v6 fixture), as the server holds it. */
function fullBoard(): Y.Doc {
  const parsed = parseBoardExport(
    JSON.parse(readFileSync(new URL('../fixtures/board-v6.json', import.meta.url), 'utf8')),
  )
  if (!parsed.ok) throw new Error(parsed.details.join('; '))
  return docFromExport(parsed.board)
}

/** The preview as a page receives it: through JSON. */
const received = (doc: Y.Doc) => parsePreview(JSON.parse(JSON.stringify(boardPreview(doc))))!

const noSchedule = (fn: () => void) => {
  fn()
  return () => {}
}

/** Every object the store shows of the board, to compare identities. */
function shownObjects(s: BoardState): unknown[] {
  return [
    ...Object.values(s.canvases).flatMap((c) => [c.nodes, c.edges, ...c.nodes, ...c.edges]),
    ...Object.values(s.lists).flatMap((l) => [l, ...l]),
  ]
}

describe('the board preview', () => {
  it('holds every collection as the binding projects it, and the document then draws nothing again', () => {
    const doc = fullBoard()
    const preview = received(doc)
    for (const name of COLLECTIONS)
      expect(preview.collections[name].length, name).toBe(collectionRoot(doc, name).size)

    // what a page shows from the document alone…
    const fromDoc = createBoardStore({ boardId: 'b', role: 'participant' })
    bindDocToStore(doc, fromDoc, undefined, noSchedule, noSchedule)
    // …and from the preview: the same
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    store.setState((s) => previewState(s, preview))
    const { canvases, lists, title, phase, chosenStrategy } = fromDoc.getState()
    expect(store.getState()).toMatchObject({ canvases, lists, title, phase, chosenStrategy })
    expect(store.getState().preview).toBe(true)

    // the document bound over the preview keeps every object (nothing is rendered twice)
    const before = shownObjects(store.getState())
    const binding = bindDocToStore(doc, store, undefined, noSchedule, noSchedule)
    binding.dropStale()
    const after = shownObjects(store.getState())
    expect(after.length).toBe(before.length)
    expect(after.every((o, i) => o === before[i])).toBe(true)
  })

  it('is replaced by the document: records deleted since it was read go, new ones come', () => {
    const doc = fullBoard()
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    store.setState((s) => previewState(s, received(doc)))
    const [gone] = store.getState().canvases.problems.nodes
    const [goneGroup] = store.getState().lists.targetGroups
    // the document moves on after the preview was read
    collectionRoot(doc, 'problems.nodes').delete(gone!.id)
    collectionRoot(doc, 'targetGroups').delete(goneGroup!.id)
    const binding = bindDocToStore(doc, store, undefined, noSchedule, noSchedule)
    binding.dropStale()
    const s = store.getState()
    expect(s.canvases.problems.nodes.map((n) => n.id)).not.toContain(gone!.id)
    expect(s.lists.targetGroups.map((g) => g.id)).not.toContain(goneGroup!.id)
    expect(s.canvases.problems.nodes.length).toBe(collectionRoot(doc, 'problems.nodes').size)
  })

  it('carries the room through its normaliser, and the page shows its pause and locks', () => {
    const doc = fullBoard()
    doc.getMap(ROOM_ROOT).set('frozen', true)
    doc.getMap(ROOM_ROOT).set('locks', ['problems'])
    const raw = JSON.parse(JSON.stringify(boardPreview(doc)))
    const preview = parsePreview(raw)!
    expect(preview.room).toMatchObject({ frozen: true, locks: ['problems'] })
    // a room value no reader would accept reads as its fallback, as from the document
    const odd = parsePreview({ ...raw, room: { ...raw.room, frozen: 'sì', locks: ['retro'] } })!
    expect(odd.room).toMatchObject({ frozen: false, locks: [] })
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    store.setState((s) => previewState(s, preview))
    expect(store.getState()).toMatchObject({ frozen: true, locks: ['problems'] })
    expect(store.getState().previewRoom).toEqual(preview.room)
  })

  it('opens on the room’s phase, as the first sync does', () => {
    const doc = fullBoard()
    const preview = received(doc)
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    store.setState((s) => previewState(s, { ...preview, meta: { ...preview.meta, phase: 'pact' } }))
    expect(store.getState().tab).toBe('pact')
  })

  it('is read only if it is one this code reads', () => {
    const good = JSON.parse(JSON.stringify(boardPreview(fullBoard())))
    expect(parsePreview(good)).not.toBeNull()
    const bad: [string, unknown][] = [
      ['not an object', [good]],
      ['another format', { ...good, format: 'trama-board' }],
      ['another version', { ...good, version: 2 }],
      ['a newer schema', { ...good, schemaVersion: SCHEMA_VERSION + 1 }],
      ['an unknown phase', { ...good, meta: { ...good.meta, phase: 'retro' } }],
      ['a title not text', { ...good, meta: { ...good.meta, title: 7 } }],
      ['no room', { ...good, room: undefined }],
      [
        'a collection missing',
        { ...good, collections: { ...good.collections, [COLLECTIONS.at(-1)!]: null } },
      ],
      [
        'a record not [id, fields]',
        { ...good, collections: { ...good.collections, 'problems.nodes': [['a', 'b']] } },
      ],
      [
        'a record without id',
        { ...good, collections: { ...good.collections, [COLLECTIONS.at(-2)!]: [[7, {}]] } },
      ],
    ]
    for (const [what, raw] of bad) expect(parsePreview(raw), what).toBeNull()
  })

  it('is sent for boards from PREVIEW_FROM_RECORDS records', () => {
    expect(worthPreview(fullBoard())).toBe(false)
    const small = docFromExport(generateBoard(PREVIEW_FROM_RECORDS / 2 - 1).board)
    expect(worthPreview(small)).toBe(false)
    expect(worthPreview(docFromExport(generateBoard(PREVIEW_FROM_RECORDS / 2 + 1).board))).toBe(
      true,
    )
  })
})

describe('the document waits for the preview to be drawn', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  /** A page's store, a preview answer the test resolves, and how often the provider connected. */
  function page() {
    vi.useFakeTimers()
    // no frame clock in node: afterPaint falls back to a timer
    const store = createBoardStore({ boardId: 'b', role: 'participant' })
    let answer: (raw: unknown) => void = () => {}
    const body = new Promise<unknown>((resolve) => (answer = resolve))
    const connect = vi.fn()
    return { store, body, answer, connect }
  }
  const raw = () => JSON.parse(JSON.stringify(boardPreview(fullBoard())))

  it('comes at once without a preview', () => {
    const { store, connect } = page()
    gateOnPreview(null, store, connect)
    expect(connect).toHaveBeenCalledTimes(1)
  })

  it('comes once the preview is drawn and the board on screen, and only once', async () => {
    const { store, body, answer, connect } = page()
    const gate = gateOnPreview(body, store, connect)
    answer(raw())
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().preview).toBe(true)
    expect(store.getState().canvases.problems.nodes.length).toBeGreaterThan(0)
    expect(connect).not.toHaveBeenCalled()
    gate.shown()
    await vi.advanceTimersByTimeAsync(0)
    expect(connect).toHaveBeenCalledTimes(1)
    gate.shown()
    await vi.advanceTimersByTimeAsync(PREVIEW_WAIT_MS)
    expect(connect).toHaveBeenCalledTimes(1)
  })

  it('comes as soon as the person presses a key or a pointer on the preview', async () => {
    const target = new EventTarget()
    vi.stubGlobal('window', target)
    const { store, body, answer, connect } = page()
    gateOnPreview(body, store, connect)
    answer(raw())
    await vi.advanceTimersByTimeAsync(0)
    expect(connect).not.toHaveBeenCalled()
    target.dispatchEvent(new Event('keydown'))
    expect(connect).toHaveBeenCalledTimes(1)
  })

  it('comes at once when the preview failed or is not one this code reads', async () => {
    for (const answerWith of [null, { format: 'other' }]) {
      const { store, body, answer, connect } = page()
      gateOnPreview(body, store, connect)
      answer(answerWith)
      await vi.advanceTimersByTimeAsync(0)
      expect(connect).toHaveBeenCalledTimes(1)
      expect(store.getState().preview).toBe(false)
      vi.useRealTimers()
    }
  })

  it('is not held back by a store that already shows the board (a local copy)', async () => {
    const { store, body, answer, connect } = page()
    const local = fullBoard()
    bindDocToStore(local, store, undefined, noSchedule, noSchedule)
    gateOnPreview(body, store, connect)
    answer(raw())
    await vi.advanceTimersByTimeAsync(0)
    expect(connect).toHaveBeenCalledTimes(1)
    expect(store.getState().preview).toBe(false)
  })

  it('comes after PREVIEW_WAIT_MS at the latest', async () => {
    const { store, body, connect } = page()
    gateOnPreview(body, store, connect)
    await vi.advanceTimersByTimeAsync(PREVIEW_WAIT_MS - 1)
    expect(connect).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(connect).toHaveBeenCalledTimes(1)
  })

  it('nothing is written while the preview shows, not even the facilitator’s room', () => {
    const store = createBoardStore({ boardId: 'b', role: 'facilitator' })
    store.setState((s) => previewState(s, received(fullBoard())))
    const doc = new Y.Doc()
    const written: unknown[] = []
    doc.on('update', (u: Uint8Array) => written.push(u))
    const actions = createBoardActions(doc, store, new Awareness(doc), new PhaseUndo(doc))
    expect(actions.addProblem({ x: 0, y: 0 }, 'cause', 'Trasporti')).toBeFalsy()
    const [card] = store.getState().canvases.problems.nodes
    actions.setEditing(card!.id)
    expect(store.getState().editingId).toBeNull()
    // the facilitator's tab is the room's phase, but not while the room is not here
    actions.setTab('objectives')
    expect(store.getState().tab).toBe('objectives')
    expect(createRoomActions(doc, store).setView('strategy')).toBe(false)
    expect(createFacilitationActions(doc, store).setLocked('problems', true)).toBe(false)
    expect(written).toEqual([])
    // once the document is in, the same calls write
    store.setState({ preview: false, synced: true })
    expect(createRoomActions(doc, store).setView('strategy')).toBe(true)
    expect(written.length).toBe(1)
  })
})
