import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Phase } from '../../shared/schema/index.ts'

type View = ComponentType

/** Each phase's view, loaded on demand. */
const loaders = {
  problems: () =>
    import('../problems/ProblemsPhase.tsx').then((m) => ({ default: m.ProblemsPhase })),
  objectives: () =>
    import('../objectives/ObjectivesPhase.tsx').then((m) => ({ default: m.ObjectivesPhase })),
  stakeholders: () =>
    import('../stakeholders/StakeholdersPhase.tsx').then((m) => ({ default: m.StakeholdersPhase })),
  pact: () => import('../pact/PactPhase.tsx').then((m) => ({ default: m.PactPhase })),
} satisfies Record<Phase, () => Promise<{ default: View }>>

/**
 * The phase registry: which view each phase of the method shows. Adding a phase is one entry
 * here (the type refuses a phase without one). Each view is its own chunk, loaded when the room
 * first goes there, so the first paint carries only the phase in view.
 */
export const PHASE_VIEWS = {
  problems: lazy(loaders.problems),
  objectives: lazy(loaders.objectives),
  stakeholders: lazy(loaders.stakeholders),
  pact: lazy(loaders.pact),
} satisfies Record<Phase, LazyExoticComponent<View>>

const loaded: Partial<Record<Phase, View>> = {}
const loading: Partial<Record<Phase, Promise<void>>> = {}
const chosen: Partial<Record<Phase, View>> = {}

/**
 * Loads a phase's view ahead of showing it; resolves when it is here (or could not be loaded:
 * the view then loads, and fails, visibly, when shown).
 */
export function loadPhase(phase: Phase): Promise<void> {
  return (loading[phase] ??= loaders[phase]().then(
    (m) => void (loaded[phase] = m.default),
    () => void delete loading[phase],
  ))
}

export function isPhaseLoaded(phase: Phase): boolean {
  return !!loaded[phase]
}

/**
 * The component that shows a phase: its view itself when its code was here the first time the
 * phase was shown, else the lazy one, which suspends until it is. A suspended view is revealed
 * no sooner than 300 ms after React showed the fallback (React 19 throttles reveals), which
 * was most of the time between the board's page and its problem tree; a view loaded ahead
 * (loadPhase) does not suspend. The choice stays, so a view is never swapped under its state.
 */
export function phaseView(phase: Phase): View {
  return (chosen[phase] ??= loaded[phase] ?? PHASE_VIEWS[phase])
}
