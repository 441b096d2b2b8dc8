import { useEffect } from 'react'
import type { RoomState } from '../../shared/schema/index.ts'
import { isFacilitator, type BoardState } from '../store/boardStore.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { useRoomActions } from './useRoomActions.ts'
import { activeVote } from '../facilitation/votes.ts'

/** The canvases a spotlight can fall on, by the phase that shows them. */
const SPOT_CANVAS = { problems: 'problems', objectives: 'objectives' } as const
/** A selection that changes quickly (shift-clicks, a marquee) is sent once it rests. */
const SETTLE_MS = 150

/**
 * What the facilitator's selection puts in the spotlight: one card; several cards of one
 * branch, that branch; anything else, nothing (the whole tree). Nothing either while a dot vote
 * on the tree is open or revealed: the room votes on (and reads the dots of) the whole tree, not
 * the card the facilitator last touched.
 */
export function spotlightOf(s: BoardState): RoomState['spotlight'] {
  const canvas = SPOT_CANVAS[s.tab as keyof typeof SPOT_CANVAS]
  if (!canvas || activeVote(s, canvas)) return null
  const selected = s.canvases[canvas].nodes.filter((n) => n.selected)
  if (selected.length === 1) return { canvas, id: selected[0]!.id }
  if (selected.length > 1) {
    const clusters = new Set(selected.map((n) => n.data.cluster))
    const [cluster] = clusters
    if (clusters.size === 1 && typeof cluster === 'string' && cluster)
      return { canvas, id: cluster }
  }
  return null
}

/**
 * The facilitator's selection becomes the room's spotlight while `on`: the projector glides to
 * the card (with its causes and effects) or the branch; deselecting returns it to the tree.
 */
export function useSpotlightWriter(on: boolean): void {
  const { store } = useBoardSession()
  const facilitator = useBoard(isFacilitator)
  const room = useRoomActions()
  useEffect(() => {
    if (!facilitator) return
    if (!on) {
      room.setSpotlight(null)
      return
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = JSON.stringify(spotlightOf(store.getState()))
    room.setSpotlight(spotlightOf(store.getState()))
    const unsubscribe = store.subscribe((s) => {
      const next = JSON.stringify(spotlightOf(s))
      if (next === last) return
      last = next
      clearTimeout(timer)
      timer = setTimeout(() => room.setSpotlight(spotlightOf(store.getState())), SETTLE_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [facilitator, on, store, room])
}
