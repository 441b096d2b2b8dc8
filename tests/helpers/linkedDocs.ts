import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'

const REMOTE = Symbol('remote')

/**
 * Two documents (and their awareness) linked in memory: nothing crosses until `flush()`, so a
 * test decides exactly when each side sees the other's changes.
 */
export function linkedDocs() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const awarenessA = new awarenessProtocol.Awareness(a)
  const awarenessB = new awarenessProtocol.Awareness(b)
  const toB: Uint8Array[] = []
  const toA: Uint8Array[] = []
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== REMOTE && toB.push(u))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== REMOTE && toA.push(u))
  return {
    a,
    b,
    awarenessA,
    awarenessB,
    flush() {
      for (const u of toB.splice(0)) Y.applyUpdate(b, u, REMOTE)
      for (const u of toA.splice(0)) Y.applyUpdate(a, u, REMOTE)
      const all = (aw: awarenessProtocol.Awareness) => [...aw.getStates().keys()]
      awarenessProtocol.applyAwarenessUpdate(
        awarenessB,
        awarenessProtocol.encodeAwarenessUpdate(awarenessA, all(awarenessA)),
        REMOTE,
      )
      awarenessProtocol.applyAwarenessUpdate(
        awarenessA,
        awarenessProtocol.encodeAwarenessUpdate(awarenessB, all(awarenessB)),
        REMOTE,
      )
    },
    pending: () => toA.length + toB.length,
  }
}
