import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import { readClientMessage, type ClientMessageHandler } from '../../server/sync/clientMessages.ts'
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts'

/** A handler that records what it was handed; sync step 1 answers with a marker update. */
function recorder() {
  const calls: [string, string, Uint8Array | null][] = []
  const handler: ClientMessageHandler<string> = {
    syncStep1: (from, sv) => {
      calls.push(['step1', from, sv])
      return Uint8Array.of(7, 7)
    },
    update: (from, u) => void calls.push(['update', from, u]),
    awareness: (from, u) => void calls.push(['awareness', from, u]),
    queryAwareness: (from) => void calls.push(['query', from, null]),
  }
  return { calls, handler }
}

/** A frame as y-websocket's client writes it. */
function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

describe('client messages (y-websocket protocol)', () => {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 'v')

  it('a sync step 1 is answered with a sync step 2 carrying what the handler returns', () => {
    const { calls, handler } = recorder()
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(e, doc)
    })
    const answer = readClientMessage('alice', step1, handler)
    expect(calls).toEqual([['step1', 'alice', Y.encodeStateVector(doc)]])
    expect(answer).toEqual(
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
        encoding.writeVarUint8Array(e, Uint8Array.of(7, 7))
      }),
    )
  })

  it('a sync step 2 and an update both hand the update over, and answer nothing', () => {
    const { calls, handler } = recorder()
    const update = Y.encodeStateAsUpdate(doc)
    const step2 = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeSyncStep2(e, doc)
    })
    const plain = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeUpdate(e, update)
    })
    expect(readClientMessage('bob', step2, handler)).toBeNull()
    expect(readClientMessage('bob', plain, handler)).toBeNull()
    expect(calls).toEqual([
      ['update', 'bob', update],
      ['update', 'bob', update],
    ])
  })

  it('presence and the question for everyone’s presence reach their handlers', () => {
    const { calls, handler } = recorder()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'Ada' } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    const presence = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(e, update)
    })
    expect(readClientMessage('c', presence, handler)).toBeNull()
    expect(readClientMessage('c', Uint8Array.of(MESSAGE_QUERY_AWARENESS), handler)).toBeNull()
    expect(calls).toEqual([
      ['awareness', 'c', update],
      ['query', 'c', null],
    ])
    awareness.destroy()
  })

  it('an unknown message, an unknown sync message or a payload that does not end the frame throws, handing nothing over', () => {
    const { calls, handler } = recorder()
    const bad = [
      Uint8Array.of(9, 0),
      Uint8Array.of(MESSAGE_SYNC, 5, 0),
      Uint8Array.of(MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 3, 1, 2),
      Uint8Array.of(MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 1, 1, 2),
      Uint8Array.of(MESSAGE_QUERY_AWARENESS, 0),
    ]
    for (const data of bad) expect(() => readClientMessage('d', data, handler)).toThrow()
    expect(calls).toEqual([])
  })
})
