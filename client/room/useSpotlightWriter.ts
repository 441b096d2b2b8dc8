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
 * branch, that branch; anything else, nothing (the whole tree).
 */
function selectionSpot(s: BoardState): RoomState['spotlight'] {
  const canvas = SPOT_CANVAS[s.tab as keyof typeof SPOT_CANVAS]
  if (!canvas) return null
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
 * The spotlight of the facilitator's selection ({@link selectionSpot}), but nothing while a dot
 * vote on the tree is open or revealed: the room votes on (and reads the dots of) the whole
 * tree, not the card the facilitator last touched.
 */
export function spotlightOf(s: BoardState): RoomState['spotlight'] {
  const canvas = SPOT_CANVAS[s.tab as keyof typeof SPOT_CANVAS]
  return canvas && activeVote(s, canvas) ? null : selectionSpot(s)
}

/** What the writer has sent and the selection it last saw, as JSON. */
export interface SpotlightTrack {
  sent: string
  selection: string
}

/** The writer's starting point: the spotlight of the state when it turns on. */
export function startSpotlight(s: BoardState): SpotlightTrack {
  return { sent: JSON.stringify(spotlightOf(s)), selection: JSON.stringify(selectionSpot(s)) }
}

/**
 * The spotlight after a change of the board's state. When a vote ends, the room stays on the
 * whole tree it voted on: the card selected before the vote comes back into the spotlight only
 * once the facilitator selects something again.
 */
export function nextSpotlight(track: SpotlightTrack, s: BoardState): SpotlightTrack {
  const selection = JSON.stringify(selectionSpot(s))
  const moved = selection !== track.selection
  let sent = JSON.stringify(spotlightOf(s))
  if (!moved && track.sent === 'null') sent = 'null'
  return { sent, selection }
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
    let track = startSpotlight(store.getState())
    room.setSpotlight(spotlightOf(store.getState()))
    const unsubscribe = store.subscribe((s) => {
      const next = nextSpotlight(track, s)
      const changed = next.sent !== track.sent
      track = next
      if (!changed) return
      clearTimeout(timer)
      timer = setTimeout(
        () => room.setSpotlight(JSON.parse(track.sent) as RoomState['spotlight']),
        SETTLE_MS,
      )
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [facilitator, on, store, room])
}
