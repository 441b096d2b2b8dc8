import type { Edge, Node } from '@xyflow/react'
import { MarkerType } from '@xyflow/react'
import type { Fields, ProblemRole } from '../../shared/schema/index.ts'
import { PROBLEM_ROLES } from '../../shared/schema/index.ts'

export interface ProblemCardData extends Record<string, unknown> {
  label: string
  role: ProblemRole
}

export type ProblemNode = Node<ProblemCardData, 'problem'>
export type CauseEffectEdge = Edge<Record<string, unknown>>

function asRole(value: unknown): ProblemRole {
  return (PROBLEM_ROLES as readonly unknown[]).includes(value) ? (value as ProblemRole) : 'cause'
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/**
 * A card of the document as a React Flow node. Local-only state of the previous node (selection,
 * measured size, an ongoing local drag) is kept; an unchanged card keeps its object identity.
 */
export function toProblemNode(id: string, fields: Fields, prev?: ProblemNode): ProblemNode {
  const label = typeof fields.label === 'string' ? fields.label : ''
  const role = asRole(fields.role)
  const position = prev?.dragging ? prev.position : { x: finite(fields.x), y: finite(fields.y) }
  if (
    prev &&
    prev.data.label === label &&
    prev.data.role === role &&
    prev.position.x === position.x &&
    prev.position.y === position.y
  )
    return prev
  return {
    ...prev,
    id,
    type: 'problem',
    position,
    data: { label, role },
  }
}

export function toCauseEffectEdge(
  id: string,
  fields: Fields,
  prev?: CauseEffectEdge,
): CauseEffectEdge | null {
  const source = typeof fields.source === 'string' ? fields.source : null
  const target = typeof fields.target === 'string' ? fields.target : null
  if (!source || !target) return null
  if (prev && prev.source === source && prev.target === target) return prev
  return {
    ...prev,
    id,
    source,
    target,
    type: 'default',
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  }
}

/**
 * Replaces the entries of `list` whose ids changed, keeping order and the identity of the
 * others; new ids are appended, ids mapped to null are removed.
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
