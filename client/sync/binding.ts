import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import {
  CANVASES,
  SCHEMA_VERSION,
  canvasRoots,
  collectionRoot,
  metaRoot,
  collectionSpec,
  normaliseRecord,
  readMeta,
  type CanvasName,
  type FieldMap,
} from '../../shared/schema/index.ts'
import {
  LIST_NAMES,
  type BoardStore,
  type CanvasProjection,
  type ListName,
} from '../store/boardStore.ts'
import {
  EDGE_TYPES,
  inListOrder,
  patchList,
  toCardNode,
  toItem,
  toLinkEdge,
  type CardNode,
  type Item,
  type LinkEdge,
} from '../store/projection.ts'
import { readPeers, type Peer } from './awareness.ts'

type DeepEvents = Y.YEvent<Y.AbstractType<unknown>>[]

/** Ids touched by a batch of deep events on a root map of records. */
function touchedIds(root: Y.Map<FieldMap>, events: DeepEvents): Set<string> {
  const ids = new Set<string>()
  for (const event of events) {
    if (event.target === root)
      for (const key of (event as Y.YMapEvent<FieldMap>).keysChanged) ids.add(key)
    else if (typeof event.path[0] === 'string') ids.add(event.path[0])
  }
  return ids
}

type Point = { x: number; y: number }

/** Positions other people are dragging right now, by canvas and card id. */
function remoteDrags(peers: Peer[]): Map<string, Point> {
  const out = new Map<string, Point>()
  for (const peer of peers)
    if (peer.drag)
      for (const [id, pos] of Object.entries(peer.drag.nodes))
        out.set(`${peer.drag.canvas}/${id}`, pos)
  return out
}

/** Everyone's cursor is sent at most this often (useCanvasHandlers' CURSOR_MS). */
const PRESENCE_MS = 1000 / 15

/**
 * How presence changes are batched: in the browser, on an animation frame at most every
 * {@link PRESENCE_MS} — the rate at which any one person's cursor moves, so nobody's cursor
 * loses a step. Once a frame, 30 people moving their cursors re-rendered every page (and the
 * projector, which shows no cursors) at the screen's full frame rate: a quarter of a core per
 * page at 22 people (crowd workshop). Without a frame clock (tests), at once.
 */
function presenceSchedule(): (fn: () => void) => () => void {
  let last = -Infinity
  return (fn) => {
    if (typeof requestAnimationFrame !== 'function') {
      fn()
      return () => {}
    }
    let frame = 0
    const timer = setTimeout(
      () => {
        frame = requestAnimationFrame(() => {
          last = performance.now()
          fn()
        })
      },
      Math.max(0, last + PRESENCE_MS - performance.now()),
    )
    return () => {
      clearTimeout(timer)
      cancelAnimationFrame(frame)
    }
  }
}

/**
 * How changes from others reach the store: together, on the next animation frame (at the
 * latest after {@link BATCH_MS}, as a hidden tab draws no frames). Each message from the
 * server was a store update and a React render of the canvas of its own: in a busy room
 * (20 people moving and writing cards) a slow laptop spent its time rendering states nobody
 * saw and fell minutes behind the room. Without a frame clock (tests), at once.
 */
const BATCH_MS = 100
function frameBatch(): (fn: () => void) => () => void {
  return (fn) => {
    if (typeof requestAnimationFrame !== 'function') {
      fn()
      return () => {}
    }
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer)
      fn()
    })
    const timer = setTimeout(() => {
      cancelAnimationFrame(frame)
      fn()
    }, BATCH_MS)
    return () => {
      clearTimeout(timer)
      cancelAnimationFrame(frame)
    }
  }
}

/** The ids of a projected list that a root does not hold. */
function missingFrom(root: Y.Map<FieldMap>, list: { id: string }[]): string[] {
  return list.filter((item) => !root.has(item.id)).map((item) => item.id)
}

/** What {@link bindDocToStore} returns: the function that unbinds, and {@link dropStale}. */
export type DocBinding = (() => void) & {
  /**
   * Takes out of the store the records the document does not hold: after a preview
   * (client/sync/preview.ts), those deleted since it was read. (Every record the document
   * holds was projected as it came.)
   */
  dropStale(): void
}

/**
 * Binds a document to a store, one way: Yjs events → projection. Nothing here writes to the
 * document.
 */
export function bindDocToStore(
  doc: Y.Doc,
  store: BoardStore,
  awareness?: Awareness,
  schedule: (fn: () => void) => () => void = presenceSchedule(),
  batch: (fn: () => void) => () => void = frameBatch(),
): DocBinding {
  let dragged = new Map<string, Point>()
  const cleanups: (() => void)[] = []
  const stale: (() => void)[] = []

  // Records changed by others and not yet in the store, by the function that projects them.
  const pending = new Map<(ids: Iterable<string>) => void, Set<string>>()
  let batched = false
  let cancelBatch = () => {}
  const flush = () => {
    cancelBatch()
    batched = false
    for (const [refresh, ids] of [...pending]) {
      pending.delete(refresh)
      refresh(ids)
    }
  }
  cleanups.push(() => cancelBatch())
  /**
   * Projects a root's changes: others' once a frame (once the board is loaded: what it shows
   * first is all there at once); one's own at once, after whatever of the others' came before.
   */
  const observe = (root: Y.Map<FieldMap>, refresh: (ids: Iterable<string>) => void) => {
    const onChange = (events: DeepEvents, transaction: Y.Transaction) => {
      const ids = touchedIds(root, events)
      if (transaction.local || !store.getState().synced) {
        flush()
        refresh(ids)
        return
      }
      const waiting = pending.get(refresh)
      if (waiting) for (const id of ids) waiting.add(id)
      else pending.set(refresh, ids)
      if (!batched) {
        batched = true
        cancelBatch = batch(flush)
      }
    }
    root.observeDeep(onChange)
    cleanups.push(() => root.unobserveDeep(onChange))
  }

  const setCanvas = (canvas: CanvasName, patch: Partial<CanvasProjection>) =>
    store.setState((s) => ({
      canvases: { ...s.canvases, [canvas]: { ...s.canvases[canvas], ...patch } },
    }))

  const bindCanvas = (canvas: CanvasName) => {
    const { nodes: nodesRoot, edges: edgesRoot } = canvasRoots(doc, canvas)
    const nodeSpec = collectionSpec(`${canvas}.nodes`)
    const edgeSpec = collectionSpec(`${canvas}.edges`)
    const nodeFor = (id: string, prev?: CardNode): CardNode | null => {
      // What any client wrote goes through the normaliser: a card that cannot be read is not
      // shown (and does not empty the canvas); a wrong field shows repaired.
      const fields = normaliseRecord(nodeSpec, id, nodesRoot.get(id))
      if (!fields) return null
      const node = toCardNode(id, fields, prev)
      const remote = dragged.get(`${canvas}/${id}`)
      if (!remote || node.dragging) return node
      // While someone drags it, the card shows where they hold it; an unchanged frame keeps
      // the previous object, so React Flow does not re-render for nothing.
      if (
        prev &&
        node.data === prev.data &&
        prev.position.x === remote.x &&
        prev.position.y === remote.y
      )
        return prev
      return { ...node, position: remote }
    }
    const refreshNodes = (ids: Iterable<string>) => {
      const { nodes } = store.getState().canvases[canvas]
      const byId = new Map(nodes.map((n) => [n.id, n]))
      const changed = new Map<string, CardNode | null>()
      for (const id of ids) changed.set(id, nodeFor(id, byId.get(id)))
      const next = patchList(nodes, changed)
      if (next !== nodes) setCanvas(canvas, { nodes: next })
    }
    const refreshEdges = (ids: Iterable<string>) => {
      const { edges } = store.getState().canvases[canvas]
      const byId = new Map(edges.map((e) => [e.id, e]))
      const changed = new Map<string, LinkEdge | null>()
      for (const id of ids) {
        const fields = normaliseRecord(edgeSpec, id, edgesRoot.get(id))
        changed.set(id, fields ? toLinkEdge(id, fields, byId.get(id), EDGE_TYPES[canvas]) : null)
      }
      const next = patchList(edges, changed)
      if (next !== edges) setCanvas(canvas, { edges: next })
    }
    refreshNodes(nodesRoot.keys())
    refreshEdges(edgesRoot.keys())
    stale.push(() => {
      const { nodes, edges } = store.getState().canvases[canvas]
      refreshNodes(missingFrom(nodesRoot, nodes))
      refreshEdges(missingFrom(edgesRoot, edges))
    })
    observe(nodesRoot, refreshNodes)
    observe(edgesRoot, refreshEdges)
    return refreshNodes
  }

  const bindList = (name: ListName) => {
    const root = collectionRoot(doc, name)
    const spec = collectionSpec(name)
    const refresh = (ids: Iterable<string>) => {
      const list = store.getState().lists[name]
      const byId = new Map(list.map((i) => [i.id, i]))
      const changed = new Map<string, Item | null>()
      for (const id of ids) {
        const fields = normaliseRecord(spec, id, root.get(id))
        changed.set(id, fields ? toItem(id, fields, byId.get(id)) : null)
      }
      let next = patchList(list, changed)
      if (next !== list) next = inListOrder(name, next)
      if (next !== list) store.setState((s) => ({ lists: { ...s.lists, [name]: next } }))
    }
    refresh(root.keys())
    observe(root, refresh)
    stale.push(() => refresh(missingFrom(root, store.getState().lists[name])))
  }

  const meta = metaRoot(doc)
  const refreshMeta = () => {
    const m = readMeta(doc)
    store.setState({
      title: m.title,
      phase: m.phase,
      chosenStrategy: m.chosenStrategy,
      schemaTooNew: m.schemaVersion > SCHEMA_VERSION,
    })
  }
  refreshMeta()
  meta.observe(refreshMeta)
  cleanups.push(() => meta.unobserve(refreshMeta))

  const refreshers = new Map(CANVASES.map((c) => [c, bindCanvas(c)]))
  for (const name of LIST_NAMES) bindList(name)

  const peerCache = new Map<number, { state: unknown; peer: Peer | null }>()
  const onAwareness = () => {
    // (Our own cursor and drags change nothing in what we show of the others: skipped above.)
    if (!awareness) return
    const peers = readPeers(awareness, peerCache)
    const before = store.getState().peers
    if (peers.length === before.length && peers.every((p, i) => p === before[i])) return
    const draggedBefore = dragged
    dragged = remoteDrags(peers)
    store.setState({ peers })
    const touched = new Map<CanvasName, Set<string>>()
    for (const key of new Set([...draggedBefore.keys(), ...dragged.keys()])) {
      const [canvas, id] = key.split('/') as [CanvasName, string]
      if (!touched.has(canvas)) touched.set(canvas, new Set())
      touched.get(canvas)!.add(id)
    }
    for (const [canvas, ids] of touched) refreshers.get(canvas)?.(ids)
  }
  let scheduled = false
  let cancel = () => {}
  const onAwarenessChange = (_changes: unknown, origin: unknown) => {
    if (origin === 'local' || scheduled) return
    scheduled = true
    cancel = schedule(() => {
      scheduled = false
      onAwareness()
    })
  }
  awareness?.on('change', onAwarenessChange)
  onAwareness()
  cleanups.push(() => {
    awareness?.off('change', onAwarenessChange)
    cancel()
  })
  const unbind = () => cleanups.forEach((fn) => fn())
  return Object.assign(unbind, {
    dropStale: () => {
      flush()
      for (const fn of stale) fn()
    },
  })
}
