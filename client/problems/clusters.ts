/** Branch colours: distinct on a projector, readable under dark text. */
export const CLUSTER_COLORS = [
  '#0f766e',
  '#7c3aed',
  '#c2410c',
  '#1d4ed8',
  '#be185d',
  '#15803d',
  '#a16207',
  '#0e7490',
]

export function nextClusterColor(used: number): string {
  return CLUSTER_COLORS[used % CLUSTER_COLORS.length]!
}
