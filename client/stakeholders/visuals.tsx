import { useTranslation } from 'react-i18next'
import type { ActorCategory, RelationKind, Stance } from '../../shared/schema/index.ts'
import { STANCES } from '../../shared/schema/index.ts'
import { CATEGORY_LOOK, RELATION_LOOK, STANCE_LOOK } from '../../shared/stakeholders/look.ts'

/** How the method's codes look, here and in the exported pictures (shared/stakeholders/look.ts). */
export const CATEGORY_COLORS = CATEGORY_LOOK

export const STANCE_COLORS = Object.fromEntries(
  STANCES.map((s) => [s, STANCE_LOOK[s].color]),
) as Record<Stance, string>
export const STANCE_GLYPHS = Object.fromEntries(
  STANCES.map((s) => [s, STANCE_LOOK[s].glyph]),
) as Record<Stance, string>

export const RELATION_STYLES = RELATION_LOOK

/** A simple line drawing per category (24×24, currentColor): no external assets. */
const ICON_PATHS: Record<ActorCategory, string> = {
  // a public building: pediment, columns, base
  public:
    'M3 9 L12 3.5 L21 9 Z M5 10.5 h2.5 v7 H5 Z M10.75 10.5 h2.5 v7 h-2.5 Z M16.5 10.5 H19 v7 h-2.5 Z M3 19 h18 v2 H3 Z',
  // a heart held by a hand
  'third-sector':
    'M12 13.2 C9 10.8 6.5 9 6.5 6.8 C6.5 5.2 7.7 4 9.2 4 C10.4 4 11.3 4.6 12 5.6 C12.7 4.6 13.6 4 14.8 4 C16.3 4 17.5 5.2 17.5 6.8 C17.5 9 15 10.8 12 13.2 Z M2.5 15 h3 l3.5 2 h5.5 a1.3 1.3 0 0 1 0 2.6 H10 v0.4 h5.5 l5 -3 a1.4 1.4 0 0 1 1.4 2.4 L16 22 H2.5 Z',
  // a factory with a chimney and a saw-tooth roof
  economic:
    'M2.5 21 V11 L8 14 V11 L13.5 14 V11 L16 12.4 V3 h3.5 V21 Z M5.5 16 h2 v2 h-2 Z M10 16 h2 v2 h-2 Z',
  // three people
  community:
    'M12 4 a2.6 2.6 0 1 1 0 5.2 a2.6 2.6 0 1 1 0 -5.2 Z M5.5 7 a2.1 2.1 0 1 1 0 4.2 a2.1 2.1 0 1 1 0 -4.2 Z M18.5 7 a2.1 2.1 0 1 1 0 4.2 a2.1 2.1 0 1 1 0 -4.2 Z M7.5 20 v-4.5 a4.5 4.5 0 0 1 9 0 V20 Z M1.5 20 v-3.6 a4 4 0 0 1 5.4 -3.8 a6 6 0 0 0 -1 3 V20 Z M22.5 20 v-3.6 a4 4 0 0 0 -5.4 -3.8 a6 6 0 0 1 1 3 V20 Z',
}

export function CategoryIcon({
  category,
  size = 18,
  title,
}: {
  category: ActorCategory
  size?: number
  title?: string
}) {
  return (
    <svg
      className="category-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
    >
      <path d={ICON_PATHS[category]} fill="currentColor" fillRule="evenodd" />
    </svg>
  )
}

/** The category's icon in a disc of its colour. */
export function CategoryBadge({ category, size = 26 }: { category: ActorCategory; size?: number }) {
  const { t } = useTranslation('stakeholders')
  return (
    <span
      className="category-badge"
      style={{ background: CATEGORY_COLORS[category].ink, width: size, height: size }}
      title={t(`categories.${category}`)}
    >
      <CategoryIcon category={category} size={Math.round(size * 0.66)} />
    </span>
  )
}

export function StanceBadge({ stance, compact = false }: { stance: Stance; compact?: boolean }) {
  const { t } = useTranslation('stakeholders')
  return (
    <span
      className={`stance-badge stance-${stance}${compact ? ' compact' : ''}`}
      style={{ color: STANCE_COLORS[stance], borderColor: STANCE_COLORS[stance] }}
      title={t(`stances.${stance}`)}
      data-stance={stance}
    >
      <span aria-hidden="true">{STANCE_GLYPHS[stance]}</span>
      {/* (a legend short of room shows the glyph alone, the word read aloud: legend.css) */}
      {!compact && <span className="stance-word">{` ${t(`stances.${stance}`)}`}</span>}
    </span>
  )
}

/** A short sample of a relation's line, for legends and choosers. */
export function RelationSample({ kind, width = 44 }: { kind: RelationKind; width?: number }) {
  const s = RELATION_STYLES[kind]
  return (
    <svg width={width} height="12" aria-hidden="true" className="relation-sample">
      <line
        x1="2"
        y1="6"
        x2={s.directed ? width - 8 : width - 2}
        y2="6"
        stroke={s.color}
        strokeWidth={s.sample?.width ?? s.width}
        strokeDasharray={s.sample?.dash ?? s.dash}
        strokeLinecap="round"
      />
      {s.directed && (
        <path d={`M${width - 9} 1 L${width - 1} 6 L${width - 9} 11 Z`} fill={s.color} />
      )}
    </svg>
  )
}
