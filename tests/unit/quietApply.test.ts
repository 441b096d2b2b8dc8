import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { applyServerUpdatesQuietly } from '../../client/sync/quietApply.ts'
import { idleProviders, syncFrame } from '../helpers/idleProvider.ts'

const provider = idleProviders()
const frame = syncFrame

describe('applying what the server sends', () => {
  const serverBoard = () => {
    const server = new Y.Doc()
    server.getMap('m').set('a', 1)
    server.getText('t').insert(0, 'ciao')
    return server
  }
  const step2From = (server: Y.Doc) =>
    frame((e) => syncProtocol.writeSyncStep2(e, server, new Uint8Array([0])))

  function quietClient() {
    const doc = new Y.Doc()
    const p = provider(doc)
    // the provider's listener, watched: what it would send on
    const sent: unknown[] = []
    doc.off('update', p._updateHandler)
    const original = p._updateHandler
    p._updateHandler = (update, origin) => {
      if (origin !== p) sent.push(origin)
      original(update, origin)
    }
    doc.on('update', p._updateHandler)
    applyServerUpdatesQuietly(doc, p)
    const read = (data: Uint8Array) => {
      const decoder = decoding.createDecoder(data)
      const type = decoding.readVarUint(decoder)
      p.messageHandlers[type]!(encoding.createEncoder(), decoder, p, true, type)
    }
    return { doc, p, sent, read }
  }

  it('does not encode the server’s update again, and the document has it', () => {
    const { doc, p, read } = quietClient()
    // Yjs encodes a transaction's update right after this event if anyone listens then
    const listening: boolean[] = []
    const emit = doc.emit.bind(doc)
    doc.emit = (name, args) => {
      emit(name, args)
      if (name === 'afterTransactionCleanup') listening.push(doc._observers.has('update'))
    }
    read(step2From(serverBoard()))
    expect(doc.getMap('m').get('a')).toBe(1)
    expect(doc.getText('t').toString()).toBe('ciao')
    expect(listening).toEqual([false])
    expect(p.synced).toBe(true)
    expect(doc._observers.get('update')?.size).toBe(1)
  })

  it('sends a change an observer makes in reaction, and later local changes', () => {
    const { doc, sent, read } = quietClient()
    doc.getMap('m').observe(() => {
      if (!doc.getMap('m').has('seen')) doc.transact(() => doc.getMap('m').set('seen', true), 'me')
    })
    read(step2From(serverBoard()))
    expect(doc.getMap('m').get('seen')).toBe(true)
    expect(sent).toEqual(['me'])
    doc.transact(() => doc.getMap('m').set('later', 2), 'me')
    expect(sent).toEqual(['me', 'me'])
  })

  it('other update listeners still get the server’s update', () => {
    const { doc, read } = quietClient()
    const stored: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => stored.push(update))
    read(step2From(serverBoard()))
    const copy = new Y.Doc()
    for (const u of stored) Y.applyUpdate(copy, u)
    expect(copy.getText('t').toString()).toBe('ciao')
  })

  /** A local copy as client/sync/localCopy.ts is: listening, and kept quiet. */
  function quietCopy(doc: Y.Doc, quiet: ReturnType<typeof applyServerUpdatesQuietly>) {
    const kept: Uint8Array[] = []
    const updates: unknown[] = []
    const copy = {
      onUpdate: (_update: Uint8Array, origin: unknown) => void updates.push(origin),
      keepFromServer: (update: Uint8Array) => void kept.push(update.slice()),
    }
    doc.on('update', copy.onUpdate)
    const remove = quiet.add(copy)
    return { kept, updates, remove }
  }

  it('gives the local copy the server’s update as it came, with nothing encoded for it', () => {
    const doc = new Y.Doc()
    const p = provider(doc)
    const copy = quietCopy(doc, applyServerUpdatesQuietly(doc, p))
    const listening: boolean[] = []
    const emit = doc.emit.bind(doc)
    doc.emit = (name, args) => {
      emit(name, args)
      if (name === 'afterTransactionCleanup') listening.push(doc._observers.has('update'))
    }
    const server = serverBoard()
    const message = step2From(server)
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    p.messageHandlers[type]!(encoding.createEncoder(), decoder, p, true, type)
    // the update of the message, byte for byte, and no update event for the provider's change
    expect(copy.kept).toEqual([Y.encodeStateAsUpdate(server, new Uint8Array([0]))])
    expect(copy.updates).toEqual([])
    expect(listening).toEqual([false])
    // what it keeps makes the board again
    const again = new Y.Doc()
    for (const u of copy.kept) Y.applyUpdate(again, u)
    expect(again.getText('t').toString()).toBe('ciao')
    // this person's own change reaches it as an update, at once
    doc.transact(() => doc.getMap('m').set('mine', 1), 'me')
    expect(copy.updates).toEqual(['me'])
    // a copy taken away is no longer given anything
    copy.remove()
    server.getMap('m').set('b', 2)
    const next = step2From(server)
    const d2 = decoding.createDecoder(next)
    p.messageHandlers[decoding.readVarUint(d2)]!(encoding.createEncoder(), d2, p, true, 0)
    expect(copy.kept).toHaveLength(1)
  })
})
