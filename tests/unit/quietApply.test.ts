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

  it('other update listeners (the local copy) still get the server’s update', () => {
    const { doc, read } = quietClient()
    const stored: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => stored.push(update))
    read(step2From(serverBoard()))
    const copy = new Y.Doc()
    for (const u of stored) Y.applyUpdate(copy, u)
    expect(copy.getText('t').toString()).toBe('ciao')
  })
})
