import type { TextMetrics } from '../../client/projector/cardWidth.ts'

/** Monospace metrics for the projector's layout tests: every character 10 px wide. */
export const mono: TextMetrics = {
  fontPx: 20,
  lineHeight: 25,
  chromePx: 20,
  insetPx: 20,
  measure: (text) => text.length * 10,
}
