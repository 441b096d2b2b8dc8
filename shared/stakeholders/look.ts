import type { ActorCategory, RelationKind, Stance } from '../schema/vocabulary.ts'

/**
 * How the method's codes look, on the page (client/stakeholders/visuals.tsx) and in the exported
 * pictures (shared/render/stakeholders.ts) alike. Each category has a colour AND an icon (a
 * projector washes colours out, and some people don't tell them apart); each relation kind a
 * colour AND a dash pattern.
 */
export const CATEGORY_LOOK: Record<ActorCategory, { ink: string; tint: string }> = {
  public: { ink: '#2f5fa8', tint: '#e6eefb' },
  'third-sector': { ink: '#8a3b8f', tint: '#f5e8f6' },
  economic: { ink: '#a8590d', tint: '#fbeedd' },
  community: { ink: '#0f7d8c', tint: '#e0f3f5' },
}

/**
 * An actor's stance: a colour AND a glyph, in a white chip bordered with the colour (the page's
 * StanceBadge, the exported pictures' chip and legend).
 */
export const STANCE_LOOK: Record<Stance, { color: string; glyph: string }> = {
  supports: { color: '#1d7a3a', glyph: '✓' },
  neutral: { color: '#5b6472', glyph: '=' },
  resists: { color: '#b3261e', glyph: '✕' },
}

export interface RelationLook {
  color: string
  dash?: string
  width: number
  glyph: string
  /** Kinds with a direction (who funds whom, who informs whom) get an arrowhead. */
  directed: boolean
  /**
   * How a legend's short sample draws the line, when its own look reads too faint there: the
   * information line's 3.5-px dots, three of them in a 34-px sample, were a wisp beside the
   * other samples' solid strokes on a projector. Bigger dots carry about as much ink.
   */
  sample?: { width: number; dash: string }
}

export const RELATION_LOOK: Record<RelationKind, RelationLook> = {
  cooperation: { color: '#1d7a3a', width: 3, glyph: '+', directed: false },
  conflict: { color: '#b3261e', dash: '10 6', width: 3, glyph: '✕', directed: false },
  information: {
    color: '#2f5fa8',
    dash: '1 7',
    width: 3.5,
    glyph: 'i',
    directed: true,
    sample: { width: 5, dash: '0.01 8' },
  },
  funding: { color: '#a8590d', dash: '14 5 3 5', width: 3, glyph: '€', directed: true },
}
