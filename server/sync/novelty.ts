import * as Y from 'yjs'

type Decoded = ReturnType<typeof Y.decodeUpdate>

/**
 * Whether a decoded update would change the document. Every stock client answers the server's
 * sync step 1 with its whole delete set and whatever it thinks the server lacks; when that is
 * already known, storing it would only grow the log (and make a board that people merely
 * opened look changed, so its unload would rewrite the snapshot).
 *
 * Conservative: anything it cannot prove known (content beyond the document's clocks, a
 * deletion of content still pending) counts as new.
 */
export function changesDocument(doc: Y.Doc, decoded: Decoded): boolean {
  const store = doc.store
  for (const struct of decoded.structs) {
    // Skip structs are gaps in the encoding, not content.
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    if (clock + struct.length > Y.getState(store, client)) return true
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(store, client)
    const structs = store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (len === 0) continue
      if (!structs || clock + len > state) return true
      let index = Y.findIndexSS(structs, clock)
      for (let s = structs[index]; s && s.id.clock < clock + len; s = structs[++index])
        if (!s.deleted) return true
    }
  }
  return false
}
