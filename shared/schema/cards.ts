import * as Y from 'yjs'
import { canvasRoots, metaRoot, type CanvasName, type FieldMap, type Phase } from './roots.ts'
import { SCHEMA_VERSION } from './version.ts'

export const PROBLEM_ROLES = ['core', 'cause', 'effect'] as const
export type ProblemRole = (typeof PROBLEM_ROLES)[number]

/** Fields every card has, whatever its canvas. */
export interface CardBase {
  kind: string
  label: string
  x: number
  y: number
}

export interface ProblemCard extends CardBase {
  kind: 'problem'
  role: ProblemRole
}

export interface LinkFields {
  source: string
  target: string
  kind: string
}

/** The link kind of the problem tree: it points from a cause to its effect. */
export const CAUSE_EFFECT = 'cause-effect'

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export type Fields = Record<string, JsonValue>

export interface BoardMeta {
  schemaVersion: number
  title: string
  phase: Phase
  createdAt: string
}

/** Reads a card or link map into a plain object (nested Y types, if any, as JSON). */
export function readFields(map: FieldMap): Fields {
  const out: Fields = {}
  map.forEach((value, key) => {
    out[key] =
      value instanceof Y.AbstractType ? (value.toJSON() as JsonValue) : (value as JsonValue)
  })
  return out
}

function writeMap(fields: Fields): FieldMap {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  return map
}

/**
 * Creates a card with all its fields at once. Call inside a transaction: a card is born whole,
 * by the client that made its id.
 */
export function putCard(doc: Y.Doc, canvas: CanvasName, id: string, fields: Fields): void {
  canvasRoots(doc, canvas).nodes.set(id, writeMap(fields))
}

export function putLink(doc: Y.Doc, canvas: CanvasName, id: string, fields: Fields): void {
  canvasRoots(doc, canvas).edges.set(id, writeMap(fields))
}

/** Removes a card and every link touching it. */
export function deleteCard(doc: Y.Doc, canvas: CanvasName, id: string): void {
  const { nodes, edges } = canvasRoots(doc, canvas)
  doc.transact(() => {
    nodes.delete(id)
    edges.forEach((link, linkId) => {
      if (link.get('source') === id || link.get('target') === id) edges.delete(linkId)
    })
  })
}

/** Writes the meta of a new board. */
export function initBoard(doc: Y.Doc, title: string, createdAt: string): void {
  doc.transact(() => {
    const meta = metaRoot(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', title)
    meta.set('phase', 'problems')
    meta.set('createdAt', createdAt)
  })
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaRoot(doc)
  const version = meta.get('schemaVersion')
  const title = meta.get('title')
  const phase = meta.get('phase')
  const createdAt = meta.get('createdAt')
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
    phase: (typeof phase === 'string' ? phase : 'problems') as Phase,
    createdAt: typeof createdAt === 'string' ? createdAt : '',
  }
}
