import type { Phase } from '../../shared/schema/index.ts'
import type { BoardState } from '../store/boardStore.ts'

/** The phase a page opens on. */
export const FIRST_PHASE: Phase = 'problems'

/**
 * A page opened while the room works on a later phase starts there, not on the first: a
 * latecomer landed on «Problemi» with the room in «Patto», told nothing, and so did a
 * facilitator's second tab or a reload of theirs (the projector, which shows the facilitator's
 * phase, too). Not a tab already chosen by hand, nor someone already writing a card on a slow
 * first sync (they stay where they write).
 *
 * Applied with the first sync itself (client/sync/session.ts), in the same change of the
 * store as the board's content: decided in an effect after it, the page first drew the whole
 * problem tree, then threw it away for the room's phase.
 */
export function openingTab(s: BoardState): Partial<BoardState> {
  return s.editingId === null && s.tab === FIRST_PHASE && s.phase !== FIRST_PHASE
    ? { tab: s.phase }
    : {}
}
