import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import {
  CAUSE_EFFECT,
  canvasRoots,
  deleteCard,
  putCard,
  putLink,
  type ProblemRole,
} from '../../shared/schema/index.ts'
import { LOCAL_ORIGIN } from '../sync/origin.ts'
import { canEdit, type BoardStore } from './boardStore.ts'

/** Ids unique across clients without coordination: 12 random url-safe characters (72 bits). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_')
}

export interface XY {
  x: number
  y: number
}

/**
 * Everything the UI can do to the board. Writes go to the document inside one transaction with
 * {@link LOCAL_ORIGIN}; the store then changes through the binding, never directly.
 */
export function createBoardActions(
  doc: Y.Doc,
  store: BoardStore,
  awareness: Awareness,
  undo: Y.UndoManager,
) {
  const problems = canvasRoots(doc, 'problems')
  const write = (fn: () => void): boolean => {
    if (!canEdit(store.getState())) return false
    doc.transact(fn, LOCAL_ORIGIN)
    return true
  }

  return {
    addProblem(position: XY, role: ProblemRole = 'cause', label = ''): string | null {
      const id = newId()
      const ok = write(() =>
        putCard(doc, 'problems', id, {
          kind: 'problem',
          label,
          role,
          x: Math.round(position.x),
          y: Math.round(position.y),
        }),
      )
      return ok ? id : null
    },
    setLabel(id: string, label: string): void {
      const card = problems.nodes.get(id)
      if (card && card.get('label') !== label) write(() => card.set('label', label))
    },
    setRole(id: string, role: ProblemRole): void {
      const card = problems.nodes.get(id)
      if (card && card.get('role') !== role) write(() => card.set('role', role))
    },
    /** The final position of a drag: all moved cards in one transaction. */
    moveCards(positions: Map<string, XY>): void {
      write(() => {
        for (const [id, pos] of positions) {
          const card = problems.nodes.get(id)
          if (!card) continue
          card.set('x', Math.round(pos.x))
          card.set('y', Math.round(pos.y))
        }
      })
    },
    /** Removes cards (with their links) and links, in one transaction. */
    remove(cardIds: string[], linkIds: string[] = []): void {
      write(() => {
        for (const id of cardIds) deleteCard(doc, 'problems', id)
        for (const id of linkIds) problems.edges.delete(id)
      })
    },
    /** Links a cause to its effect; refuses self-links and duplicates. */
    link(source: string, target: string): string | null {
      if (source === target || !problems.nodes.has(source) || !problems.nodes.has(target))
        return null
      let exists = false
      problems.edges.forEach((e) => {
        if (e.get('source') === source && e.get('target') === target) exists = true
      })
      if (exists) return null
      const id = newId()
      return write(() => putLink(doc, 'problems', id, { source, target, kind: CAUSE_EFFECT }))
        ? id
        : null
    },
    undo: () => void undo.undo(),
    redo: () => void undo.redo(),
    /** A drag starts a new undo step, so it never merges with the edit before it. */
    beginGesture: () => undo.stopCapturing(),
    /** Live drag positions travel through awareness only. */
    broadcastDrag(positions: Map<string, XY> | null): void {
      awareness.setLocalStateField(
        'drag',
        positions ? { canvas: 'problems', nodes: Object.fromEntries(positions) } : null,
      )
    },
    broadcastCursor(pos: XY | null): void {
      awareness.setLocalStateField(
        'cursor',
        pos ? { canvas: 'problems', x: pos.x, y: pos.y } : null,
      )
    },
    setEditing(id: string | null): void {
      store.setState({ editingId: id })
      awareness.setLocalStateField('editing', id)
    },
    setTab(tab: BoardStoreState['tab']): void {
      store.setState({ tab })
      awareness.setLocalStateField('tab', tab)
    },
  }
}

type BoardStoreState = ReturnType<BoardStore['getState']>
export type BoardActions = ReturnType<typeof createBoardActions>
