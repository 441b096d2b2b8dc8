import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { canvasRoots, deleteCard, initBoard, putCard } from '../../shared/schema/index.ts'
import { History, type HistoryChange } from '../../server/history/recorder.ts'
import { openSqliteHistory } from '../../server/history/sqlite.ts'
import type { HistoryStore } from '../../server/history/types.ts'

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A SQLite history store that counts the activity writes it is asked for. */
function countingStore(): { store: HistoryStore; writes: { append: number; update: number } } {
  const dir = mkdtempSync(join(tmpdir(), 'trama-activity-'))
  const inner = openSqliteHistory(dir)
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const writes = { append: 0, update: 0 }
  const store: HistoryStore = Object.create(inner) as HistoryStore
  store.appendActivity = (entry) => {
    writes.append++
    return inner.appendActivity(entry)
  }
  store.updateActivity = (id, entry) => {
    writes.update++
    return inner.updateActivity(id, entry)
  }
  return { store, writes }
}

/** A board on the "server" and a client that writes to it through the history's hooks. */
function board(history: History) {
  const doc = new Y.Doc()
  initBoard(doc, 'Patto', new Date(0).toISOString())
  doc.transact(() => {
    for (const id of ['ca', 'cb'])
      putCard(doc, 'problems', id, { kind: 'problem', label: id, x: 0, y: 0, role: 'cause' })
  })
  const room = { id: 'board-000001', doc }
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  /** One participant's change, made on the client and accepted as the room accepts it. */
  const write = (name: string, fn: (client: Y.Doc) => void) => {
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u)
    client.on('update', take)
    client.transact(() => fn(client))
    client.off('update', take)
    const change: HistoryChange = { update: update!, role: 'participant', name }
    history.hooks.beforeApplyUpdate(room, change)
    Y.applyUpdate(doc, change.update)
    history.hooks.onAcceptedUpdate(room, change)
  }
  /** An edit of a card's label. */
  const edit = (name: string, card: string, label: string) =>
    write(name, (d) => {
      const text = canvasRoots(d, 'problems').nodes.get(card)!.get('label') as Y.Text
      text.delete(0, text.length)
      text.insert(0, label)
    })
  return { room, edit, write }
}

describe('activity record', () => {
  it('folds each writer’s run into one entry while two people write at the same time', async () => {
    const { store, writes } = countingStore()
    let now = 1_000_000
    const history = new History({ store, log: silent, now: () => now, flushActivityMs: 3_600_000 })
    cleanups.push(() => history.close())
    const { room, edit } = board(history)
    for (let i = 0; i < 20; i++) {
      edit('Anna', 'ca', `Anna ${i}`)
      now += 1_000
      edit('Bruno', 'cb', `Bruno ${i}`)
      now += 1_000
    }
    // one entry per writer, each written once when it was opened
    expect(writes.append).toBe(2)
    // the folded keystrokes are not written one by one
    expect(writes.update).toBe(0)
    await history.flushActivity(room.id)
    expect(writes.update).toBe(2)
    const entries = await store.listActivity(room.id, 10)
    expect(entries).toHaveLength(2)
    const byName = new Map(entries.map((e) => [e.name, e]))
    expect(byName.get('Anna')!.changes['problems.nodes']!.edited).toEqual([
      { id: 'ca', label: 'Anna 19' },
    ])
    expect(byName.get('Bruno')!.changes['problems.nodes']!.edited).toEqual([
      { id: 'cb', label: 'Bruno 19' },
    ])
    expect(byName.get('Bruno')!.until).toBe(now - 1_000)
    expect(byName.get('Anna')!.until).toBe(now - 2_000)
  })

  it('stores folded edits on its own after the flush interval, and when the board unloads', async () => {
    const { store, writes } = countingStore()
    let now = 1_000_000
    const history = new History({ store, log: silent, now: () => now, flushActivityMs: 20 })
    cleanups.push(() => history.close())
    const { room, edit } = board(history)
    edit('Anna', 'ca', 'prima')
    now += 1_000
    edit('Anna', 'ca', 'seconda')
    await vi.waitFor(async () => {
      const [entry] = await store.listActivity(room.id, 10)
      expect(entry!.changes['problems.nodes']!.edited).toEqual([{ id: 'ca', label: 'seconda' }])
    })
    const flushed = writes.update
    now += 1_000
    edit('Anna', 'ca', 'terza')
    await history.hooks.onUnload(room)
    expect(writes.update).toBe(flushed + 1)
    const [entry] = await store.listActivity(room.id, 10)
    expect(entry!.changes['problems.nodes']!.edited).toEqual([{ id: 'ca', label: 'terza' }])
  })

  it('commits at once what a read of the feed or an unload waits for, not with the store’s next batch', async () => {
    // the SQLite store gathers activity writes for a second: with its timer frozen, only an
    // immediate commit lets these resolve (a reopening waited up to two batches for the unload)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    cleanups.push(() => void vi.useRealTimers())
    const { store } = countingStore()
    let now = 1_000_000
    const history = new History({ store, log: silent, now: () => now, flushActivityMs: 20 })
    cleanups.push(() => history.close())
    const { room, edit } = board(history)
    /** 'written' if `p` resolves before the event loop's next turn (SQLite writes are synchronous). */
    const settled = (p: Promise<unknown>) =>
      Promise.race([
        p.then(() => 'written'),
        new Promise((r) => setImmediate(() => r('waiting for the batch'))),
      ])
    const label = async () =>
      (await store.listActivity(room.id, 10))[0]!.changes['problems.nodes']!.edited[0]!.label
    edit('Anna', 'ca', 'prima')
    now += 1_000
    edit('Anna', 'ca', 'seconda')
    expect(await settled(history.flushActivity(room.id))).toBe('written')
    expect(await label()).toBe('seconda')
    now += 1_000
    edit('Anna', 'ca', 'terza')
    expect(await settled(history.hooks.onUnload(room))).toBe('written')
    expect(await label()).toBe('terza')
  })

  it('folds a writer’s new cards into their entry with their edits; a deletion is an entry of its own', async () => {
    const { store, writes } = countingStore()
    let now = 1_000_000
    const history = new History({ store, log: silent, now: () => now, flushActivityMs: 3_600_000 })
    cleanups.push(() => history.close())
    const { room, edit, write } = board(history)
    const card = (label: string) => ({ kind: 'problem', label, x: 0, y: 0, role: 'cause' })
    write('Anna', (d) => putCard(d, 'problems', 'n1', card('Nuova 1')))
    now += 1_000
    edit('Anna', 'ca', 'modificata')
    now += 1_000
    write('Anna', (d) => putCard(d, 'problems', 'n2', card('Nuova 2')))
    now += 1_000
    write('Anna', (d) => deleteCard(d, 'problems', 'n1'))
    await history.flushActivity(room.id)
    // one row for the run of creations and edits, one for the deletion
    expect(writes.append).toBe(2)
    const [deletion, run] = await store.listActivity(room.id, 10)
    expect(run!.changes['problems.nodes']).toMatchObject({
      created: [
        { id: 'n1', label: 'Nuova 1' },
        { id: 'n2', label: 'Nuova 2' },
      ],
      edited: [{ id: 'ca', label: 'modificata' }],
    })
    expect(deletion!.changes['problems.nodes']!.deleted).toEqual([{ id: 'n1', label: 'Nuova 1' }])
  })

  it('names a new card another person deletes before the feed is written by the text it had', async () => {
    const { store } = countingStore()
    let now = 1_000_000
    const history = new History({ store, log: silent, now: () => now, flushActivityMs: 3_600_000 })
    cleanups.push(() => history.close())
    const { room, write } = board(history)
    const card = (label: string) => ({ kind: 'problem', label, x: 0, y: 0, role: 'cause' })
    write('Anna', (d) => putCard(d, 'problems', 'n1', card('Nuova di Anna')))
    now += 1_000
    write('Bruno', (d) => deleteCard(d, 'problems', 'n1'))
    await history.flushActivity(room.id)
    const [deletion, creation] = await store.listActivity(room.id, 10)
    expect(deletion).toMatchObject({ name: 'Bruno' })
    expect(creation).toMatchObject({ name: 'Anna' })
    expect(creation!.changes['problems.nodes']!.created).toEqual([
      { id: 'n1', label: 'Nuova di Anna' },
    ])
  })

  it('starts a new entry for a writer after a pause longer than the fold', async () => {
    const { store } = countingStore()
    let now = 1_000_000
    const history = new History({
      store,
      log: silent,
      now: () => now,
      foldActivityMs: 60_000,
      flushActivityMs: 3_600_000,
    })
    cleanups.push(() => history.close())
    const { room, edit } = board(history)
    edit('Anna', 'ca', 'prima')
    now += 61_000
    edit('Anna', 'ca', 'dopo la pausa')
    await history.flushActivity(room.id)
    const entries = await store.listActivity(room.id, 10)
    expect(entries.map((e) => e.changes['problems.nodes']!.edited[0]!.label)).toEqual([
      'dopo la pausa',
      'prima',
    ])
  })

  it('keeps the feed to `keep` entries: trimmed after every tenth of it, and when the board unloads', async () => {
    const { store } = countingStore()
    const trims: number[] = []
    const trim = store.trimActivity.bind(store)
    store.trimActivity = (boardId, keep) => {
      trims.push(keep)
      return trim(boardId, keep)
    }
    let now = 1_000_000
    const history = new History({
      store,
      log: silent,
      now: () => now,
      foldActivityMs: 10,
      flushActivityMs: 3_600_000,
      keepActivity: 20,
    })
    cleanups.push(() => history.close())
    const { room, edit } = board(history)
    // every edit a minute apart: each is an entry of its own
    const entries = async () => (await store.listActivity(room.id, 100)).length
    for (let i = 1; i <= 45; i++) {
      edit('Anna', 'ca', `versione ${i}`)
      now += 60_000
      // a trim after every second entry (a tenth of 20), none in between
      expect(trims).toHaveLength(Math.floor(i / 2))
    }
    // trimmed to 20 at the 44th, one written since
    expect(await entries()).toBe(21)
    edit('Anna', 'ca', 'penultima')
    now += 60_000
    expect(trims).toHaveLength(23)
    expect(await entries()).toBe(20)
    edit('Anna', 'ca', 'ultima')
    expect(trims).toHaveLength(23)
    expect(await entries()).toBe(21)
    // the board unloads with an entry written since the last trim: trimmed once more
    await history.hooks.onUnload(room)
    expect(trims).toHaveLength(24)
    expect(await entries()).toBe(20)
  })
})
