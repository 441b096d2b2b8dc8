import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { Decoded, Struct } from './updatePlaces.ts'

/**
 * Why an update cannot be integrated, as the update guard reports it:
 * - `malformed`: no Yjs encoder writes it (a client's structs in two blocks, an item that
 *   refers to its own client's later content, on which Yjs throws while applying);
 * - `unintegrable`: it needs content the document does not hold (its structs or deletions
 *   would stay pending). An honest client in a state we did not foresee can send one; what it
 *   lacks comes with its answer to the server's sync step 1.
 */
export interface IntegrationProblem {
  kind: 'malformed' | 'unintegrable'
  reason: string
}

/** A client's structs in the update, and how many of them the walk has taken. */
interface Refs {
  list: Struct[]
  i: number
}

/**
 * Whether `update` integrates fully into `doc` as it is, or what stays pending. Walks the
 * update as Yjs's own integration does (its `integrateStructs`: a client's structs in clock
 * order, a struct whose origin, right origin or parent another client has not written yet
 * sends the walk to that client's next struct, a struct that cannot go in leaves the rest
 * pending), on clocks only: nothing is applied, nothing re-encoded. Then every deletion range
 * must lie within what the document holds once the update is in.
 *
 * With the update's bytes (version 1), also the number of client blocks its header announces:
 * Yjs keeps only a client's last block, so a second one, even empty, would drop the first
 * (which the decoded structs cannot show) and leave deletions of it pending.
 *
 * `queued`: per client, the clock that updates already accepted and not yet applied (waiting
 * for their group commit) take the document to; they were judged the same way, so they continue
 * the document's clocks, and what builds on them integrates once they are in.
 *
 * Cost: each struct is taken once, plus one state lookup per client and one per dependency
 * that crosses clients; each deletion range is one comparison.
 */
export function integrationProblem(
  doc: Y.Doc,
  update: Decoded,
  bytes?: Uint8Array,
  queued?: ReadonlyMap<number, number>,
): IntegrationProblem | null {
  const store = doc.store
  const refs = new Map<number, Refs>()
  let current: Refs | null = null
  let currentClient = -1
  for (const s of update.structs) {
    const client = s.id.client
    if (current && client === currentClient) {
      const last = current.list[current.list.length - 1]!
      // a client's structs are one run of clocks (a skip fills a gap)
      if (last.id.clock + last.length !== s.id.clock)
        return malformed(`client ${client}: structs out of order at clock ${s.id.clock}`)
      current.list.push(s)
      continue
    }
    // Yjs keeps only the last block of a client: whatever came before would be dropped
    if (refs.has(client)) return malformed(`client ${client} is written twice`)
    current = { list: [s], i: 0 }
    currentClient = client
    refs.set(client, current)
  }
  if (bytes && decoding.readVarUint(decoding.createDecoder(bytes)) !== refs.size)
    return malformed('a client is written twice, or written with nothing')

  /** The document's clock per client as the walk integrates the update. */
  const state = new Map<number, number>()
  const clockOf = (client: number): number => {
    let clock = state.get(client)
    if (clock === undefined) {
      clock = Math.max(Y.getState(store, client), queued?.get(client) ?? 0)
      state.set(client, clock)
    }
    return clock
  }

  if (refs.size) {
    const problem = walk(refs, clockOf, state)
    if (problem) return problem
  }

  for (const [client, ranges] of update.ds.clients) {
    const reach = clockOf(client)
    for (const { clock, len } of ranges) {
      // Yjs never writes an empty range, and one it cannot apply yet makes every receiver
      // throw while keeping it for later (its encoder refuses a length of 0)
      if (!(len > 0)) return unintegrable(`an empty deletion (client ${client}, clock ${clock})`)
      // the part past what the document holds would stay pending: the "black hole" that
      // deletes the victims' next cards on arrival, for everyone
      if (clock + len > reach)
        return unintegrable(
          `deletes content the server does not have (client ${client}, clock ${Math.max(clock, reach)})`,
        )
    }
  }
  return null
}

/** Yjs's integration order on clocks: null when every struct goes in. */
function walk(
  refs: Map<number, Refs>,
  clockOf: (client: number) => number,
  state: Map<number, number>,
): IntegrationProblem | null {
  // Yjs starts with the highest client id and works down
  const order = [...refs.keys()].sort((a, b) => a - b)
  const nextTarget = (): Refs | null => {
    while (order.length) {
      const target = refs.get(order[order.length - 1]!)!
      if (target.i < target.list.length) return target
      order.pop()
    }
    return null
  }
  let target = nextTarget()
  if (!target) return null
  const stack: Struct[] = []
  let head: Struct = target.list[target.i++]!
  for (;;) {
    if (!(head instanceof Y.Skip)) {
      const client = head.id.client
      const offset = clockOf(client) - head.id.clock
      if (offset < 0)
        return unintegrable(
          `client ${client} starts at clock ${head.id.clock}, past the server's ${clockOf(client)}`,
        )
      const missing = head instanceof Y.Item ? missingOf(head, clockOf) : null
      if (missing && 'kind' in missing) return missing
      if (missing) {
        stack.push(head)
        const other = refs.get(missing.client)
        if (!other || other.i === other.list.length)
          return unintegrable(
            `needs content the server does not have (client ${missing.client}, clock ${missing.clock})`,
          )
        head = other.list[other.i++]!
        continue
      }
      if (offset < head.length) state.set(client, head.id.clock + head.length)
    }
    if (stack.length) head = stack.pop()!
    else if (target.i < target.list.length) head = target.list[target.i++]!
    else {
      const next = nextTarget()
      if (!next) return null
      target = next
      head = target.list[target.i++]!
    }
  }
}

/**
 * The first thing an item needs from another client that is not there yet (Yjs's
 * `Item.getMissing`), or a refusal for one that refers to its own client's later content:
 * Yjs trusts those to be there and throws when they are not.
 */
function missingOf(
  item: Y.Item,
  clockOf: (client: number) => number,
): Y.ID | IntegrationProblem | null {
  const parent = item.parent instanceof Y.ID ? item.parent : null
  for (const dep of [item.origin, item.rightOrigin, parent]) {
    if (!dep) continue
    if (dep.client === item.id.client) {
      if (dep.clock >= item.id.clock)
        return malformed(
          `client ${dep.client}: the item at clock ${item.id.clock} refers to clock ${dep.clock}`,
        )
    } else if (dep.clock >= clockOf(dep.client)) return dep
  }
  return null
}

const malformed = (reason: string): IntegrationProblem => ({ kind: 'malformed', reason })
const unintegrable = (reason: string): IntegrationProblem => ({ kind: 'unintegrable', reason })

/**
 * Drops what a document holds pending (content whose dependencies it lacks), and says whether
 * there was any. Used where nothing can complete it any more: the server once a board's whole
 * store is applied, a page once it has the server's answer (content refused before the guard
 * refused it at the door, kept by a browser's local copy). Left pending, Yjs would send it with
 * every sync and the server would refuse it with every sync.
 */
export function dropPending(doc: Y.Doc): boolean {
  const { store } = doc
  if (!store.pendingStructs && !store.pendingDs) return false
  store.pendingStructs = null
  store.pendingDs = null
  return true
}
