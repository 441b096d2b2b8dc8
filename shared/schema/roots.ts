import * as Y from 'yjs'

/**
 * The only module that knows the Yjs root names. Every shared type two clients could create
 * concurrently is a root (`doc.getMap(name)`), never a nested type created lazily.
 */
export const CANVASES = ['problems', 'objectives', 'stakeholders'] as const
export type CanvasName = (typeof CANVASES)[number]

export const PHASES = ['problems', 'objectives', 'stakeholders', 'pact'] as const
export type Phase = (typeof PHASES)[number]

export const ROOT_NAMES = {
  meta: 'meta',
  nodes: (canvas: CanvasName) => `${canvas}.nodes`,
  edges: (canvas: CanvasName) => `${canvas}.edges`,
} as const

/** A card or a link: one Y.Map of plain (JSON) values, last writer wins per key. */
export type FieldMap = Y.Map<unknown>

export interface CanvasRoots {
  nodes: Y.Map<FieldMap>
  edges: Y.Map<FieldMap>
}

export function metaRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_NAMES.meta)
}

export function canvasRoots(doc: Y.Doc, canvas: CanvasName): CanvasRoots {
  return {
    nodes: doc.getMap<FieldMap>(ROOT_NAMES.nodes(canvas)),
    edges: doc.getMap<FieldMap>(ROOT_NAMES.edges(canvas)),
  }
}

/** Every root of the schema, e.g. for an UndoManager's scope. */
export function allRoots(doc: Y.Doc): Y.Map<unknown>[] {
  const roots: Y.Map<unknown>[] = [metaRoot(doc)]
  for (const canvas of CANVASES) {
    const { nodes, edges } = canvasRoots(doc, canvas)
    roots.push(nodes as Y.Map<unknown>, edges as Y.Map<unknown>)
  }
  return roots
}
