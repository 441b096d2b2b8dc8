import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import type { Quadrant } from '../../shared/stakeholders/grid.ts'
import { useWritersOf, useWritersText } from '../kit/WriterMark.tsx'
import { VoteDots } from '../facilitation/VoteDots.tsx'
import { CATEGORY_COLORS, CategoryBadge, STANCE_COLORS, StanceBadge } from './visuals.tsx'

/**
 * An actor as a card: its category by colour and icon, name, organisation and stance. On the
 * grid it can also show where the pact needs it (current → desired stance, with the engagement
 * plan), which is the "arrow" of the alignment view.
 */
export function ActorCard({
  actor,
  selected,
  variant,
  quadrant,
  showAlignment = false,
  mover,
  children,
}: {
  actor: Actor
  selected: boolean
  variant: 'grid' | 'map'
  quadrant?: Quadrant
  showAlignment?: boolean
  /** Name of the person dragging it elsewhere, if any. */
  mover?: string
  children?: ReactNode
}) {
  const { t } = useTranslation('stakeholders')
  const writer = useWritersOf(actor.id)
  const writersText = useWritersText()
  const colors = CATEGORY_COLORS[actor.category]
  const gap = actor.desiredStance !== actor.stance
  const alignment = showAlignment && (gap || actor.engagement.trim() !== '')
  return (
    <div
      className={`actor-card actor-${variant} category-${actor.category}${selected ? ' selected' : ''}${writer ? ' being-edited' : ''}`}
      style={{
        borderColor: writer ? writer.first.user.color : colors.ink,
        background: colors.tint,
      }}
      data-category={actor.category}
      data-stance={actor.stance}
      data-quadrant={quadrant}
      title={quadrant ? t('card.quadrant', { quadrant: t(`quadrants.${quadrant}`) }) : undefined}
    >
      <div className="actor-card-head">
        <CategoryBadge category={actor.category} size={variant === 'grid' ? 22 : 26} />
        <div className="actor-card-names">
          <div className={`actor-name${actor.label ? '' : ' empty'}`}>
            {actor.label || t('card.unnamed')}
          </div>
          {actor.organisation && <div className="actor-org">{actor.organisation}</div>}
        </div>
      </div>
      <div className="actor-card-foot">
        <StanceBadge stance={actor.stance} compact={variant === 'grid' && alignment} />
        {variant === 'map' && (
          <span className="actor-category-name" style={{ color: colors.ink }}>
            {t(`categoriesShort.${actor.category}`)}
          </span>
        )}
        {alignment && (
          <span className="alignment" data-testid="alignment">
            <svg width="34" height="12" aria-hidden="true">
              <defs>
                <linearGradient
                  id={`grad-${actor.id}`}
                  gradientUnits="userSpaceOnUse"
                  x1="0"
                  x2="26"
                  y1="0"
                  y2="0"
                >
                  <stop offset="0" stopColor={STANCE_COLORS[actor.stance]} />
                  <stop offset="1" stopColor={STANCE_COLORS[actor.desiredStance]} />
                </linearGradient>
              </defs>
              <path d="M1 6 H25" stroke={`url(#grad-${actor.id})`} strokeWidth="3" />
              <path d="M24 1 L33 6 L24 11 Z" fill={STANCE_COLORS[actor.desiredStance]} />
            </svg>
            <StanceBadge stance={actor.desiredStance} compact={false} />
          </span>
        )}
      </div>
      {alignment && actor.engagement.trim() && (
        <div className="alignment-note">{actor.engagement}</div>
      )}
      {(writer || mover) && (
        <div
          className="actor-writer"
          style={{ background: writer ? writer.first.user.color : '#1d2430' }}
        >
          {writer ? writersText(writer) : t('card.movingBy', { name: mover })}
        </div>
      )}
      <VoteDots canvas="stakeholders" card={actor.id} label={actor.label} />
      {children}
    </div>
  )
}
