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
  /**
   * A card selected as it was created (N, Tab, a double-click on the canvas): it stays out of
   * the spotlight while it stays the selection of its canvas, until the facilitator clicks it.
   */
  quiet: Spot | null
}

type Spot = NonNullable<RoomState['spotlight']>

/** The cards of the canvases a spotlight can fall on. */
export function spotCards(s: BoardState): Set<string> {
  return new Set(Object.values(SPOT_CANVAS).flatMap((c) => s.canvases[c].nodes.map((n) => n.id)))
}

/** The writer's starting point: the spotlight of the state when it turns on. */
export function startSpotlight(s: BoardState): SpotlightTrack {
  const sent = JSON.stringify(spotlightOf(s))
  return { sent, selection: JSON.stringify(selectionSpot(s)), quiet: null }
}

/** Whether the card is still the only one selected on its canvas. */
function stillAlone(s: BoardState, quiet: Spot): boolean {
  const selected = s.canvases[quiet.canvas].nodes.filter((n) => n.selected)
  return selected.length === 1 && selected[0]!.id === quiet.id
}

/**
 * The spotlight after a change of the board's state. When a vote ends, the room stays on the
 * whole tree it voted on: the card selected before the vote comes back into the spotlight only
 * once the facilitator selects something again. A card selected as it is created — one not in
 * `known`, the cards there were before this change began — is the facilitator writing, not
 * pointing: the room goes on seeing the whole tree (with what the others add), walkthrough.
 */
export function nextSpotlight(
  track: SpotlightTrack,
  s: BoardState,
  known: ReadonlySet<string>,
): SpotlightTrack {
  const spot = selectionSpot(s)
  const selection = JSON.stringify(spot)
  const moved = selection !== track.selection
  let quiet = track.quiet && stillAlone(s, track.quiet) ? track.quiet : null
  // a card's id (a branch's is none of the cards) that was not there before
  if (moved && spot && !known.has(spot.id) && spotCards(s).has(spot.id)) quiet = spot
  let sent = JSON.stringify(spotlightOf(s))
  if (!moved && track.sent === 'null') sent = 'null'
  if (quiet && selection === JSON.stringify(quiet)) sent = 'null'
  return { sent, selection, quiet }
}

/**
 * A click on card `id`: the facilitator points at it. The card selected already (one just
 * written, or back from a vote) comes into the spotlight; not while they write into it.
 */
export function pointAt(track: SpotlightTrack, s: BoardState, id: string): SpotlightTrack {
  if (selectionSpot(s)?.id !== id || s.editingId === id) return track
  return { ...track, sent: JSON.stringify(spotlightOf(s)), quiet: null }
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
    // the cards as this page's code last left them: one that appears and is selected in the
    // same run is one it has just created (others' cards come in their own frames)
    let known = spotCards(store.getState())
    let settling = false
    const settle = () => {
      settling = false
      known = spotCards(store.getState())
    }
    const follow = (next: SpotlightTrack) => {
      const changed = next.sent !== track.sent
      track = next
      if (!changed) return
      clearTimeout(timer)
      timer = setTimeout(
        () => room.setSpotlight(JSON.parse(track.sent) as RoomState['spotlight']),
        SETTLE_MS,
      )
    }
    const unsubscribe = store.subscribe((s) => {
      follow(nextSpotlight(track, s, known))
      if (!settling) {
        settling = true
        queueMicrotask(settle)
      }
    })
    // on the document: a drag's closing click, which React Flow's drag swallows on the window,
    // never comes here (moving a card is not pointing at it)
    const onClick = (e: MouseEvent) => {
      const card = e.target instanceof Element ? e.target.closest('.react-flow__node') : null
      const id = card?.getAttribute('data-id')
      if (id) follow(pointAt(track, store.getState(), id))
    }
    document.addEventListener('click', onClick, true)
    return () => {
      clearTimeout(timer)
      unsubscribe()
      document.removeEventListener('click', onClick, true)
    }
  }, [facilitator, on, store, room])
}
