import { useCallback, useRef, useState } from 'react'
import type { EdgeChange, NodeChange, OnDelete } from '@xyflow/react'
import type { XY } from '../../shared/stakeholders/grid.ts'
import { useBoardActions } from '../store/context.tsx'
import { useSelection } from './selection.tsx'
import { actorFocusTarget } from './actorFocus.ts'

type Size = { width: number; height: number }
const NONE: ReadonlySet<string> = new Set()

/**
 * The local half of a React Flow canvas whose nodes are derived (not stored as they are drawn):
 * measured sizes, the positions of an ongoing drag, and selection routed to the phase's shared
 * selection. Removals go to the document.
 */
export function useLocalFlow(fixedIds: ReadonlySet<string> = NONE) {
  const actions = useBoardActions()
  const { actorId, relationId, selectActor, selectRelation } = useSelection()
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map())
  const [dragging, setDragging] = useState<ReadonlyMap<string, XY>>(new Map())
  const draggingRef = useRef(dragging)
  draggingRef.current = dragging
  // React Flow drops the selection when a drag starts on another card: a drag moves a card,
  // it neither opens nor closes one, so deselections while a card is pressed are ignored
  const pressing = useRef(false)
  const onPointerDownCapture = useCallback((e: { target: EventTarget | null }) => {
    if (!(e.target instanceof Element) || !e.target.closest('.react-flow__node')) return
    pressing.current = true
    const release = () => {
      pressing.current = false
      window.removeEventListener('pointerup', release, true)
      window.removeEventListener('pointercancel', release, true)
    }
    window.addEventListener('pointerup', release, true)
    window.addEventListener('pointercancel', release, true)
  }, [])

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moved = new Map<string, XY>()
      const measured = new Map<string, Size>()
      let chosen: string | null | undefined
      for (const c of changes) {
        if (c.type === 'position' && c.position) moved.set(c.id, c.position)
        else if (c.type === 'dimensions' && c.dimensions) measured.set(c.id, c.dimensions)
        else if (c.type === 'select') {
          // a new selection wins over the deselection of the previous one, whatever the order
          if (c.selected) chosen = c.id
          else if (c.id === actorId && chosen === undefined && !pressing.current) chosen = null
        }
      }
      if (moved.size) setDragging((prev) => new Map([...prev, ...moved]))
      if (measured.size)
        setSizes((prev) => {
          const same = [...measured].every(
            ([id, s]) => prev.get(id)?.width === s.width && prev.get(id)?.height === s.height,
          )
          return same ? prev : new Map([...prev, ...measured])
        })
      if (chosen !== undefined) selectActor(chosen)
    },
    [actorId, selectActor],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let chosen: string | null | undefined
      for (const c of changes) {
        if (c.type === 'select') {
          if (c.selected) chosen = c.id
          else if (c.id === relationId && chosen === undefined) chosen = null
        }
      }
      if (chosen !== undefined) selectRelation(chosen)
    },
    [relationId, selectRelation],
  )

  /** Delete: the actors and relations, and the relations of those actors, in one write. */
  const onDelete: OnDelete = useCallback(
    ({ nodes, edges }) => {
      const ids = nodes.filter((n) => !fixedIds.has(n.id)).map((n) => n.id)
      // the keyboard's focus, on an actor deleted, goes to the next actor's card: not to the page
      const at = document.activeElement?.closest<HTMLElement>('.react-flow__node')
      const refocus =
        at && ids.includes(at.dataset.id ?? '')
          ? actorFocusTarget(new Set(ids), { gone: true })
          : undefined
      actions.removeCards(
        'stakeholders',
        ids,
        edges.map((e) => e.id),
      )
      refocus?.()
    },
    [actions, fixedIds],
  )

  /** Ends a drag: returns the final local positions and forgets them. */
  const takeDragged = useCallback((): Map<string, XY> => {
    const out = new Map(draggingRef.current)
    setDragging(new Map())
    return out
  }, [])

  return {
    sizes,
    dragging,
    onNodesChange,
    onEdgesChange,
    onDelete,
    takeDragged,
    onPointerDownCapture,
  }
}
