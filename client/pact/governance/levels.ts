import type { BodyLevel } from '../../../shared/schema/index.ts'

/** Each level of governance its colour, from direction (dark) to the work (light). */
export const LEVEL_COLORS: Record<BodyLevel, string> = {
  political: '#0f6e63',
  strategic: '#2f5fa8',
  technical: '#c77d00',
  operational: '#7c6f5a',
}
