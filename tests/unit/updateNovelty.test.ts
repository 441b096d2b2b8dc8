import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changesDocument } from '../../server/sync/novelty.ts'

const news = (doc: Y.Doc, update: Uint8Array) => changesDocument(doc, Y.decodeUpdate(update))

function twoDocs(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc()
  const client = new Y.Doc()
  client.getMap('m').set('a', 1)
  client.getArray('l').insert(0, [1, 2, 3])
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
  return { server, client }
}

describe('changesDocument', () => {
  it('a sync step 2 of a client that holds nothing new is not news', () => {
    const { server, client } = twoDocs()
    expect(news(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(false)
    expect(news(server, Y.encodeStateAsUpdate(client))).toBe(false)
  })

  it('new content is news', () => {
    const { server, client } = twoDocs()
    const sv = Y.encodeStateVector(server)
    client.getMap('m').set('b', 2)
    expect(news(server, Y.encodeStateAsUpdate(client, sv))).toBe(true)
  })

  it('a deletion the server has not seen is news; once applied, it is not', () => {
    const { server, client } = twoDocs()
    client.getArray('l').delete(1, 1)
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(news(server, step2)).toBe(true)
    Y.applyUpdate(server, step2)
    // Every reconnect repeats the whole delete set: known, so not stored again.
    expect(news(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(false)
  })

  it('a deletion of content the server does not hold yet is news', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    client.getArray('l').insert(0, [1, 2])
    client.getArray('l').delete(0, 1)
    const full = Y.decodeUpdate(Y.encodeStateAsUpdate(client))
    expect(changesDocument(server, { structs: [], ds: full.ds })).toBe(true)
  })
})
