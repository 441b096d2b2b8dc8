import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { replayStored } from '../../server/sync/replay.ts'

describe('replayStored', () => {
  it('rebuilds the document from a snapshot and a long log, in order', async () => {
    const source = new Y.Doc()
    source.getMap('m').set('start', 0)
    const snapshot = Y.encodeStateAsUpdate(source)
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 3000; i++) source.getMap('m').set(`k${i % 50}`, i)
    source.getArray('a').insert(0, ['last'])

    const doc = new Y.Doc()
    await replayStored(
      doc,
      {
        snapshot,
        updates,
        seqs: updates.map((_, i) => i + 1),
        lastSeq: updates.length,
        generation: 0,
      },
      'storage',
    )
    expect(doc.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON())
    expect(doc.getArray('a').toArray()).toEqual(['last'])
  })

  it('loads a board that has only a log, or nothing', async () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    source.getMap('m').set('x', 1)
    const doc = new Y.Doc()
    await replayStored(doc, { snapshot: null, updates, seqs: [1], lastSeq: 1, generation: 0 }, null)
    expect(doc.getMap('m').get('x')).toBe(1)
    const empty = new Y.Doc()
    await replayStored(
      empty,
      { snapshot: null, updates: [], seqs: [], lastSeq: 0, generation: 0 },
      null,
    )
    expect(empty.share.size).toBe(0)
  })
})
