import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Phase } from '../../shared/schema/index.ts'

/**
 * The phase registry: which view each phase of the method shows. Adding a phase is one entry
 * here (the type refuses a phase without one). Each view is its own chunk, loaded when the room
 * first goes there, so the first paint carries only the phase in view.
 */
export const PHASE_VIEWS = {
  problems: lazy(() =>
    import('../problems/ProblemsPhase.tsx').then((m) => ({ default: m.ProblemsPhase })),
  ),
  objectives: lazy(() =>
    import('../objectives/ObjectivesPhase.tsx').then((m) => ({ default: m.ObjectivesPhase })),
  ),
  stakeholders: lazy(() =>
    import('../stakeholders/StakeholdersPhase.tsx').then((m) => ({ default: m.StakeholdersPhase })),
  ),
  pact: lazy(() => import('../pact/PactPhase.tsx').then((m) => ({ default: m.PactPhase }))),
} satisfies Record<Phase, LazyExoticComponent<ComponentType>>
