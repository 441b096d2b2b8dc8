import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import {
  SCHEMA_VERSION,
  canvasRoots,
  metaRoot,
  readFields,
  readMeta,
  type FieldMap,
} from '../../shared/schema/index.ts'
import type { BoardStore } from '../store/boardStore.ts'
import {
  patchList,
  toCauseEffectEdge,
  toProblemNode,
  type CauseEffectEdge,
  type ProblemNode,
} from '../store/projection.ts'
import { readPeers, type Peer } from './awareness.ts'

/** Ids touched by a batch of deep events on a root map of cards or links. */
function touchedIds(
  root: Y.Map<FieldMap>,
  events: Y.YEvent<Y.AbstractType<unknown>>[],
): Set<string> {
  const ids = new Set<string>()
  for (const event of events) {
    if (event.target === root)
      for (const key of (event as Y.YMapEvent<FieldMap>).keysChanged) ids.add(key)
    else if (typeof event.path[0] === 'string') ids.add(event.path[0])
  }
  return ids
}

/** Positions other people are dragging right now, by card id. */
function remoteDrags(peers: Peer[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>()
  for (const peer of peers)
    if (peer.drag?.canvas === 'problems')
      for (const [id, pos] of Object.entries(peer.drag.nodes)) out.set(id, pos)
  return out
}

/**
 * Binds a document to a store, one way: Yjs events → projection. Nothing here writes to the
 * document. Returns the function that unbinds.
 */
export function bindDocToStore(doc: Y.Doc, store: BoardStore, awareness?: Awareness): () => void {
  const { nodes: nodesRoot, edges: edgesRoot } = canvasRoots(doc, 'problems')
  const meta = metaRoot(doc)
  let dragged = new Map<string, { x: number; y: number }>()

  const nodeFor = (id: string, prev?: ProblemNode): ProblemNode | null => {
    const map = nodesRoot.get(id)
    if (!map) return null
    const node = toProblemNode(id, readFields(map), prev)
    const remote = dragged.get(id)
    if (remote && !node.dragging && (node.position.x !== remote.x || node.position.y !== remote.y))
      return { ...node, position: remote }
    return node
  }
  const edgeFor = (id: string, prev?: CauseEffectEdge): CauseEffectEdge | null => {
    const map = edgesRoot.get(id)
    return map ? toCauseEffectEdge(id, readFields(map), prev) : null
  }

  const refreshNodes = (ids: Iterable<string>) => {
    const { nodes } = store.getState()
    const byId = new Map(nodes.map((n) => [n.id, n]))
    const changed = new Map<string, ProblemNode | null>()
    for (const id of ids) changed.set(id, nodeFor(id, byId.get(id)))
    const next = patchList(nodes, changed)
    if (next !== nodes) store.setState({ nodes: next })
  }
  const refreshEdges = (ids: Iterable<string>) => {
    const { edges } = store.getState()
    const byId = new Map(edges.map((e) => [e.id, e]))
    const changed = new Map<string, CauseEffectEdge | null>()
    for (const id of ids) changed.set(id, edgeFor(id, byId.get(id)))
    const next = patchList(edges, changed)
    if (next !== edges) store.setState({ edges: next })
  }
  const refreshMeta = () => {
    const m = readMeta(doc)
    store.setState({
      title: m.title,
      phase: m.phase,
      schemaTooNew: m.schemaVersion > SCHEMA_VERSION,
    })
  }

  const onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    refreshNodes(touchedIds(nodesRoot, events))
  const onEdges = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    refreshEdges(touchedIds(edgesRoot, events))
  const onAwareness = () => {
    if (!awareness) return
    const peers = readPeers(awareness)
    const before = dragged
    dragged = remoteDrags(peers)
    store.setState({ peers })
    const ids = new Set([...before.keys(), ...dragged.keys()])
    if (ids.size) refreshNodes(ids)
  }

  refreshMeta()
  refreshNodes(nodesRoot.keys())
  refreshEdges(edgesRoot.keys())
  nodesRoot.observeDeep(onNodes)
  edgesRoot.observeDeep(onEdges)
  meta.observe(refreshMeta)
  awareness?.on('change', onAwareness)
  onAwareness()
  return () => {
    nodesRoot.unobserveDeep(onNodes)
    edgesRoot.unobserveDeep(onEdges)
    meta.unobserve(refreshMeta)
    awareness?.off('change', onAwareness)
  }
}
