import { useTranslation } from 'react-i18next'
import { ACTOR_CATEGORIES, RELATION_KINDS, STANCES } from '../../shared/schema/index.ts'
import { CATEGORY_COLORS, CategoryBadge, RelationSample, StanceBadge } from './visuals.tsx'

/**
 * What the colours, icons and lines mean: a strip under the canvas, so it never hides a card
 * or a quadrant. Short of room (its own width: legend.css), its names grow shorter, step by
 * step, so that it keeps to one row; each keeps its whole name in its tooltip and for a screen
 * reader.
 */
export function Legend({
  relations,
  arrows,
}: {
  relations: boolean
  /** On the grid: the alignment arrows' toggle, at the end of the strip (not on a phone). */
  arrows?: { on: boolean; set: (on: boolean) => void }
}) {
  const { t } = useTranslation('stakeholders')
  return (
    <aside
      className="sh-legend"
      data-view={relations ? 'map' : 'grid'}
      aria-label={t('legend.title')}
      data-testid="legend"
    >
      <div className="sh-legend-row">
        <ul aria-label={t('legend.categories')}>
          {ACTOR_CATEGORIES.map((c) => (
            <li key={c} data-category={c} title={t(`categories.${c}`)}>
              <CategoryBadge category={c} size={20} />
              {/* short of room the shorter name, on the map then the icon alone (legend.css),
                  the whole name read aloud */}
              <span className="sh-legend-name" style={{ color: CATEGORY_COLORS[c].ink }}>
                <span className="full">{t(`categories.${c}`)}</span>
                <span className="short" aria-hidden="true">
                  {t(`categoriesShort.${c}`)}
                </span>
              </span>
            </li>
          ))}
        </ul>
        <ul aria-label={t('legend.stances')}>
          {STANCES.map((s) => (
            <li key={s}>
              <StanceBadge stance={s} />
            </li>
          ))}
        </ul>
        {relations && (
          <ul aria-label={t('legend.relations')}>
            {RELATION_KINDS.map((k) => (
              <li key={k} data-kind={k} title={t(`relations.${k}`)}>
                <RelationSample kind={k} width={34} />
                {/* short of room the shorter name (legend.css), the whole one read aloud */}
                <span>
                  <span className="full">{t(`relations.${k}`)}</span>
                  <span className="short" aria-hidden="true">
                    {t(`relationsShort.${k}`)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {arrows && <ArrowsToggle className="sh-legend-arrows" short {...arrows} />}
      </div>
    </aside>
  )
}

/**
 * «Frecce di allineamento»: the grid's arrows from current to desired stance, on or off.
 * `short`: in the legend, which short of room names it «Frecce» (its whole name read aloud).
 */
export function ArrowsToggle({
  className,
  on,
  set,
  short = false,
}: {
  className: string
  on: boolean
  set: (on: boolean) => void
  short?: boolean
}) {
  const { t } = useTranslation('stakeholders')
  return (
    <label className={className} title={t('toolbar.arrowsHint')}>
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} />{' '}
      {short ? (
        <span>
          <span className="full">{t('toolbar.arrows')}</span>
          <span className="short" aria-hidden="true">
            {t('toolbar.arrowsShort')}
          </span>
        </span>
      ) : (
        t('toolbar.arrows')
      )}
    </label>
  )
}
