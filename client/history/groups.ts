import { REGISTRY, PHASES, type Phase } from '../../shared/schema/index.ts'

/** The canvases the history groups changes by: the four phases, then the rest. */
export type CanvasGroup = Phase | 'other'
export const GROUPS: readonly CanvasGroup[] = [...PHASES, 'other']

const groupOf = new Map<string, CanvasGroup>(REGISTRY.map((s) => [s.name, s.phase ?? 'other']))

/** The canvas (phase) a collection belongs to. */
export function canvasOf(collection: string): CanvasGroup {
  return groupOf.get(collection) ?? 'other'
}

/** The i18n key of a collection's kind (i18next reads dots as nesting). */
export function kindKey(collection: string): string {
  return `kinds.${collection.replace(/\./g, '_')}`
}

/** Per-canvas sums of per-collection values, canvases in order, empty ones left out. */
export function byCanvas<T>(
  perCollection: Record<string, T>,
): { canvas: CanvasGroup; items: [string, T][] }[] {
  return GROUPS.map((canvas) => ({
    canvas,
    items: Object.entries(perCollection).filter(([c]) => canvasOf(c) === canvas),
  })).filter((g) => g.items.length)
}

/** What a version's counts say per canvas: cards of the three trees, the pact's items. */
export function canvasCounts(counts: Record<string, number>): [Phase, number][] {
  const main: [Phase, string[]][] = [
    ['problems', ['problems.nodes']],
    ['objectives', ['objectives.nodes']],
    ['stakeholders', ['stakeholders.nodes']],
    [
      'pact',
      REGISTRY.filter((s) => s.phase === 'pact' && s.name !== 'pact.info').map((s) => s.name),
    ],
  ]
  return main.map(([phase, names]) => [phase, names.reduce((n, c) => n + (counts[c] ?? 0), 0)])
}
