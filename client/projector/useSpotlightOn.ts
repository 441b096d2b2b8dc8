import { useCallback } from 'react'
import type { CanvasName } from '../../shared/schema/index.ts'
import type { RoomState } from '../../shared/schema/index.ts'
import { useRoom } from '../room/useRoom.ts'

/** The card or branch id the facilitator has put in the spotlight on `canvas`, if any. */
export function useSpotlightOn(canvas: CanvasName): string | null {
  return useRoom(
    useCallback(
      (r: RoomState) => (r.spotlight && r.spotlight.canvas === canvas ? r.spotlight.id : null),
      [canvas],
    ),
  )
}
