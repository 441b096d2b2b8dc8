import { describe, expect, it } from 'vitest'
import type {
  CollectionChange,
  HistoryStore,
  NewActivity,
  NewBinEntry,
  NewVersion,
} from '../../server/history/types.ts'

/** A history store under test; `reopen` closes it and opens it again on the same data. */
export interface HistorySubject {
  store: HistoryStore
  reopen(): Promise<HistoryStore>
  close(): Promise<void>
}

let counter = 0
/** A board id of its own (a shared database keeps what other tests wrote). */
function boardId(): string {
  counter += 1
  return `h${Date.now().toString(36)}${process.pid}x${counter}`
}

/** A version of `board` taken at `at`, with a state of its own (64–70 bytes). */
function version(board: string, at: number, over: Partial<NewVersion> = {}): NewVersion {
  const size = 64 + (at % 7)
  return {
    boardId: board,
    role: 'facilitator',
    author: 'Giulia',
    at,
    reason: 'activity',
    name: null,
    counts: { 'problems.nodes': at % 5, 'problems.edges': 1 },
    state: Uint8Array.from({ length: size }, (_, i) => (i * 31 + at) % 256),
    ...over,
  }
}

function change(label: string): Record<string, CollectionChange> {
  return {
    'problems.nodes': {
      created: [{ id: 'c1', label }],
      edited: [],
      deleted: [],
      more: { created: 3 },
    },
  }
}

function activity(board: string, at: number, label = `card ${at}`): NewActivity {
  return {
    boardId: board,
    at,
    until: at,
    role: 'participant',
    name: 'Bruno',
    changes: change(label),
    restore: null,
  }
}

function binEntry(board: string, at: number, recordId: string, batch: string): NewBinEntry {
  return {
    boardId: board,
    at,
    role: 'participant',
    name: 'Carla',
    collection: 'problems.nodes',
    recordId,
    fields: { kind: 'problem', label: `Problema ${recordId}`, x: 1.5, y: -2, role: 'cause' },
    batch,
  }
}

/**
 * What every history store promises (server/history/types.ts), run against each backend:
 * SQLite (one process) and PostgreSQL (several servers).
 */
export function historyContract(name: string, open: () => Promise<HistorySubject>): void {
  describe(`history store contract: ${name}`, () => {
    const withStore = (fn: (s: HistorySubject) => Promise<void>) => async () => {
      const subject = await open()
      try {
        await fn(subject)
      } finally {
        await subject.close()
      }
    }

    it(
      'versions are listed newest first with their details, and read back byte for byte',
      withStore(async ({ store }) => {
        const board = boardId()
        const other = boardId()
        const first = await store.saveVersion(version(board, 1_000))
        const named = await store.saveVersion(
          version(board, 3_000, { reason: 'named', name: 'Fine primo incontro' }),
        )
        // the same moment as the named one: the later saved comes first
        const same = await store.saveVersion(version(board, 3_000, { reason: 'phase' }))
        const older = await store.saveVersion(version(board, 2_000, { role: null, author: null }))
        await store.saveVersion(version(other, 5_000))
        expect(named).toEqual({
          id: named.id,
          boardId: board,
          at: 3_000,
          reason: 'named',
          name: 'Fine primo incontro',
          role: 'facilitator',
          author: 'Giulia',
          counts: { 'problems.nodes': 0, 'problems.edges': 1 },
          bytes: 64 + (3_000 % 7),
        })
        expect(new Set([first.id, named.id, same.id, older.id]).size).toBe(4)
        const list = await store.listVersions(board)
        expect(list.map((v) => v.id)).toEqual([same.id, named.id, older.id, first.id])
        expect(list[1]).toEqual(named)
        expect(list[2]).toMatchObject({ role: null, author: null, at: 2_000 })
        expect(await store.getVersion(board, named.id)).toEqual(named)
        expect(await store.versionState(board, older.id)).toEqual(version(board, 2_000).state)
        // another board's id, or no such id, reads as nothing
        expect(await store.getVersion(other, named.id)).toBeUndefined()
        expect(await store.versionState(other, named.id)).toBeUndefined()
        expect(await store.getVersion(board, named.id + 1_000_000)).toBeUndefined()
        expect(await store.listVersions(boardId())).toEqual([])
      }),
    )

    it(
      'usage counts a board’s versions and their bytes; deleting takes only the given ids of that board',
      withStore(async ({ store }) => {
        const board = boardId()
        const other = boardId()
        expect(await store.usage(board)).toEqual({ versions: 0, bytes: 0 })
        const saved = []
        for (const at of [10, 20, 30, 40]) saved.push(await store.saveVersion(version(board, at)))
        const foreign = await store.saveVersion(version(other, 50))
        const total = saved.reduce((sum, v) => sum + v.bytes, 0)
        expect(await store.usage(board)).toEqual({ versions: 4, bytes: total })
        // the other board's id in the list is not this board's to delete
        await store.deleteVersions(board, [saved[0]!.id, saved[2]!.id, foreign.id])
        expect((await store.listVersions(board)).map((v) => v.id)).toEqual([
          saved[3]!.id,
          saved[1]!.id,
        ])
        expect(await store.usage(board)).toEqual({
          versions: 2,
          bytes: saved[1]!.bytes + saved[3]!.bytes,
        })
        expect(await store.getVersion(other, foreign.id)).toEqual(foreign)
        await store.deleteVersions(board, [])
        expect(await store.usage(board)).toMatchObject({ versions: 2 })
      }),
    )

    it(
      'an automatic version is saved only when no version is newer than the moment given',
      withStore(async ({ store }) => {
        const board = boardId()
        const empty = await store.saveVersionUnlessNewer(
          version(board, 1_000, { reason: 'initial' }),
          Number.MIN_SAFE_INTEGER,
        )
        expect(empty.saved).toBe(true)
        expect(empty.version).toMatchObject({ reason: 'initial', at: 1_000 })
        // any version at all counts against a second first version
        const again = await store.saveVersionUnlessNewer(
          version(board, 2_000, { reason: 'initial' }),
          Number.MIN_SAFE_INTEGER,
        )
        expect(again).toEqual({ saved: false, version: empty.version })
        // only versions strictly after the moment count
        const at = await store.saveVersionUnlessNewer(version(board, 5_000), 1_000)
        expect(at.saved).toBe(true)
        const named = await store.saveVersion(version(board, 6_000, { reason: 'named', name: 'x' }))
        const skipped = await store.saveVersionUnlessNewer(version(board, 7_000), 5_500)
        expect(skipped).toEqual({ saved: false, version: named })
        expect((await store.listVersions(board)).map((v) => v.at)).toEqual([6_000, 5_000, 1_000])
      }),
    )

    it(
      'servers asking for the same automatic version at once save it once',
      withStore(async ({ store }) => {
        // many boards at once, so that without turns some check would run beside another
        const boards = Array.from({ length: 16 }, boardId)
        const asked = boards.map((board) =>
          Promise.all(
            Array.from({ length: 4 }, (_, i) =>
              store.saveVersionUnlessNewer(version(board, 10_000 + i, { reason: 'unload' }), 9_000),
            ),
          ),
        )
        const answers = await Promise.all(asked)
        for (const [i, outcomes] of answers.entries()) {
          const saved = outcomes.filter((o) => o.saved)
          expect(saved).toHaveLength(1)
          // the others were told which version stands for theirs
          for (const o of outcomes) expect(o.version.id).toBe(saved[0]!.version.id)
          expect(await store.listVersions(boards[i]!)).toEqual([saved[0]!.version])
        }
      }),
    )

    it(
      'the activity record: ids in order, newest first, an entry updated in place, trimmed to the newest',
      withStore(async ({ store }) => {
        const board = boardId()
        const other = boardId()
        const ids: number[] = []
        for (let i = 0; i < 6; i++) ids.push(await store.appendActivity(activity(board, 100 + i)))
        const foreign = await store.appendActivity(activity(other, 1))
        expect([...ids].sort((a, b) => a - b)).toEqual(ids)
        const list = await store.listActivity(board, 100)
        expect(list.map((e) => e.id)).toEqual([...ids].reverse())
        expect(list[0]).toEqual({ id: ids[5], ...activity(board, 105) })
        expect((await store.listActivity(board, 2)).map((e) => e.id)).toEqual([ids[5], ids[4]])
        expect(await store.listActivity(board, 0)).toEqual([])
        // a writer's run folded into its entry
        await store.updateActivity(ids[2]!, { until: 999, changes: change('rinominata') })
        const updated = (await store.listActivity(board, 100)).find((e) => e.id === ids[2])
        expect(updated).toEqual({
          ...activity(board, 102),
          id: ids[2],
          until: 999,
          changes: change('rinominata'),
        })
        await store.trimActivity(board, 4)
        expect((await store.listActivity(board, 100)).map((e) => e.id)).toEqual(
          ids.slice(2).reverse(),
        )
        // trimming keeps more than there are: nothing goes; other boards are untouched
        await store.trimActivity(board, 50)
        expect(await store.listActivity(board, 100)).toHaveLength(4)
        expect((await store.listActivity(other, 100)).map((e) => e.id)).toEqual([foreign])
      }),
    )

    it(
      'the bin: a batch keeps its order, restoring marks only the given entries, trimmed to the newest',
      withStore(async ({ store }) => {
        const board = boardId()
        const other = boardId()
        await store.addToBin([
          binEntry(board, 10, 'card', 'b1'),
          binEntry(board, 10, 'link1', 'b1'),
          binEntry(board, 10, 'link2', 'b1'),
        ])
        await store.addToBin([binEntry(board, 20, 'alone', 'b2')])
        await store.addToBin([binEntry(other, 30, 'card', 'b1')])
        await store.addToBin([])
        const list = await store.listBin(board, 100)
        expect(list.map((e) => e.recordId)).toEqual(['alone', 'link2', 'link1', 'card'])
        expect(list[3]).toEqual({
          ...binEntry(board, 10, 'card', 'b1'),
          id: list[3]!.id,
          restoredAt: null,
        })
        expect((await store.listBin(board, 1)).map((e) => e.recordId)).toEqual(['alone'])
        const batch = await store.binBatch(board, 'b1')
        expect(batch.map((e) => e.recordId)).toEqual(['card', 'link1', 'link2'])
        expect(await store.binBatch(board, 'nothing')).toEqual([])
        const card = batch[0]!
        expect(await store.getBinEntry(board, card.id)).toEqual(card)
        expect(await store.getBinEntry(other, card.id)).toBeUndefined()
        const foreign = (await store.listBin(other, 10))[0]!
        await store.markRestored(board, [card.id, batch[1]!.id, foreign.id], 777)
        const marked = await store.listBin(board, 100)
        expect(marked.map((e) => [e.recordId, e.restoredAt])).toEqual([
          ['alone', null],
          ['link2', null],
          ['link1', 777],
          ['card', 777],
        ])
        expect((await store.getBinEntry(other, foreign.id))?.restoredAt).toBeNull()
        await store.trimBin(board, 2)
        expect((await store.listBin(board, 100)).map((e) => e.recordId)).toEqual(['alone', 'link2'])
        expect(await store.listBin(other, 100)).toHaveLength(1)
      }),
    )

    it(
      'any text a record holds comes back as it went in; a name, but for NUL and lone surrogates',
      withStore(async ({ store }) => {
        const board = boardId()
        const odd = 'Cooperativa «Àncora» 🌱 \u0000 \ud800 "quoted" \\ back'
        // what a text column can hold: the NUL and the half surrogate become U+FFFD
        const plain = (s: string) => s.replace('\u0000', '\uFFFD').replace('\ud800', '\uFFFD')
        const fields = { label: odd, tags: ['a', odd], nested: { n: 1e21, z: -3.25, t: true } }
        await store.addToBin([{ ...binEntry(board, 1, 'r', 'b'), name: odd, fields }])
        const [entry] = await store.listBin(board, 10)
        expect(entry!.fields).toEqual(fields)
        expect(entry!.name).toBe(plain(odd))
        const changes = change(odd)
        const id = await store.appendActivity({ ...activity(board, 2), name: odd, changes })
        const [recorded] = await store.listActivity(board, 10)
        expect(recorded).toMatchObject({ id, changes, name: plain(odd) })
        const saved = await store.saveVersion(
          version(board, 3, { reason: 'named', name: `Fine\u0000${odd}`, author: odd }),
        )
        expect(saved).toMatchObject({ name: `Fine\uFFFD${plain(odd)}`, author: plain(odd) })
        expect(await store.getVersion(board, saved.id)).toEqual(saved)
      }),
    )

    it(
      'an entry of a restore keeps its mark; the others have none',
      withStore(async ({ store }) => {
        const board = boardId()
        await store.appendActivity(activity(board, 1))
        await store.appendActivity({ ...activity(board, 2), restore: 'version' })
        await store.appendActivity({ ...activity(board, 3), restore: 'bin' })
        expect((await store.listActivity(board, 10)).map((e) => e.restore)).toEqual([
          'bin',
          'version',
          null,
        ])
      }),
    )

    it(
      'what was handed to the store before close is there when it opens again',
      withStore(async (subject) => {
        const board = boardId()
        const saved = await subject.store.saveVersion(version(board, 1))
        // written without waiting, as the recorder writes activity and the bin
        const pending = [
          subject.store.appendActivity(activity(board, 2)),
          subject.store.addToBin([binEntry(board, 3, 'card', 'b')]),
        ]
        await subject.store.close()
        await Promise.all(pending)
        const again = await subject.reopen()
        expect(await again.listVersions(board)).toEqual([saved])
        expect(await again.versionState(board, saved.id)).toEqual(version(board, 1).state)
        expect(await again.listActivity(board, 10)).toHaveLength(1)
        expect((await again.listBin(board, 10)).map((e) => e.recordId)).toEqual(['card'])
      }),
    )
  })
}
