import type { Fields, Frequency, IndicatorDirection } from '../../../shared/schema/index.ts'

/**
 * The method's example indicators (integration pathways started, people still employed at 6
 * and 12 months, social progression): inserted filled in, in the page's language, then edited
 * like any other. `preset` keeps which example an indicator came from.
 */
export const INDICATOR_PRESETS = [
  { key: 'pathways-started', direction: 'increase', frequency: 'quarterly' },
  { key: 'employed-6m', direction: 'increase', frequency: 'half-yearly' },
  { key: 'employed-12m', direction: 'increase', frequency: 'yearly' },
  { key: 'social-progression', direction: 'increase', frequency: 'half-yearly' },
] as const satisfies readonly {
  key: string
  direction: IndicatorDirection
  frequency: Frequency
}[]
export type PresetKey = (typeof INDICATOR_PRESETS)[number]['key']

/** A preset's fields, its words given by the page's language. */
export function presetFields(
  key: PresetKey,
  words: (field: 'label' | 'unit' | 'source') => string,
): Fields {
  const preset = INDICATOR_PRESETS.find((p) => p.key === key)!
  return {
    label: words('label'),
    unit: words('unit'),
    source: words('source'),
    direction: preset.direction,
    frequency: preset.frequency,
    preset: key,
  }
}
