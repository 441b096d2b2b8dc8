import type { BoardState } from '../store/boardStore.ts'
import { isFacilitator } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { FollowBar } from '../follow/FollowBar.tsx'
import { FollowMenu } from '../follow/FollowMenu.tsx'
import { JoinOverlay } from '../projector/JoinOverlay.tsx'
import { FacilitatorControls } from './FacilitatorControls.tsx'
import './room.css'

const roleSelector = (s: BoardState) => s.role

/**
 * The room in the header, by role: the facilitator's controls (bring everyone, spotlight, join
 * code); for a participant, following someone and the notices that go with it; for the
 * projector, the join code when the facilitator shows it.
 */
export function RoomControls() {
  const role = useBoard(roleSelector)
  const facilitator = useBoard(isFacilitator)
  if (role === 'viewer') return <JoinOverlay />
  if (facilitator) return <FacilitatorControls />
  return (
    <>
      <FollowMenu />
      <FollowBar />
    </>
  )
}
