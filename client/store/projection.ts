import type { Edge, Node } from '@xyflow/react'
import {
  compareTargetGroups,
  type CanvasName,
  type Fields,
  type ProblemRole,
} from '../../shared/schema/index.ts'

/** A card's fields as React Flow node data: everything but its position. */
export type CardData = Fields & { kind: string; label: string }
export type CardNode<D extends CardData = CardData, T extends string = string> = Node<D, T>
export type LinkEdge = Edge<Fields>
/** A record of a collection that is not a canvas (clusters, criteria, scores, logframe rows…). */
export type Item = Fields & { id: string }

export type ProblemCardData = CardData & {
  role: ProblemRole
  note?: string
  tags?: string[]
  author?: string
  cluster?: string | null
}
export type ProblemNode = CardNode<ProblemCardData, 'problem'>

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) {
    const x = a[k]
    const y = b[k]
    if (x === y) continue
    // arrays and objects (tags, objective lists) compare by content
    if (typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y))
      continue
    return false
  }
  return true
}

/**
 * A card of the document as a React Flow node (type = the card's kind). Local-only state of the
 * previous node (selection, measured size, an ongoing local drag) is kept; an unchanged card
 * keeps its object identity, so React re-renders only what changed.
 */
export function toCardNode(id: string, fields: Fields, prev?: CardNode): CardNode {
  const { x, y, ...rest } = fields
  const data = {
    ...rest,
    kind: typeof rest.kind === 'string' ? rest.kind : 'card',
    label: typeof rest.label === 'string' ? rest.label : '',
  } as CardData
  const position = prev?.dragging ? prev.position : { x: finite(x), y: finite(y) }
  const samePosition = prev && prev.position.x === position.x && prev.position.y === position.y
  if (prev && samePosition && sameFields(prev.data, data)) return prev
  return {
    ...prev,
    id,
    type: data.kind,
    position: samePosition ? prev.position : position,
    data: prev && sameFields(prev.data, data) ? prev.data : data,
  }
}

/** Edge component per canvas (React Flow `type`); undefined is React Flow's default edge. */
export const EDGE_TYPES: Record<CanvasName, string | undefined> = {
  problems: undefined,
  objectives: undefined,
  stakeholders: 'relation',
}

export function toLinkEdge(
  id: string,
  fields: Fields,
  prev?: LinkEdge,
  type?: string,
): LinkEdge | null {
  const source = typeof fields.source === 'string' ? fields.source : null
  const target = typeof fields.target === 'string' ? fields.target : null
  if (!source || !target) return null
  if (
    prev &&
    prev.source === source &&
    prev.target === target &&
    prev.data &&
    sameFields(prev.data, fields)
  )
    return prev
  return {
    ...prev,
    id,
    source,
    target,
    ...(type ? { type } : {}),
    data: fields,
    // React Flow's `MarkerType.ArrowClosed`, by value: the store does not load React Flow
    markerEnd: { type: 'arrowclosed', width: 18, height: 18 },
  }
}

/**
 * A list as the page shows it: the target groups in their order (compareTargetGroups), every
 * other list as it came. Returns `items` itself when its order is kept.
 */
export function inListOrder(name: string, items: Item[]): Item[] {
  return name === 'targetGroups' ? [...items].sort(compareTargetGroups) : items
}

export function toItem(id: string, fields: Fields, prev?: Item): Item {
  const item = { ...fields, id } as Item
  return prev && sameFields(prev, item) ? prev : item
}

/**
 * Replaces the entries of `list` whose ids changed, keeping order and the identity of the
 * others; new ids are appended, ids mapped to null are removed. Returns `list` itself when
 * nothing changed.
 */
export function patchList<T extends { id: string }>(
  list: T[],
  changed: Map<string, T | null>,
): T[] {
  if (changed.size === 0) return list
  const out: T[] = []
  const seen = new Set<string>()
  let dirty = false
  for (const item of list) {
    seen.add(item.id)
    if (!changed.has(item.id)) out.push(item)
    else {
      const next = changed.get(item.id)
      if (next) out.push(next)
      if (next !== item) dirty = true
    }
  }
  for (const [id, next] of changed)
    if (next && !seen.has(id)) {
      out.push(next)
      dirty = true
    }
  return dirty ? out : list
}
