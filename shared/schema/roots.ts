import * as Y from 'yjs'
import { REGISTRY } from './registry.ts'

/**
 * The only module that knows the Yjs root names. Every shared type two clients could create
 * concurrently is a root (`doc.getMap(name)`), never a nested type created lazily.
 */
export const CANVASES = ['problems', 'objectives', 'stakeholders'] as const
export type CanvasName = (typeof CANVASES)[number]

export { PHASES, type Phase } from './vocabulary.ts'

/**
 * Every root that holds records: a Y.Map from id to one Y.Map of fields per record (cards,
 * links, clusters, target groups, strategy candidates, criteria, scores, logframe rows), as the
 * registry declares them.
 */
export const COLLECTIONS = REGISTRY.map((spec) => spec.name)
export type CollectionName = (typeof REGISTRY)[number]['name']

export const ROOT_NAMES = {
  meta: 'meta',
  nodes: (canvas: CanvasName) => `${canvas}.nodes` as const,
  edges: (canvas: CanvasName) => `${canvas}.edges` as const,
} as const

/** A record: one Y.Map of plain (JSON) values, last writer wins per key. */
export type FieldMap = Y.Map<unknown>

export interface CanvasRoots {
  nodes: Y.Map<FieldMap>
  edges: Y.Map<FieldMap>
}

export function metaRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_NAMES.meta)
}

export function collectionRoot(doc: Y.Doc, name: CollectionName): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>(name)
}

export function canvasRoots(doc: Y.Doc, canvas: CanvasName): CanvasRoots {
  return {
    nodes: collectionRoot(doc, ROOT_NAMES.nodes(canvas)),
    edges: collectionRoot(doc, ROOT_NAMES.edges(canvas)),
  }
}

/** Every root of the schema, e.g. for an UndoManager's scope. */
export function allRoots(doc: Y.Doc): Y.Map<unknown>[] {
  return [metaRoot(doc), ...COLLECTIONS.map((name) => collectionRoot(doc, name) as Y.Map<unknown>)]
}
